// Table-driven extraction cases (shared/spec/claims.md): a short passage written
// for the test, the date and outlet it is published under, and the claims expected
// of it. Each expected claim is found as the *.gold.jsonl files find theirs: by an
// anchor, a substring of the passage that lies inside the claim's span (and, when
// two claims share the span, by its claimant). Only the fields a row gives are
// compared, so a row states the rule it is about and nothing else.
//
// The passages run through the real path: ReadTextReport on a front-matter block,
// then ExtractClaims with the project's rules folder (ATTEST_RULES_DIR).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/error.h"
#include "engine/claims/claim.h"
#include "engine/claims/report.h"
#include "engine/claims/slot_value.h"
#include "engine/claims/vocabulary.h"
#include "engine/extract/extractor.h"
#include "engine/read/report_options.h"
#include "engine/read/text_report.h"
#include "engine/rulebook/rulebook.h"
#include "engine/time/date_interval.h"

namespace attest::testing {

// Written in a row where a field must be absent: no role, no cue, no quote, no
// incident place or date, no value.
inline const std::string kNone = "(none)";

struct ExpectedClaim {
  std::string anchor;  // inside the claim's span; its first occurrence in the passage
  // The claimant, as Claimant::SourceName() gives it: canonical actor, outlet,
  // "local sources"…
  std::optional<std::string> claimant;
  std::optional<std::string> mention;
  std::optional<ClaimantKind> kind;
  std::optional<std::string> role;
  std::optional<bool> anonymous;
  std::optional<ClaimantCount> count;
  std::optional<bool> concordant;
  std::optional<std::vector<std::string>> chain;
  std::optional<std::string> cue;  // the cue's text
  std::optional<CueClass> cue_class;
  std::optional<Stance> stance;
  std::optional<Modality> modality;
  std::optional<Endorsement> endorsement;
  std::optional<Polarity> polarity;
  std::optional<Factuality> factuality;
  // Hedges the claim must carry (text and kind), and kinds it must not carry.
  std::vector<std::pair<std::string, HedgeKind>> hedges;
  std::vector<HedgeKind> no_hedges;
  std::vector<std::string> not_hedges;  // texts no hedge of the claim may have
  std::optional<std::string> quote;
  std::optional<std::string> slot;
  std::optional<std::string> value;  // FormatSlotValue: "12", "8..12", "2..", "all", "true"
  std::vector<std::string> implied;  // "slot=value" facts the claim must imply
  std::vector<std::string> not_read;  // slots the claim must neither have nor imply
  std::optional<std::string> place;  // the incident's place, canonical
  std::optional<std::string> date;   // DateInterval::ToString
  std::optional<DatePrecision> precision;
  std::optional<std::string> event_type;
};

struct Passage {
  std::string text;
  std::string published = "2025-07-14";  // a Monday
  std::string outlet = "RFI";
  std::optional<size_t> claim_count;  // how many claims the whole passage yields
  std::vector<ExpectedClaim> claims;
};

// The project's rules, loaded once for every case.
inline const Rulebook& ProjectRules() {
  static const Rulebook rules = LoadRulebook(ATTEST_RULES_DIR);
  return rules;
}

// The passage as a text report with front matter, read as `attest extract` reads it.
inline Report PassageReport(const std::string& lang, const Passage& p) {
  std::string content = "---\nid: case\noutlet: " + p.outlet + "\npublished: " + p.published +
                        "\nlang: " + lang + "\n---\n" + p.text + "\n";
  Diagnostics diagnostics;
  ReportOptions options;
  auto report = ReadTextReport(content, "case.txt", options, diagnostics);
  INFO(content);
  REQUIRE(report.has_value());
  REQUIRE(report->body.has_value());
  return *report;
}

inline std::string OrNone(const std::optional<std::string>& text) {
  return text ? *text : kNone;
}

inline std::string ValueText(const Claim& c) {
  return c.value ? FormatSlotValue(*c.value) : kNone;
}

inline std::string SpanText(const Claim& c, const std::string& body) {
  if (!c.span) return kNone;
  return body.substr(static_cast<size_t>(c.span->start),
                     static_cast<size_t>(c.span->end - c.span->start));
}

// One line per claim, for failure messages.
inline std::string Describe(const Claim& c, const std::string& body) {
  std::string out = "«" + SpanText(c, body) + "» claimant=" + c.claimant.SourceName() + " (" +
                    std::string(ToString(c.claimant.kind)) + ") cue=" +
                    (c.cue ? c.cue->text + "/" + std::string(ToString(c.cue->cls)) : kNone) +
                    " stance=" + std::string(ToString(c.stance)) +
                    " modality=" + std::string(ToString(c.modality)) +
                    " endorsement=" + std::string(ToString(c.endorsement)) +
                    " polarity=" + std::string(ToString(c.polarity)) + " slot=" + c.slot + "=" +
                    ValueText(c) + " hedges=[";
  for (const auto& h : c.hedges) {
    out += h.text + ":" + (h.kind ? std::string(ToString(*h.kind)) : "?") + ";";
  }
  out += "]";
  if (c.incident_ref) {
    out += " incident=" + OrNone(c.incident_ref->place) + "/" +
           (c.incident_ref->date ? c.incident_ref->date->ToString() : kNone) + "/" +
           OrNone(c.incident_ref->event_type);
  }
  return out;
}

inline std::string DescribeAll(const std::vector<Claim>& claims, const std::string& body) {
  std::string out;
  for (const auto& c : claims) out += "\n  " + Describe(c, body);
  return out;
}

// The claim `e` speaks of: its span holds the anchor; among several, the one of
// the expected claimant.
inline const Claim* FindClaim(const std::vector<Claim>& claims, const std::string& body,
                              const ExpectedClaim& e) {
  size_t at = body.find(e.anchor);
  INFO("anchor: " << e.anchor);
  REQUIRE(at != std::string::npos);
  std::vector<const Claim*> found;
  for (const auto& c : claims) {
    if (!c.span) continue;
    auto start = static_cast<size_t>(c.span->start), end = static_cast<size_t>(c.span->end);
    if (start <= at && at + e.anchor.size() <= end) found.push_back(&c);
  }
  if (found.size() > 1 && e.claimant) {
    std::erase_if(found, [&](const Claim* c) { return c->claimant.SourceName() != *e.claimant; });
  }
  return found.size() == 1 ? found.front() : nullptr;
}

inline void CheckClaim(const Claim& c, const ExpectedClaim& e) {
  if (e.claimant) CHECK(c.claimant.SourceName() == *e.claimant);
  if (e.mention) CHECK(c.claimant.mention == *e.mention);
  if (e.kind) CHECK(ToString(c.claimant.kind) == ToString(*e.kind));
  if (e.role) CHECK(OrNone(c.claimant.role) == *e.role);
  if (e.anonymous) CHECK(c.claimant.anonymous == *e.anonymous);
  if (e.count) CHECK(ToString(c.claimant.count) == ToString(*e.count));
  if (e.concordant) CHECK(c.claimant.concordant == *e.concordant);
  if (e.chain) CHECK(c.chain == *e.chain);
  if (e.cue) CHECK((c.cue && !c.cue->text.empty() ? c.cue->text : kNone) == *e.cue);
  if (e.cue_class) {
    CHECK(ToString(c.cue ? c.cue->cls : CueClass::kNone) == ToString(*e.cue_class));
  }
  if (e.stance) CHECK(ToString(c.stance) == ToString(*e.stance));
  if (e.modality) CHECK(ToString(c.modality) == ToString(*e.modality));
  if (e.endorsement) CHECK(ToString(c.endorsement) == ToString(*e.endorsement));
  if (e.polarity) CHECK(ToString(c.polarity) == ToString(*e.polarity));
  if (e.factuality) CHECK(ToString(c.factuality()) == ToString(*e.factuality));
  for (const auto& [text, kind] : e.hedges) {
    CAPTURE(text, ToString(kind));
    bool held = std::any_of(c.hedges.begin(), c.hedges.end(), [&](const Hedge& h) {
      return h.text == text && h.kind == kind;
    });
    CHECK(held);
  }
  for (HedgeKind kind : e.no_hedges) {
    CAPTURE(ToString(kind));
    bool held = std::any_of(c.hedges.begin(), c.hedges.end(),
                            [&](const Hedge& h) { return h.kind == kind; });
    CHECK_FALSE(held);
  }
  for (const std::string& text : e.not_hedges) {
    CAPTURE(text);
    bool held = std::any_of(c.hedges.begin(), c.hedges.end(),
                            [&](const Hedge& h) { return h.text == text; });
    CHECK_FALSE(held);
  }
  if (e.quote) CHECK(OrNone(c.quote) == *e.quote);
  if (e.slot) CHECK(c.slot == *e.slot);
  if (e.value) CHECK(ValueText(c) == *e.value);
  for (const auto& fact : e.implied) {
    CAPTURE(fact);
    bool held = std::any_of(c.implied.begin(), c.implied.end(), [&](const ImpliedSlot& i) {
      return i.slot + "=" + FormatSlotValue(i.value) == fact;
    });
    CHECK(held);
  }
  for (const auto& slot : e.not_read) {
    CAPTURE(slot);
    CHECK(c.slot != slot);
    CHECK(std::none_of(c.implied.begin(), c.implied.end(),
                       [&](const ImpliedSlot& i) { return i.slot == slot; }));
  }
  const IncidentRef none;
  const IncidentRef& ref = c.incident_ref ? *c.incident_ref : none;
  if (e.place) CHECK(OrNone(ref.place) == *e.place);
  if (e.date) CHECK((ref.date ? ref.date->ToString() : kNone) == *e.date);
  if (e.precision) {
    REQUIRE(ref.date.has_value());
    CHECK(ToString(ref.date->precision) == ToString(*e.precision));
  }
  if (e.event_type) CHECK(OrNone(ref.event_type) == *e.event_type);
}

// Extracts the passage in `lang` and checks every expected claim.
inline void CheckPassage(const std::string& lang, const Passage& p) {
  Report report = PassageReport(lang, p);
  const std::string& body = *report.body;
  std::vector<Claim> claims = ExtractClaims(report, ProjectRules());
  CAPTURE(lang, p.text, p.published, p.outlet);
  INFO("claims:" << DescribeAll(claims, body));
  if (p.claim_count) CHECK(claims.size() == *p.claim_count);
  for (const auto& e : p.claims) {
    const Claim* c = FindClaim(claims, body, e);
    INFO("expected claim at «" << e.anchor << "»"
                               << (e.claimant ? " by " + *e.claimant : std::string()));
    REQUIRE(c != nullptr);
    INFO("found: " << Describe(*c, body));
    CheckClaim(*c, e);
  }
}

}  // namespace attest::testing
