// Small pieces of text shared by the fact-checker views (compare, blame, report,
// exports): a claim's value as said, dates, Markdown and HTML escaping.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/claims/slot_value.h"
#include "engine/claims/vocabulary.h"
#include "engine/time/timestamp.h"

namespace attest {

// The value a claim states, as people read it: "12", "2..", "true"; "not 12"
// when the clause is negative; "-" when there is none.
std::string ClaimValueForPeople(const std::optional<SlotValue>& value, Polarity polarity);

// "2025-07-14" (the UTC day of a time).
std::string DayOf(const Timestamp& t);

// Text for a Markdown table cell: pipes and line breaks escaped.
std::string MarkdownCell(std::string_view text);

// Text for HTML element content or a double-quoted attribute.
std::string HtmlEscape(std::string_view text);

// A CSV field quoted per RFC 4180 where it needs it.
std::string CsvQuoted(std::string_view text);

}  // namespace attest
