// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// PartialDate: a calendar date that keeps its precision. "2020-09" is a month
// and stays a month: it never silently becomes 2020-09-01.
#ifndef KRONIEK_DATE_H_
#define KRONIEK_DATE_H_

#include <string>
#include <string_view>

#include "kroniek/status.h"

namespace kroniek {

enum class DatePrecision { kYear, kMonth, kDay };

// "year", "month", "day".
std::string_view DatePrecisionName(DatePrecision p);

struct PartialDate {
  int year = 0;
  int month = 0;  // 1-12, or 0 when precision is kYear
  int day = 0;    // 1-31, or 0 when precision is coarser than kDay
  DatePrecision precision = DatePrecision::kDay;

  // "2020", "2020-09" or "2020-09-27".
  std::string ToString() const;

  friend bool operator==(const PartialDate& a, const PartialDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day &&
           a.precision == b.precision;
  }
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (nothing else). Returns
// InvalidArgument for malformed text or an impossible date (2020-02-30,
// month 13), naming the offending text.
StatusOr<PartialDate> ParsePartialDate(std::string_view text);

// Calendar helpers (proleptic Gregorian).
bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// Days since 1970-01-01 for a full date; inverse below.
int64_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int64_t days, int* year, int* month, int* day);
// 0 = Monday ... 6 = Sunday (ISO order).
int Weekday(int year, int month, int day);

}  // namespace kroniek

#endif  // KRONIEK_DATE_H_
