// The parts of ACLED's event format (https://acleddata.com, codebook) that both the
// ACLED reader (engine/read/acled_events.h) and the ACLED export
// (engine/exchange/acled_export.h) speak: dates, event type labels, time
// precision, event ids, and the outlet name the reader gives ACLED's rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/time/date_interval.h"

namespace attest {

// The outlet of every report the ACLED reader makes: ACLED publishes the rows;
// the claims in them are its cited sources' (docs/exchange.md).
inline constexpr std::string_view kAcledOutlet = "ACLED";

// "31 December 2020" (ACLED's export form); also reads "2020-12-31".
std::optional<boost::gregorian::date> ParseAcledDate(std::string_view text);
std::string FormatAcledDate(boost::gregorian::date date);

// ACLED's time_precision: 1 the day, 2 within a week of it, 3 within its month.
// The interval an ACLED date stands for, and the precision code of ours.
std::optional<DateInterval> AcledDateInterval(boost::gregorian::date date, int time_precision);
int AcledTimePrecision(DatePrecision precision);

// Our event types are ACLED's labels in lower case ("Explosions/Remote violence"
// → "explosions/remote violence"); this gives the label back.
std::string AcledEventTypeLabel(std::string_view event_type);

// True for ids of ACLED's event_id_cnty form: three capital letters and digits
// ("MLI4682").
bool IsAcledEventId(std::string_view text);

}  // namespace attest
