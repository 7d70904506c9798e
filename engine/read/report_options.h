// What the command line may say about reports being read: values that fill in or
// override front matter (--outlet, --published, --lang) and the id of a report
// read from stdin (--report).
#pragma once

#include <optional>
#include <string>

#include "engine/time/timestamp.h"

namespace attest {

struct ReportOptions {
  std::optional<std::string> id;
  std::optional<std::string> outlet;
  std::optional<Timestamp> published;
  std::optional<std::string> lang;
  // When a report gives no publication time: the recorded time (the clock).
  Timestamp now;
};

}  // namespace attest
