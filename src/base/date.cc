// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "kroniek/date.h"

#include <cstdio>

namespace kroniek {

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kDay: return "day";
  }
  return "day";
}

std::string PartialDate::ToString() const {
  char buf[32];
  switch (precision) {
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buf;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int Weekday(int y, int m, int d) {
  // 1970-01-01 was a Thursday (ISO index 3).
  int64_t days = DaysFromCivil(y, m, d);
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w);
}

StatusOr<PartialDate> ParsePartialDate(std::string_view t) {
  auto bad = [&](const char* why) {
    return InvalidArgumentError(std::string(why) + " in date '" +
                                std::string(t.substr(0, 40)) +
                                "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  };
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > t.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      v = v * 10 + (t[i] - '0');
    }
    *out = v;
    return true;
  };
  PartialDate d;
  if (!digits(0, 4, &d.year)) return bad("malformed year");
  if (t.size() == 4) {
    d.precision = DatePrecision::kYear;
    return d;
  }
  if (t.size() < 7 || t[4] != '-' || !digits(5, 2, &d.month))
    return bad("malformed month");
  if (d.month < 1 || d.month > 12) return bad("impossible month");
  if (t.size() == 7) {
    d.precision = DatePrecision::kMonth;
    return d;
  }
  if (t.size() != 10 || t[7] != '-' || !digits(8, 2, &d.day))
    return bad("malformed day");
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month))
    return bad("impossible day");
  d.precision = DatePrecision::kDay;
  return d;
}

}  // namespace kroniek
