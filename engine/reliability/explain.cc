#include "engine/reliability/explain.h"

#include <fmt/format.h>

#include <cmath>

namespace attest {

std::string_view LetterMeaning(ReliabilityLetter letter) {
  switch (letter) {
    case ReliabilityLetter::kA:
      return "completely reliable";
    case ReliabilityLetter::kB:
      return "usually reliable";
    case ReliabilityLetter::kC:
      return "fairly reliable";
    case ReliabilityLetter::kD:
      return "not usually reliable";
    case ReliabilityLetter::kE:
      return "unreliable";
    case ReliabilityLetter::kF:
      return "reliability cannot be judged";
  }
  return "reliability cannot be judged";
}

std::string KindPhrase(ClaimantKind kind) {
  switch (kind) {
    case ClaimantKind::kOutlet:
      return "an outlet";
    case ClaimantKind::kArmedGroup:
      return "an armed group";
    case ClaimantKind::kState:
      return "a state";
    case ClaimantKind::kInternational:
      return "an international organisation";
    case ClaimantKind::kCivilSociety:
      return "a civil-society organisation";
    case ClaimantKind::kWitness:
      return "a witness";
    case ClaimantKind::kAnonymousSources:
      return "anonymous sources";
    case ClaimantKind::kPerson:
      return "a person";
    case ClaimantKind::kUnknown:
      return "a source of unknown kind";
  }
  return "a source of unknown kind";
}

namespace {

// Checked claims are weighed (hedged claims count less): whole when they are.
std::string Amount(double x) {
  if (std::abs(x - std::round(x)) < 0.05) return fmt::format("{:.0f}", x);
  return fmt::format("{:.1f}", x);
}

std::string Claims(int64_t n) { return fmt::format("{} claim{}", n, n == 1 ? "" : "s"); }

}  // namespace

std::string ExplainStanding(const SourceEstimate& s, const ReliabilityPolicy& p) {
  std::string out = fmt::format("{}: ", LetterMeaning(s.letter));
  bool enough_claims = static_cast<double>(s.checked) >= p.min_evidence;
  if (s.letter == ReliabilityLetter::kF && enough_claims) {
    out += fmt::format(
        "{} of its {} could be checked against other sources or an analyst's verdict, but they "
        "are about {} incident{}, fewer than the {} a track record needs; its probability, "
        "{:.3f}, stays near the prior for {} ({:.3f})",
        s.checked, Claims(s.claims), s.checked_incidents, s.checked_incidents == 1 ? "" : "s",
        Amount(p.min_incidents), s.probability, KindPhrase(s.kind), s.prior);
  } else if (s.letter == ReliabilityLetter::kF) {
    out += fmt::format(
        "{} of its {} could be checked against other sources or an analyst's verdict, fewer than "
        "the {} needed to judge a source; its probability, {:.3f}, stays near the prior for {} "
        "({:.3f})",
        s.checked, Claims(s.claims), Amount(p.min_evidence), s.probability, KindPhrase(s.kind),
        s.prior);
  } else {
    out += fmt::format(
        "of its {}, {} about {} incidents could be checked against other sources or an "
        "analyst's verdict; {} agreed with the value believed and {} did not, which puts the "
        "probability that its claims hold at {:.3f} (prior for {}: {:.3f})",
        Claims(s.claims), s.checked, s.checked_incidents, s.held, s.failed, s.probability,
        KindPhrase(s.kind), s.prior);
    switch (s.letter) {
      case ReliabilityLetter::kA:
        out += fmt::format("; A needs at least {:.2f} over at least {} checked claims", p.a,
                           Amount(p.a_evidence));
        break;
      case ReliabilityLetter::kB:
        out += fmt::format("; B is from {:.2f}", p.b);
        break;
      case ReliabilityLetter::kC:
        out += fmt::format("; C is from {:.2f}", p.c);
        break;
      case ReliabilityLetter::kD:
        out += fmt::format("; D is from {:.2f}", p.d);
        break;
      case ReliabilityLetter::kE:
        out += fmt::format("; below {:.2f} is E", p.d);
        break;
      case ReliabilityLetter::kF:
        break;
    }
  }
  if (s.confirmed || s.refuted) {
    out += fmt::format("; analysts' verdicts bore out {} and refuted {} of its claims", s.confirmed,
                       s.refuted);
  }
  return out;
}

}  // namespace attest
