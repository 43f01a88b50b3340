// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The HTTP API end to end on loopback: a store built through the Store API,
// an in-process server on a free 127.0.0.1 port, real HTTP requests (raw
// sockets for the hostile ones). Every test stops its server by itself.
#include "serve/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "serve/internal/formats.h"
#include "serve/internal/params.h"
#include "store/store.h"
#include "store/synthetic.h"

namespace kroniek::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Status code of a raw request (bytes as given); -1 when the connection gave
// no HTTP answer. Bounded: 5 s receive timeout.
int RawStatus(int port, const std::string& request, std::string* body = nullptr) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer (414) and close early
    sent += static_cast<size_t>(n);
  }
  std::string resp;
  char buf[65536];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) resp.append(buf, static_cast<size_t>(n));
  close(fd);
  if (resp.rfind("HTTP/1.1 ", 0) != 0 || resp.size() < 12) return -1;
  if (body) {
    size_t p = resp.find("\r\n\r\n");
    *body = p == std::string::npos ? "" : resp.substr(p + 4);
  }
  return std::stoi(resp.substr(9, 3));
}

std::string Get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("kroniek_serve_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ / "web" / "assets");
    std::ofstream(*dir_ / "web" / "index.html") << "<!doctype html><title>Kroniek</title>";
    std::ofstream(*dir_ / "web" / "assets" / "worker.mjs") << "export {};";
    std::ofstream(*dir_ / "web" / "assets" / "app.css") << "body{}";
    std::ofstream(*dir_ / "secret.txt") << "SECRET";
    fs::create_symlink(*dir_ / "secret.txt", *dir_ / "web" / "leak.txt");
    db_ = new std::string((*dir_ / "store.db").string());
    auto store = store::Store::Open(*db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(store::AddSyntheticIncidents(**store, 400, 3).ok());
    ASSERT_TRUE((*store)->Deduplicate({}).ok());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }

  void SetUp() override {
    ServerOptions opt;
    opt.db_path = *db_;
    opt.port = 0;
    opt.threads = 8;
    opt.web_dir = (*dir_ / "web").string();
    auto s = Server::Create(opt);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { server_->Run().IgnoreError(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5, 0);
    client_->set_read_timeout(10, 0);
  }
  void TearDown() override {
    client_.reset();
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  // GET `path`; expects `status`; returns the body.
  std::string Fetch(const std::string& path, int status = 200,
                    std::string* content_type = nullptr) {
    auto res = client_->Get(path.c_str());
    EXPECT_TRUE(res) << path << ": no response";
    if (!res) return "";
    EXPECT_EQ(res->status, status) << path << ": " << res->body.substr(0, 300);
    if (content_type) *content_type = res->get_header_value("Content-Type");
    return res->body;
  }
  json FetchJson(const std::string& path, int status = 200) {
    std::string body = Fetch(path, status);
    json j = json::parse(body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ": " << body.substr(0, 200);
    return j;
  }

  static fs::path* dir_;
  static std::string* db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

fs::path* ServerTest::dir_ = nullptr;
std::string* ServerTest::db_ = nullptr;

TEST_F(ServerTest, HealthCountsTheStore) {
  json h = FetchJson("/v1/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_GE(h["events"].get<int>(), 390);
  EXPECT_GT(h["reports"].get<int>(), h["events"].get<int>());
}

TEST_F(ServerTest, CursorPaginationCoversEveryEventExactlyOnce) {
  int total = FetchJson("/v1/health")["events"];
  std::set<std::string> seen;
  std::string cursor;
  std::string last_key;
  int pages = 0;
  do {
    json page = FetchJson("/v1/events?limit=37" +
                          (cursor.empty() ? "" : "&cursor=" + cursor));
    EXPECT_EQ(page["total"], total);
    for (const json& e : page["events"]) {
      EXPECT_TRUE(seen.insert(e["event_id"].get<std::string>()).second)
          << "repeated " << e["event_id"];
      // date desc, then id asc
      std::string key = e["date"]["start"].get<std::string>();
      if (!last_key.empty()) {
        EXPECT_LE(key, last_key);
      }
      last_key = key;
    }
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    ASSERT_LT(++pages, 100);
  } while (!cursor.empty());
  EXPECT_EQ(static_cast<int>(seen.size()), total);
}

TEST_F(ServerTest, FiltersSelectWhatTheySay) {
  struct Case {
    std::string query;
    std::function<bool(const json&)> holds;
  } cases[] = {
      {"country=ukr", [](const json& e) { return e["location"]["country"] == "UKR"; }},
      {"country=NLD,MLI",
       [](const json& e) {
         return e["location"]["country"] == "NLD" || e["location"]["country"] == "MLI";
       }},
      {"plover=assault,protest",
       [](const json& e) {
         return e["plover"]["type"] == "ASSAULT" || e["plover"]["type"] == "PROTEST";
       }},
      {"cameo=19", [](const json& e) { return e["cameo"].get<std::string>().rfind("19", 0) == 0; }},
      {"actor=NLDCOP",
       [](const json& e) {
         return e["source"]["code"] == "NLDCOP" || e["target"]["code"] == "NLDCOP";
       }},
      {"actor=politie",
       [](const json& e) {
         return e["source"]["text"].get<std::string>().find("politie") != std::string::npos ||
                e["target"]["text"].get<std::string>().find("politie") != std::string::npos;
       }},
      {"min_fatalities=30",
       [](const json& e) { return e["fatalities"]["killed"].get<int>() >= 30; }},
      {"start=2020-01-01&end=2020-12-31",
       [](const json& e) {
         return e["date"]["start"] >= "2020-01-01" && e["date"]["start"] <= "2020-12-31";
       }},
      {"bbox=20,40,40,60",
       [](const json& e) {
         double lat = e["location"]["lat"], lon = e["location"]["lon"];
         return lat >= 40 && lat <= 60 && lon >= 20 && lon <= 40;
       }},
      {"admin1=donetsk", [](const json& e) { return e["location"]["admin1"] == "Donetsk"; }},
      {"lang=nl", [](const json& e) { return e["langs"][0] == "nl"; }},
      {"q=Minsk", [](const json& e) { return e["location"]["name"] == "Minsk"; }},
      {"updated_since=2000-01-01T00:00:00%2B02:00", [](const json&) { return true; }},
  };
  int all = FetchJson("/v1/health")["events"];
  for (const Case& c : cases) {
    json page = FetchJson("/v1/events?limit=1000&" + c.query);
    ASSERT_TRUE(page["events"].is_array()) << c.query;
    EXPECT_GT(page["events"].size(), 0u) << c.query;
    EXPECT_EQ(page["total"].get<size_t>(), page["events"].size()) << c.query;
    if (c.query.rfind("updated", 0) != 0 && c.query != "lang=nl") {
      EXPECT_LT(page["total"].get<int>(), all) << c.query;
    }
    for (const json& e : page["events"]) EXPECT_TRUE(c.holds(e)) << c.query << ": " << e.dump();
  }
  json none = FetchJson("/v1/events?updated_since=2999-01-01");
  EXPECT_EQ(none["total"], 0);
  EXPECT_TRUE(none["deleted"].is_array());
}

TEST_F(ServerTest, FormatsGeoJsonCsvJsonl) {
  std::string type;
  json geo = json::parse(Fetch("/v1/events?format=geojson&limit=50", 200, &type));
  EXPECT_EQ(type, "application/geo+json; charset=utf-8");
  EXPECT_EQ(geo["type"], "FeatureCollection");
  ASSERT_EQ(geo["features"].size(), 50u);
  const json& f0 = geo["features"][0];
  EXPECT_NEAR(f0["geometry"]["coordinates"][0].get<double>(),
              f0["properties"]["location"]["lon"].get<double>(), 1e-6);
  EXPECT_FALSE(geo["next_cursor"].is_null());

  std::string csv = Fetch("/v1/events?format=csv&limit=20&min_fatalities=1", 200, &type);
  EXPECT_EQ(type, "text/csv; charset=utf-8");
  std::vector<std::string> lines;
  for (size_t b = 0, e; (e = csv.find("\r\n", b)) != std::string::npos; b = e + 2)
    lines.push_back(csv.substr(b, e - b));
  ASSERT_EQ(lines.size(), 21u);
  EXPECT_EQ(lines[0], internal::CsvLine(internal::kCsvColumns));
  EXPECT_EQ(lines[0].substr(0, 38), "event_id_cnty,event_date,year,time_pre");
  // Notes hold the sentence, which has commas: quoted.
  EXPECT_NE(lines[1].find(",\"In "), std::string::npos) << lines[1];
  EXPECT_EQ(internal::SafeText("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(internal::SafeText("@cmd"), "'@cmd");
  EXPECT_EQ(internal::SafeText("Armenië"), "Armenië");
  EXPECT_EQ(internal::CsvLine({"a", "b,c", "say \"hi\"", "x\ny"}),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"");

  std::string jsonl = Fetch("/v1/events?format=jsonl&limit=10", 200, &type);
  EXPECT_EQ(type, "application/x-ndjson; charset=utf-8");
  int n = 0;
  for (size_t b = 0, e; (e = jsonl.find('\n', b)) != std::string::npos; b = e + 1, ++n) {
    json rec = json::parse(jsonl.substr(b, e - b));
    EXPECT_TRUE(rec.contains("event_type") && rec.contains("source_actor") &&
                rec.contains("geolocation"));
  }
  EXPECT_EQ(n, 10);
}

TEST_F(ServerTest, EventDetailTimeseriesActors) {
  json page = FetchJson("/v1/events?limit=1&min_fatalities=1");
  std::string id = page["events"][0]["event_id"];
  json ev = FetchJson("/v1/events/" + id);
  EXPECT_EQ(ev["event_id"], id);
  ASSERT_EQ(ev["mentions"].size(), ev["reports"].get<size_t>());
  const json& m = ev["mentions"][0];
  std::string sentence = m["sentence"];
  int start = m["sentence_start"];
  for (const json& s : m["evidence"]["spans"]) {
    int b = s["start"].get<int>() - start, e = s["end"].get<int>() - start;
    ASSERT_TRUE(b >= 0 && e <= static_cast<int>(sentence.size()) && b < e) << s.dump();
  }
  json missing = FetchJson("/v1/events/e_does_not_exist", 404);
  EXPECT_TRUE(missing["error"]["message"].is_string());

  int total = FetchJson("/v1/health")["events"];
  for (const char* interval : {"day", "week", "month"}) {
    json ts = FetchJson(std::string("/v1/stats/timeseries?interval=") + interval);
    int sum = 0;
    for (const json& b : ts["buckets"]) sum += b["events"].get<int>();
    EXPECT_EQ(sum, total) << interval;
    EXPECT_EQ(ts["interval"], interval);
  }
  json weeks = FetchJson("/v1/stats/timeseries?interval=week&country=UKR");
  for (const json& b : weeks["buckets"]) {
    auto d = ParsePartialDate(b["start"].get<std::string>());
    EXPECT_EQ(Weekday(d->year, d->month, d->day), 0) << b.dump();
  }
  json actors = FetchJson("/v1/actors?q=ukr&limit=5");
  ASSERT_GT(actors["actors"].size(), 0u);
  EXPECT_LE(actors["actors"].size(), 5u);
  EXPECT_EQ(actors["actors"][0]["code"].get<std::string>().substr(0, 3), "UKR");
}

TEST_F(ServerTest, StaticFilesWithTypesAndNoEscape) {
  std::string type;
  EXPECT_NE(Fetch("/", 200, &type).find("Kroniek"), std::string::npos);
  EXPECT_EQ(type, "text/html; charset=utf-8");
  Fetch("/assets/worker.mjs", 200, &type);
  EXPECT_EQ(type, "text/javascript; charset=utf-8");
  Fetch("/assets/app.css", 200, &type);
  EXPECT_EQ(type, "text/css; charset=utf-8");
  struct Case {
    std::string target;
    std::set<int> statuses;
  } cases[] = {
      {"/../secret.txt", {400, 403, 404}},
      {"/assets/../../secret.txt", {400, 403, 404}},
      {"/%2e%2e/secret.txt", {400, 403, 404}},
      {"/%2e%2e%2fsecret.txt", {400, 403, 404}},
      {"/assets/%2e%2e/%2e%2e/secret.txt", {400, 403, 404}},
      {"/..%5csecret.txt", {400, 403, 404}},
      {"/leak.txt", {403}},  // symlink out of the web dir
      {"//etc/passwd", {400, 403, 404}},
      {"/%00index.html", {400, 403, 404}},
      {"/nope.js", {404}},
  };
  for (const Case& c : cases) {
    std::string body;
    int status = RawStatus(port_, Get(c.target), &body);
    EXPECT_TRUE(c.statuses.count(status)) << c.target << " -> " << status;
    EXPECT_EQ(body.find("SECRET"), std::string::npos) << c.target;
  }
}

TEST_F(ServerTest, MalformedAndHostileRequestsGetClearErrors) {
  struct Case {
    std::string target;
    int status;
    std::string parameter;  // expected error.parameter ("" = not checked)
  } cases[] = {
      {"/v1/events?start=2020-13-45", 400, "start"},
      {"/v1/events?start=yesterday", 400, "start"},
      {"/v1/events?end=2020-02-30", 400, "end"},
      {"/v1/events?start=2021-01-01&end=2020-01-01", 400, "end"},
      {"/v1/events?limit=0", 400, "limit"},
      {"/v1/events?limit=1001", 400, "limit"},
      {"/v1/events?limit=99999999999999999999", 400, "limit"},
      {"/v1/events?limit=-5", 400, "limit"},
      {"/v1/events?format=xml", 400, "format"},
      {"/v1/events?cursor=garbage!", 400, "cursor"},
      {"/v1/events?country=NL", 400, "country"},
      {"/v1/events?country=UKR%27%20OR%201=1--", 400, "country"},
      {"/v1/events?plover=FIGHT", 400, "plover"},
      {"/v1/events?cameo=19%25", 400, "cameo"},
      {"/v1/events?bbox=1,2,3", 400, "bbox"},
      {"/v1/events?bbox=0,0,10,nan", 400, "bbox"},
      {"/v1/events?bbox=0,95,10,96", 400, "bbox"},
      {"/v1/events?min_fatalities=-1", 400, "min_fatalities"},
      {"/v1/events?lang=dutch", 400, "lang"},
      {"/v1/events?updated_since=last%20week", 400, "updated_since"},
      {"/v1/stats/timeseries?interval=year", 400, "interval"},
      {"/v1/actors?limit=1000000", 400, "limit"},
      {"/v1/events?actor=%27;DROP%20TABLE%20events;--", 200, ""},
      {"/v1/events?q=%22)%20OR%20*%20NEAR(", 200, ""},
      {"/v1/events?admin1=%27%20OR%20%271%27=%271", 200, ""},
      {"/v1/events?q=%ff%fe", 200, ""},
      {"/v1/events/%27%20OR%201=1", 404, ""},
      {"/v1/nope", 404, ""},
  };
  for (const Case& c : cases) {
    std::string body;
    int status = RawStatus(port_, Get(c.target), &body);
    EXPECT_EQ(status, c.status) << c.target << ": " << body.substr(0, 200);
    json j = json::parse(body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << c.target << ": " << body.substr(0, 200);
    if (!c.parameter.empty()) {
      EXPECT_EQ(j["error"]["parameter"], c.parameter) << c.target;
      EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
    }
    if (c.status == 200) {
      EXPECT_EQ(j["total"].get<int>(), 0) << c.target;
    }
  }
  // Protocol-level abuse.
  std::string huge = Get("/v1/events?q=" + std::string(10 << 20, 'a'));
  int s = RawStatus(port_, huge);
  EXPECT_TRUE(s == 414 || s == 400 || s == -1) << s;
  EXPECT_EQ(RawStatus(port_, "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                             "Connection: close\r\n\r\n{}"),
            405);
  EXPECT_EQ(RawStatus(port_, "DELETE /v1/events/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
            405);
  int garbage = RawStatus(port_, "\x16\x03\x01\x02\x00garbage\r\n\r\n");
  EXPECT_TRUE(garbage == 400 || garbage == -1) << garbage;
  // Still serving.
  EXPECT_EQ(FetchJson("/v1/health")["status"], "ok");
}

TEST(ServerOptions, CreateErrors) {
  struct Case {
    ServerOptions opt;
    StatusCode code;
  } cases[3];
  cases[0].opt.db_path = "/nonexistent/x.db";
  cases[0].code = StatusCode::kNotFound;
  cases[1].opt.port = 70000;
  cases[1].code = StatusCode::kInvalidArgument;
  cases[2].opt.threads = 0;
  cases[2].code = StatusCode::kInvalidArgument;
  for (const Case& c : cases) {
    auto s = Server::Create(c.opt);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), c.code) << s.status().ToString();
  }
}

TEST(Params, TimestampsAndCursors) {
  EXPECT_EQ(internal::NormalizeTimestamp("2026-11-10T12:00:00+02:00"), "2026-11-10T10:00:00Z");
  EXPECT_EQ(internal::NormalizeTimestamp("2026-01-01T00:30-01:00"), "2026-01-01T01:30:00Z");
  EXPECT_EQ(internal::NormalizeTimestamp("2026-11-10"), "2026-11-10T00:00:00Z");
  EXPECT_EQ(internal::NormalizeTimestamp("2026-11-10T12:00:00.123Z"), "2026-11-10T12:00:00Z");
  for (const char* bad : {"2026-11-10T25:00", "2026-11-10X", "2026-02-30", "", "2026-11-10T12:00:00+2"})
    EXPECT_FALSE(internal::NormalizeTimestamp(bad)) << bad;
  store::EventCursor c{"2020-09-27", "ev123"}, back;
  ASSERT_TRUE(internal::DecodeCursor(internal::EncodeCursor(c), &back));
  EXPECT_EQ(back.date_start, c.date_start);
  EXPECT_EQ(back.event_id, c.event_id);
}

}  // namespace
}  // namespace kroniek::serve
