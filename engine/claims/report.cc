#include "engine/claims/report.h"

namespace attest {

std::string_view ToString(ReportFormat format) {
  switch (format) {
    case ReportFormat::kText: return "text";
    case ReportFormat::kJsonl: return "jsonl";
    case ReportFormat::kTable: return "table";
  }
  return "text";
}

}  // namespace attest
