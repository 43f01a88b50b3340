// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Server: the read-only HTTP API over a Kroniek store (docs/API.md) and the
// static files of the web UI, built on cpp-httplib.
//
//   kroniek::serve::ServerOptions opt;
//   opt.db_path = "kroniek.db";
//   opt.web_dir = "web/dist";
//   opt.port = 0;                                   // any free port
//   auto server = kroniek::serve::Server::Create(opt);
//   if (!server.ok()) return server.status();
//   auto port = (*server)->Bind();                  // listening after this
//   std::thread t([&] { (*server)->Run().IgnoreError(); });
//   ...                                             // GET http://127.0.0.1:<port>/v1/health
//   (*server)->Stop();
//   t.join();
//
// Endpoints: /v1/health, /v1/events, /v1/events/{id}, /v1/stats/timeseries,
// /v1/actors; everything else is a file of `web_dir` ("/" is index.html).
// Only GET and HEAD are allowed (405 otherwise). Bad parameters get 400 with
// {"error": {"parameter", "message"}}, unknown ids 404, a query over its
// time budget 503; a failure of ours 500 with a log id (details go to the
// log callback, not to the client). Exceptions of the libraries are caught
// at this boundary.
//
// Resources are bounded: at most 1000 events per page, a per-query deadline
// (SQLite progress handler), request lines of at most 8 KiB (414), no
// request bodies, and a fixed worker pool (`threads`); each worker borrows a
// read-only SQLite connection from a pool, so readers never block the
// writer (WAL) nor each other.
//
// Thread-safety: Create/Bind/Run are called from one thread; Stop() may be
// called from any thread, also before Run() starts. The reader pool is
// guarded by its mutex; handlers share nothing else mutable.
#ifndef KRONIEK_SERVE_SERVER_H_
#define KRONIEK_SERVE_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "kroniek/status.h"

namespace kroniek::serve {

struct ServerOptions {
  std::string db_path;           // the store (opened read-only)
  std::string host = "127.0.0.1";
  int port = 8080;               // 0: any free port (see Bind())
  std::string web_dir;           // static files; empty: none (404)
  int threads = 64;              // worker threads (one connection each)
  int64_t query_timeout_ms = 5000;
  // Called once per request ("GET /v1/events?... 200 1234 B 3.1 ms") when
  // set, and with error details for 500s. Must be thread-safe.
  std::function<void(const std::string&)> log;
};

class Server {
 public:
  // Checks that the store opens read-only at this build's schema version
  // and that `web_dir` (when given) is a directory. Errors: those of
  // store::EventReader::Open, NotFound for a missing web_dir, InvalidArgument
  // for bad options.
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port and returns the port (the chosen one for port 0).
  // Unavailable when the address cannot be bound.
  StatusOr<int> Bind();
  // Serves until Stop(). Requires Bind(). Unavailable when listening fails.
  Status Run();
  // Stops Run() (open requests finish first). Idempotent.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kroniek::serve

#endif  // KRONIEK_SERVE_SERVER_H_
