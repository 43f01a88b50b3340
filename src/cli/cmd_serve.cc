// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek serve: the read-only HTTP API and web UI over a store
// (docs/API.md). Stops cleanly on SIGINT/SIGTERM.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/resources.h"
#include "cli/commands.h"
#include "serve/server.h"

namespace kroniek::cli {

namespace {

struct ServeFlags {
  std::string db = "kroniek.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  int threads = 64;
  int64_t timeout_ms = 5000;
  bool verbose = false;
};

// web/dist of the source tree (found from the default resources dir,
// <src>/src/lang), else ./web/dist; empty when neither exists.
std::string DefaultWebDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path from_source =
      fs::path(base::ResourceDir()).parent_path().parent_path() / "web" / "dist";
  for (const fs::path& p : {from_source, fs::path("web") / "dist"}) {
    if (fs::is_regular_file(p / "index.html", ec)) return p.string();
  }
  return "";
}

volatile std::sig_atomic_t g_signal = 0;
extern "C" void OnSignal(int sig) { g_signal = sig; }

int RunServe(const ServeFlags& f) {
  serve::ServerOptions opt;
  opt.db_path = f.db;
  opt.host = f.host;
  opt.port = f.port;
  opt.threads = f.threads;
  opt.query_timeout_ms = f.timeout_ms;
  opt.web_dir = f.web.empty() ? DefaultWebDir() : f.web;
  auto mu = std::make_shared<std::mutex>();
  // Errors of ours (500s) are always logged; requests only with --verbose.
  bool verbose = f.verbose;
  opt.log = [mu, verbose](const std::string& line) {
    if (!verbose && line.rfind("error ", 0) != 0) return;
    std::lock_guard<std::mutex> lock(*mu);
    std::fprintf(stderr, "%s\n", line.c_str());
  };
  auto server = serve::Server::Create(opt);
  if (!server.ok()) {
    std::fprintf(stderr, "kroniek serve: %s\n", server.status().ToString().c_str());
    return server.status().code() == StatusCode::kInvalidArgument &&
                   server.status().message().rfind("port", 0) == 0
               ? kExitUsage
               : kExitFailed;
  }
  auto port = (*server)->Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "kroniek serve: %s\n", port.status().ToString().c_str());
    return kExitFailed;
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGPIPE, SIG_IGN);
  std::fprintf(stderr, "kroniek serve: %s on http://%s:%d/ (web: %s)\n",
               f.db.c_str(), f.host.c_str(), *port,
               opt.web_dir.empty() ? "none" : opt.web_dir.c_str());
  // The watcher turns a signal into Stop(); Run() returns afterwards.
  std::atomic<bool> done{false};
  serve::Server* s = server->get();
  std::thread watcher([&] {
    while (!done && g_signal == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    s->Stop();
  });
  Status st = s->Run();
  done = true;
  watcher.join();
  if (!st.ok()) {
    std::fprintf(stderr, "kroniek serve: %s\n", st.ToString().c_str());
    return kExitFailed;
  }
  std::fprintf(stderr, "kroniek serve: stopped\n");
  return kExitOk;
}

}  // namespace

Command RegisterServe(CLI::App& root) {
  auto f = std::make_shared<ServeFlags>();
  Command c;
  c.app = root.add_subcommand(
      "serve",
      "Serve the read-only HTTP API (/v1, docs/API.md) and the web UI over a "
      "store");
  c.app->add_option("--db", f->db, "SQLite store file (opened read-only)")
      ->capture_default_str();
  c.app->add_option("--host", f->host, "address to listen on")
      ->capture_default_str();
  c.app->add_option("--port", f->port, "TCP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  c.app->add_option("--web", f->web,
                    "directory of the built web UI (default: web/dist of the "
                    "source tree, else ./web/dist)");
  c.app->add_option("--threads", f->threads, "worker threads (connections served at once)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  c.app->add_option("--timeout-ms", f->timeout_ms, "time budget of one query")
      ->capture_default_str()
      ->check(CLI::Range(1, 600000));
  c.app->add_flag("-v,--verbose", f->verbose, "log one line per request to stderr");
  c.run = [f] { return RunServe(*f); };
  return c;
}

}  // namespace kroniek::cli
