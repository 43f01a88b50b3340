// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Status and StatusOr<T>: the error type of every fallible call that crosses a
// stage boundary (ingest, text, store, ...). Shaped like absl::Status, kept
// in-house so the core has no dependency beyond the C++ standard library.
//
//   kroniek::StatusOr<Document> doc = ReadOne(path);
//   if (!doc.ok()) return doc.status();
//   Use(*doc);
//
// Few codes, leveldb-style factories:
//   InvalidArgumentError  bad input (a message names source, line, byte offset)
//   NotFoundError         a file, resource or record does not exist
//   DataLossError         stored data is corrupt or truncated
//   UnavailableError      a resource is temporarily out of reach (I/O, locks)
//   InternalError         our bug: an invariant did not hold
//
// Thread-safety: value types; const methods may be called concurrently.
#ifndef KRONIEK_STATUS_H_
#define KRONIEK_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kroniek {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument = 1,
  kNotFound = 2,
  kDataLoss = 3,
  kUnavailable = 4,
  kInternal = 5,
};

// Returns "OK", "InvalidArgument", ...
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status OK() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "InvalidArgument: message", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "prefix: message" (no-op when OK). Used to
  // add context (a file name, a line) as an error travels outwards.
  Status WithPrefix(std::string_view prefix) const;

  // Marks a status as deliberately ignored.
  void IgnoreError() const {}

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status DataLossError(std::string message);
Status UnavailableError(std::string message);
Status InternalError(std::string message);

// Holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  // NOLINTNEXTLINE(google-explicit-constructor)
  StatusOr(Status status) : v_(std::move(status)) {
    assert(!std::get<Status>(v_).ok() && "StatusOr built from an OK Status");
  }
  // NOLINTNEXTLINE(google-explicit-constructor)
  StatusOr(T value) : v_(std::move(value)) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // Requires ok().
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace kroniek

#define KRONIEK_STATUS_CONCAT_INNER_(a, b) a##b
#define KRONIEK_STATUS_CONCAT_(a, b) KRONIEK_STATUS_CONCAT_INNER_(a, b)

// Returns from the current function when `expr` (a Status) is not OK.
#define KRONIEK_RETURN_IF_ERROR(expr)                \
  do {                                               \
    ::kroniek::Status kroniek_status_ = (expr);      \
    if (!kroniek_status_.ok()) return kroniek_status_; \
  } while (0)

// `lhs = value of expr` (a StatusOr), or returns its Status.
#define KRONIEK_ASSIGN_OR_RETURN(lhs, expr)                                  \
  KRONIEK_ASSIGN_OR_RETURN_IMPL_(KRONIEK_STATUS_CONCAT_(kroniek_so_, __LINE__), \
                                 lhs, expr)
#define KRONIEK_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#endif  // KRONIEK_STATUS_H_
