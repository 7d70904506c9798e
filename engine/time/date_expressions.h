// Date expressions: the dates a report's text mentions ("lundi 14 juillet", "jeudi
// dernier", "en décembre dernier", "last week", "summer 2023"), found in its tokens
// and resolved against the report's publication date into a DateInterval with its
// precision. Every word comes from DateWords (rules/<lang>/dates.toml); this file
// holds the grammar and the calendar arithmetic only.
//
// Families and how they resolve (P = publication date; docs/rules-format.md,
// "dates.toml", lists the words):
//   absolute     "14 juillet 2025", "July 14, 2025", "2025-07-14", "14/07/2025"
//                → that day. Without a year ("le 14 juillet", "lundi 14 juillet") the
//                occurrence nearest P, the past preferred when within 183 days; a
//                weekday written with it picks the year where it falls on that day.
//   month        "janvier 2024", "in March 2023" → that month; "en janvier" → the
//                nearest January, the past preferred when within 6 months;
//                "décembre dernier", "last December" → the latest December strictly
//                before P's month ("prochain"/"next": the first strictly after).
//   year         "en 2015", "in 2015", "de 2015" → that year (a bare year needs a
//                lead word or an introducer before it, and no quantity word).
//   weekday      "lundi", "ce lundi", "on Sunday" → the latest such day on or before
//                P; "jeudi dernier", "last Thursday" → strictly before P; "next
//                Friday" → strictly after. A part of the day ("vendredi matin",
//                "Tuesday night") keeps the day.
//   relative day "hier", "avant-hier", "aujourd'hui", "yesterday" → P plus the
//                listed offset; "ce matin", "this morning" → P.
//   unit         "la semaine dernière", "last week" → the ISO week before P's
//                (precision week); "le mois dernier", "last month" → the month before
//                P's; "l'an dernier", "last year" → the year before; "this"/"next"
//                alike.
//   season       "l'été 2023", "summer of 2023" → its months, precision month;
//                "l'été dernier" → the latest that ended before P; "cet été" or no
//                year → the one holding P, else the nearest.
//   part         "début juillet", "mid-July", "fin 2023", "late last year": the
//                listed days of the month (precision month) or months of the year
//                (precision year) of what follows.
// A mention takes in up to two lead words before it ("le", "en", "on", "the") and
// starts and ends on token boundaries; mentions do not overlap.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/text/tokens.h"
#include "engine/time/date_interval.h"
#include "engine/time/date_words.h"

namespace attest {

struct DateMention {
  size_t begin = 0;  // absolute byte offsets, as the tokens'
  size_t end = 0;
  DateInterval date;
  std::string text;  // the mention as written
};

// The date expressions among `tokens`, in order. `tokens` must come from
// Tokenize(text, base_offset, …) (a sentence or a whole body); `published` is the
// report's publication date (between 1401 and 9998; none is found otherwise). Never
// throws; expressions that name impossible dates ("31 février") are skipped.
std::vector<DateMention> FindDateExpressions(const std::vector<Token>& tokens,
                                             std::string_view text, size_t base_offset,
                                             boost::gregorian::date published,
                                             const DateWords& words);

}  // namespace attest
