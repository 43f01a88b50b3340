// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "serve/server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "base/resources.h"
#include "serve/internal/formats.h"
#include "serve/internal/params.h"
#include "serve/internal/static_files.h"
#include "store/event_reader.h"

namespace kroniek::serve {

using nlohmann::json;

namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";

// Read-only connections, one per busy worker; created on demand, reused.
class ReaderPool {
 public:
  ReaderPool(std::string path, int64_t timeout_ms)
      : path_(std::move(path)), timeout_ms_(timeout_ms) {}

  StatusOr<std::unique_ptr<store::EventReader>> Take() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        auto r = std::move(free_.back());
        free_.pop_back();
        return r;
      }
    }
    KRONIEK_ASSIGN_OR_RETURN(auto r, store::EventReader::Open(path_));
    r->set_query_timeout_ms(timeout_ms_);
    return r;
  }
  void Give(std::unique_ptr<store::EventReader> r) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(r));
  }

 private:
  const std::string path_;
  const int64_t timeout_ms_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::EventReader>> free_;  // guarded by mu_
};

// Returns its reader to the pool on every path.
class Lease {
 public:
  Lease(ReaderPool* pool, std::unique_ptr<store::EventReader> r)
      : pool_(pool), r_(std::move(r)) {}
  ~Lease() {
    if (r_) pool_->Give(std::move(r_));
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  store::EventReader* operator->() { return r_.get(); }

 private:
  ReaderPool* pool_;
  std::unique_ptr<store::EventReader> r_;
};

void SendJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, kJsonType);
}

void SendError(httplib::Response& res, int status, const std::string& parameter,
               const std::string& message) {
  json e = {{"message", message}};
  if (!parameter.empty()) e["parameter"] = parameter;
  SendJson(res, status, internal::Dump(json{{"error", e}}));
}

const char* StatusText(int status) {
  switch (status) {
    case 400: return "bad request";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "payload too large";
    case 414: return "URI too long";
    case 416: return "range not satisfiable";
    case 431: return "request header fields too large";
    case 503: return "service unavailable";
    default: return status >= 500 ? "server error" : "request error";
  }
}

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  *ok = static_cast<bool>(in) || in.eof();
  return s.str();
}

}  // namespace

struct Server::Impl {
  ServerOptions opt;
  std::string web_root;  // canonical, or empty
  ReaderPool pool;
  httplib::Server http;
  std::atomic<int64_t> error_ids{0};
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> in_run{false};
  bool bound = false;

  explicit Impl(const ServerOptions& o)
      : opt(o), pool(o.db_path, o.query_timeout_ms) {}

  void Log(const std::string& line) {
    if (opt.log) opt.log(line);
  }

  // Maps a store Status to HTTP. Details of our own failures stay in the log.
  void SendStatus(httplib::Response& res, const Status& s) {
    switch (s.code()) {
      case StatusCode::kInvalidArgument:
        return SendError(res, 400, "", s.message());
      case StatusCode::kNotFound:
        return SendError(res, 404, "", s.message());
      case StatusCode::kUnavailable:
        return SendError(res, 503, "",
                         "the store is busy or the query took too long; "
                         "narrow the filter or retry");
      default: {
        int64_t id = ++error_ids;
        Log("error " + std::to_string(id) + ": " + s.ToString());
        return SendError(res, 500, "",
                         "internal error (log id " + std::to_string(id) + ")");
      }
    }
  }

  // Runs `fn` with a pooled reader; converts every failure to a response.
  template <typename Fn>
  void WithReader(httplib::Response& res, Fn fn) {
    auto r = pool.Take();
    if (!r.ok()) return SendStatus(res, r.status());
    Lease lease(&pool, std::move(*r));
    try {
      fn(lease);
    } catch (const std::exception& e) {
      SendStatus(res, InternalError(std::string("exception: ") + e.what()));
    }
  }

  void Health(httplib::Response& res) {
    WithReader(res, [&](Lease& r) {
      auto t = r->Totals();
      if (!t.ok()) return SendStatus(res, t.status());
      SendJson(res, 200,
               internal::Dump({{"status", "ok"},
                               {"version", std::string(base::KroniekVersion())},
                               {"events", t->events},
                               {"reports", t->reports},
                               {"mentions", t->mentions},
                               {"documents", t->documents}}));
    });
  }

  void Events(const httplib::Request& req, httplib::Response& res) {
    internal::ListRequest lr;
    internal::ParamError err;
    if (!internal::ParseListRequest(req.params, &lr, &err))
      return SendError(res, 400, err.parameter, err.message);
    WithReader(res, [&](Lease& r) {
      auto page = r->ListEvents(lr.filter, lr.limit, lr.after);
      if (!page.ok()) return SendStatus(res, page.status());
      std::string next = page->next ? internal::EncodeCursor(*page->next) : "";
      res.set_header("Cache-Control", "no-store");
      switch (lr.format) {
        case internal::Format::kJson: {
          std::vector<store::Tombstone> deleted;
          if (!lr.filter.updated_since.empty()) {
            auto d = r->DeletedSince(lr.filter.updated_since, 10000);
            if (!d.ok()) return SendStatus(res, d.status());
            deleted = std::move(*d);
          }
          res.set_content(
              internal::EventsJson(*page, next,
                                   lr.filter.updated_since.empty() ? nullptr
                                                                   : &deleted),
              kJsonType);
          break;
        }
        case internal::Format::kGeoJson:
          res.set_content(internal::EventsGeoJson(*page, next),
                          "application/geo+json; charset=utf-8");
          break;
        case internal::Format::kCsv:
          res.set_header("Content-Disposition",
                         "attachment; filename=\"kroniek-events.csv\"");
          res.set_content(internal::EventsCsv(*page), "text/csv; charset=utf-8");
          break;
        case internal::Format::kJsonl:
          res.set_content(internal::EventsJsonl(*page),
                          "application/x-ndjson; charset=utf-8");
          break;
      }
      if (!next.empty()) {
        res.set_header("Link", "<?cursor=" + next + ">; rel=\"next\"");
      }
      res.set_header("X-Total-Count", std::to_string(page->total));
      res.status = 200;
    });
  }

  void Event(const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
    if (id.empty() || id.size() > 200)
      return SendError(res, 404, "", "no such event");
    WithReader(res, [&](Lease& r) {
      auto ev = r->GetEvent(id);
      if (!ev.ok()) {
        if (ev.status().code() == StatusCode::kNotFound)
          return SendError(res, 404, "", "no such event");
        return SendStatus(res, ev.status());
      }
      SendJson(res, 200, internal::Dump(*ev));
    });
  }

  void Timeseries(const httplib::Request& req, httplib::Response& res) {
    store::EventFilter f;
    store::Interval interval;
    std::string name;
    internal::ParamError err;
    if (!internal::ParseFilter(req.params, &f, &err) ||
        !internal::ParseInterval(req.params, &interval, &name, &err))
      return SendError(res, 400, err.parameter, err.message);
    WithReader(res, [&](Lease& r) {
      auto b = r->Timeseries(f, interval);
      if (!b.ok()) return SendStatus(res, b.status());
      std::string out = "{\"interval\":" + json(name).dump() + ",\"buckets\":[";
      for (size_t i = 0; i < b->size(); ++i) {
        const store::Bucket& x = (*b)[i];
        if (i) out += ',';
        out += "{\"start\":\"" + x.start + "\",\"events\":" +
               std::to_string(x.events) + ",\"reports\":" +
               std::to_string(x.reports) + ",\"fatalities\":" +
               std::to_string(x.fatalities) + "}";
      }
      out += "]}";
      SendJson(res, 200, out);
    });
  }

  void Actors(const httplib::Request& req, httplib::Response& res) {
    std::string q = req.get_param_value("q");
    if (q.size() > 100) return SendError(res, 400, "q", "longer than 100 bytes");
    int limit = 20;
    std::string l = req.get_param_value("limit");
    if (!l.empty()) {
      bool ok = l.size() <= 4;
      for (char c : l) ok = ok && c >= '0' && c <= '9';
      if (ok) limit = std::stoi(l);
      if (!ok || limit < 1 || limit > 100)
        return SendError(res, 400, "limit", "expected 1..100");
    }
    WithReader(res, [&](Lease& r) {
      auto a = r->Actors(q, limit);
      if (!a.ok()) return SendStatus(res, a.status());
      json list = json::array();
      for (const auto& x : *a)
        list.push_back({{"code", x.code}, {"name", x.name}, {"events", x.events}});
      SendJson(res, 200, internal::Dump({{"actors", list}}));
    });
  }

  void Static(const httplib::Request& req, httplib::Response& res) {
    if (web_root.empty())
      return SendError(res, 404, "",
                       "no web UI: build it (cd web && npm run build) or pass --web");
    auto file = internal::ResolveStaticPath(web_root, req.path);
    if (!file.ok()) {
      if (file.status().code() == StatusCode::kInvalidArgument)
        return SendError(res, 403, "", "forbidden");
      return SendError(res, 404, "", "not found");
    }
    bool ok = false;
    std::string body = ReadFile(*file, &ok);
    if (!ok) return SendError(res, 404, "", "not found");
    res.status = 200;
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", req.path.rfind("/assets/", 0) == 0
                                        ? "public, max-age=31536000, immutable"
                                        : "no-cache");
    res.set_content(std::move(body), std::string(internal::MimeType(*file)));
  }

  void Routes() {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    http.Get("/v1/health", [this](Req, Res res) { Health(res); });
    http.Get("/v1/events", [this](Req req, Res res) { Events(req, res); });
    http.Get("/v1/events/([^/]+)", [this](Req req, Res res) { Event(req, res); });
    http.Get("/v1/stats/timeseries",
             [this](Req req, Res res) { Timeseries(req, res); });
    http.Get("/v1/actors", [this](Req req, Res res) { Actors(req, res); });
    http.Get("/v1(/.*)?", [](Req req, Res res) {
      SendError(res, 404, "", "unknown endpoint " + req.path.substr(0, 100));
    });
    http.Get(".*", [this](Req req, Res res) { Static(req, res); });
    auto not_allowed = [](Req, Res res) {
      res.set_header("Allow", "GET, HEAD");
      SendError(res, 405, "", "method not allowed: the API is read-only");
    };
    http.Post(".*", not_allowed);
    http.Put(".*", not_allowed);
    http.Patch(".*", not_allowed);
    http.Delete(".*", not_allowed);
    http.Options(".*", not_allowed);
    // Errors raised by the library itself (400, 414, 404 ...) get a JSON body.
    http.set_error_handler([](Req, Res res) {
      if (!res.body.empty()) return;
      SendError(res, res.status, "", StatusText(res.status));
    });
    http.set_exception_handler([this](Req, Res res, std::exception_ptr ep) {
      std::string what = "unknown exception";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      SendStatus(res, InternalError("exception: " + what));
    });
    if (opt.log) {
      http.set_logger([this](Req req, const httplib::Response& res) {
        Log(req.method + " " + req.target.substr(0, 300) + " " +
            std::to_string(res.status) + " " + std::to_string(res.body.size()) +
            " B");
      });
    }
    int threads = opt.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_keep_alive_max_count(10000);
    http.set_keep_alive_timeout(5);
    http.set_read_timeout(5, 0);
    http.set_write_timeout(10, 0);
    http.set_payload_max_length(64 * 1024);
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (options.port < 0 || options.port > 65535)
    return InvalidArgumentError("port must be 0..65535, got " +
                                std::to_string(options.port));
  if (options.threads < 1 || options.threads > 1024)
    return InvalidArgumentError("threads must be 1..1024, got " +
                                std::to_string(options.threads));
  auto impl = std::make_unique<Impl>(options);
  // Fail early on a missing or old store rather than on the first request.
  KRONIEK_ASSIGN_OR_RETURN(auto reader, impl->pool.Take());
  impl->pool.Give(std::move(reader));
  if (!options.web_dir.empty()) {
    std::error_code ec;
    auto canon = std::filesystem::canonical(options.web_dir, ec);
    if (ec || !std::filesystem::is_directory(canon, ec))
      return NotFoundError("web directory '" + options.web_dir +
                           "' does not exist");
    impl->web_root = canon.string();
  }
  try {
    impl->Routes();
  } catch (const std::exception& e) {  // std::regex in route patterns
    return InternalError(std::string("setting up routes: ") + e.what());
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

StatusOr<int> Server::Bind() {
  int port = impl_->opt.port;
  bool ok;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(impl_->opt.host);
    ok = port > 0;
  } else {
    ok = impl_->http.bind_to_port(impl_->opt.host, port);
  }
  if (!ok)
    return UnavailableError("cannot listen on " + impl_->opt.host + ":" +
                            std::to_string(impl_->opt.port) +
                            " (in use, or not a local address)");
  impl_->bound = true;
  return port;
}

Status Server::Run() {
  if (!impl_->bound) return InternalError("Server::Run before Bind");
  impl_->in_run = true;
  if (impl_->stop_requested) {
    impl_->in_run = false;
    return Status::OK();
  }
  bool ok = impl_->http.listen_after_bind();
  impl_->in_run = false;
  if (!ok && !impl_->stop_requested) return UnavailableError("listening failed");
  return Status::OK();
}

void Server::Stop() {
  if (!impl_) return;
  impl_->stop_requested = true;
  if (impl_->in_run) {
    // Run() is between its check and listening: wait until it listens.
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (impl_->in_run && !impl_->http.is_running() &&
           std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
}

}  // namespace kroniek::serve
