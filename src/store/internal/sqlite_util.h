// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Small RAII helpers around the SQLite C API shared by the store's files:
// a prepared statement that finalises itself, Status conversion of SQLite
// errors, and the UTC clock the store stamps rows with.
//
//   Stmt st(db, "SELECT doc_id FROM documents WHERE lang=?1");
//   if (!st.ok()) return SqliteError(db, "prepare");
//   st.Text(1, "nl");
//   while (st.Step() == SQLITE_ROW) Use(st.ColText(0));
//
// Thread-safety: a Stmt belongs to the connection it was prepared on and is
// used by one thread at a time.
#ifndef KRONIEK_STORE_INTERNAL_SQLITE_UTIL_H_
#define KRONIEK_STORE_INTERNAL_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "kroniek/status.h"

namespace kroniek::store::internal {

// Maps the connection's last error to a Status: DataLoss for a corrupt file,
// Unavailable for busy/locked/I/O/read-only/interrupted, else Internal. The
// message is "sqlite: <what>: <sqlite message>".
Status SqliteError(sqlite3* db, std::string_view what);

// "2026-11-10T12:00:00Z": the current UTC time, second precision.
std::string NowUtc();

// A prepared statement, finalised on destruction.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr);
  }
  Stmt(sqlite3* db, const std::string& sql) : Stmt(db, sql.c_str()) {}
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return s_; }

  void Text(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
  }
  // Binds NULL for an empty string.
  void TextOrNull(int i, std::string_view v) {
    if (v.empty()) {
      sqlite3_bind_null(s_, i);
    } else {
      Text(i, v);
    }
  }
  void Blob(int i, std::string_view v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Double(int i, double v) { sqlite3_bind_double(s_, i, v); }
  void Null(int i) { sqlite3_bind_null(s_, i); }
  int Step() { return sqlite3_step(s_); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

  bool IsNull(int col) { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string ColText(int col) {
    const unsigned char* p = sqlite3_column_text(s_, col);
    if (p == nullptr) return std::string();
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<size_t>(sqlite3_column_bytes(s_, col)));
  }
  int64_t ColInt(int col) { return sqlite3_column_int64(s_, col); }
  double ColDouble(int col) { return sqlite3_column_double(s_, col); }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

}  // namespace kroniek::store::internal

#endif  // KRONIEK_STORE_INTERNAL_SQLITE_UTIL_H_
