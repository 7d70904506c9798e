#include "engine/read/acled_events.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "engine/incidents/duplicate_events.h"
#include "engine/read/csv_records.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

namespace {

std::vector<CsvRecord> Records(std::string_view text, std::vector<std::string>* errors = nullptr) {
  CsvRecords reader(text);
  std::vector<CsvRecord> out;
  CsvRecord r;
  std::string error;
  int64_t line = 0;
  while (reader.Next(r, error, line)) {
    if (!error.empty()) {
      if (errors) errors->push_back(std::to_string(line) + ": " + error);
      continue;
    }
    out.push_back(r);
  }
  return out;
}

const char* kHeader =
    "event_id_cnty,event_date,time_precision,event_type,actor1,actor2,location,source,notes,"
    "fatalities,timestamp\n";

}  // namespace

TEST_CASE("CSV fields may hold commas, doubled quotes and line breaks inside quotes",
          "[read][csv]") {
  auto records = Records("a,\"b, c\",\"say \"\"no\"\"\"\r\n\"two\nlines\",x,\n\nlast,,");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b, c", "say \"no\""});
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == std::vector<std::string>{"two\nlines", "x", ""});
  CHECK(records[1].line == 2);
  CHECK(records[2].line == 5);
  CHECK(records[2].fields == std::vector<std::string>{"last", "", ""});
}

TEST_CASE("CSV quoting errors name their line and the reader goes on after them", "[read][csv]") {
  std::vector<std::string> errors;
  auto records =
      Records("ok,1\n\"closed\"after,2\nbad \"quote\",3\nfine,4\n\"never closed,5\n", &errors);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].rfind("2: text after a closing quote", 0) == 0);
  CHECK(errors[1].rfind("3: a quote inside a field", 0) == 0);
  CHECK(errors[2].rfind("5: a quoted field is never closed", 0) == 0);
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields.front() == "fine");
}

TEST_CASE("an ACLED row is read with its date interval, lists and timestamp", "[read][acled]") {
  std::string csv = std::string(kHeader) +
                    "MLI1,27 July 2020,2,Battles,JNIM,ISGS,Talataye,\"Twitter; Menastream ;\","
                    "\"JNIM and ISGS clashed.\",8,1622068046\n";
  Diagnostics d;
  auto events = ReadAcledEvents(csv, "t.csv", d);
  REQUIRE(events);
  REQUIRE(events->size() == 1);
  const AcledEvent& e = events->front();
  CHECK(e.line == 2);
  CHECK(e.interval.ToString() == "2020-07-27/2020-08-02");
  CHECK(e.sources == std::vector<std::string>{"Twitter", "Menastream"});
  CHECK(e.fatalities == 8);
  CHECK(FormatTimestamp(*e.timestamp) == "2021-05-26T22:27:26Z");
}

TEST_CASE("an ACLED crowd-size code in the notes is no claim and makes no sentence negative",
          "[read][acled]") {
  std::string csv = std::string(kHeader) +
                    "MLI2,6 March 2019,1,Protests,Protesters (Mali),,Gao,Journal du Mali,"
                    "\"On March 6, teachers in Gao staged a protest march.[size=no report]\","
                    "0,1622068036\n";
  Diagnostics d;
  auto events = ReadAcledEvents(csv, "t.csv", d);
  REQUIRE(events);
  REQUIRE(events->size() == 1);
  static const Rulebook rules = LoadRulebook(ATTEST_RULES_DIR);
  ReportWithClaims out = AcledEventReport(events->front(), "MLI2", "t.csv", ReportOptions{}, rules);
  // The notes are stored as they are, the code with them.
  REQUIRE(out.report.body);
  CHECK(out.report.body->find("[size=no report]") != std::string::npos);
  bool said = false;
  for (const Claim& c : out.claims) {
    if (!c.span) continue;  // a coded field's claim, not read from the notes
    std::string read = out.report.body->substr(static_cast<size_t>(c.span->start),
                                               static_cast<size_t>(c.span->end - c.span->start));
    INFO(read << " " << ToString(c.factuality()));
    CHECK(c.polarity == Polarity::kPositive);
    CHECK(read.find("size") == std::string::npos);
    said = said || (c.slot == "occurred" && read.find("protest march") != std::string::npos);
  }
  CHECK(said);  // the sentence itself says the protest happened
}

TEST_CASE("a bad ACLED row is reported by line and column and no event is returned",
          "[read][acled]") {
  auto [row, field] = GENERATE(table<std::string, std::string>({
      {"MLI1,2020-02-30,1,Battles,A,B,X,S,n,0,1", "event_date"},
      {"MLI1,2020-02-03,4,Battles,A,B,X,S,n,0,1", "time_precision"},
      {"MLI1,2020-02-03,1,Battles,A,B,X,S,n,-1,1", "fatalities"},
      {"MLI1,2020-02-03,1,Battles,A,B,X,S,n,0,yesterday", "timestamp"},
      {"MLI1,2020-02-03,1,,A,B,X,S,n,0,1", "event_type"},
      {"MLI1,2020-02-03,1,Battles,A,B,X,S,n", "fatalities"},
      {"MLI1,2020-02-03,1,Battles,A,B,X,S,n,0,1,extra", "field 12"},
  }));
  CAPTURE(row);
  Diagnostics d;
  CHECK_FALSE(ReadAcledEvents(std::string(kHeader) + row + "\n", "t.csv", d));
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].line == 2);
  CHECK(d.items()[0].field == field);
}

TEST_CASE("rows that repeat an earlier row join it; rows told apart by anything coded do not",
          "[incidents][acled]") {
  auto day = DateInterval::Day(boost::gregorian::date(2020, 7, 27));
  CodedEvent a{day,
               "Konna",
               "Violence against civilians",
               "Abduction",
               "Katiba Macina",
               "Civilians (Mali)",
               0,
               "On 27 July 2020, militants abducted a music artist."};
  CodedEvent repeat = a;
  repeat.actor1.swap(repeat.actor2);  // the actors in the other order
  CodedEvent elsewhere = a;
  elsewhere.location = "Bore";  // the same narrative, split over another place
  CodedEvent other = a;
  other.notes = "On 27 July 2020, militants burned the market of Konna and left.";
  auto found = FindDuplicateEvents({a, repeat, elsewhere, other});
  REQUIRE(found.size() == 1);
  CHECK(found[0].row == 1);
  CHECK(found[0].same_as == 0);
  CHECK(found[0].similarity == 1.0);
  CHECK(NotesSimilarity("a b c d", "a b c e") == Approx(0.6));
}

TEST_CASE("the ACLED Mali table is read whole, and only two rows repeat an earlier one",
          "[read][acled][shared]") {
  std::ifstream f(std::string(ATTEST_SHARED_DIR) + "/data/events/acled_mali_2017_2020.csv",
                  std::ios::binary);
  REQUIRE(f);
  std::stringstream s;
  s << f.rdbuf();
  Diagnostics d;
  auto events = ReadAcledEvents(s.str(), "acled.csv", d);
  REQUIRE(events);
  CHECK(events->size() == 3314);
  std::vector<CodedEvent> coded;
  for (const auto& e : *events) {
    coded.push_back({e.interval, e.location, e.event_type, e.sub_event_type, e.actor1, e.actor2,
                     e.fatalities, e.notes});
  }
  std::vector<std::string> pairs;
  for (const auto& dup : FindDuplicateEvents(coded)) {
    pairs.push_back((*events)[dup.row].event_id + "=" + (*events)[dup.same_as].event_id);
  }
  CHECK(pairs == std::vector<std::string>{"MLI4104=MLI4113", "MLI4112=MLI4098"});
}

}  // namespace attest
