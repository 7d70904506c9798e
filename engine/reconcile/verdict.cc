#include "engine/reconcile/verdict.h"

namespace attest {

std::string_view ToString(VerdictKind kind) {
  return kind == VerdictKind::kConfirmed ? "confirmed" : "refuted";
}

}  // namespace attest
