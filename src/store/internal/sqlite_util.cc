// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "store/internal/sqlite_util.h"

#include <ctime>

namespace kroniek::store::internal {

Status SqliteError(sqlite3* db, std::string_view what) {
  std::string msg = "sqlite: " + std::string(what) + ": " +
                    (db ? sqlite3_errmsg(db) : "out of memory");
  int code = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
  switch (code & 0xFF) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DataLossError(std::move(msg));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
      return UnavailableError(std::move(msg));
    default:
      return InternalError(std::move(msg));
  }
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace kroniek::store::internal
