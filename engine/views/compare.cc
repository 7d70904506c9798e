#include "engine/views/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/reconcile/stakes.h"
#include "engine/text/utf8.h"

namespace attest {

std::string_view ToString(PartyKind kind) {
  switch (kind) {
    case PartyKind::kActor:
      return "actor";
    case PartyKind::kSide:
      return "side";
    case PartyKind::kSource:
      return "source";
    case PartyKind::kOthers:
      return "others";
  }
  return "actor";
}

std::string_view ToString(SideAgreement agreement) {
  switch (agreement) {
    case SideAgreement::kAgree:
      return "agree";
    case SideAgreement::kDisagree:
      return "disagree";
    case SideAgreement::kOneSide:
      return "one_side";
    case SideAgreement::kDenied:
      return "denied";
    case SideAgreement::kSilent:
      return "silent";
    case SideAgreement::kNone:
      return "none";
  }
  return "none";
}

namespace {

// A claim as it bears on one slot (its main slot, or one its content implies).
struct SlotWord {
  const Claim* claim;
  std::string slot;
  std::optional<SlotValue> value;
  bool implied;
  std::string_view source;
  const std::string* side;  // null for claimants without a side
};

// What a position commits to, read as reconciliation reads it: a negative truth
// value is support for its opposite; any other negated value is a denial.
struct Commitment {
  bool support = false;
  bool deny = false;
  SlotValue value;
};

std::optional<Commitment> CommitmentOf(const PartyPosition& p) {
  if (IsSilence(p.stance) || !p.value) return std::nullopt;
  Commitment c;
  c.value = *p.value;
  bool deny = p.stance == Stance::kDenies;
  if (p.polarity == Polarity::kNegative) {
    if (const bool* b = std::get_if<bool>(&c.value)) {
      c.value = !*b;
    } else {
      deny = !deny;
    }
  }
  c.support = !deny;
  c.deny = deny;
  return c;
}

std::string Said(const PartyPosition& p) {
  std::string stance(ToString(p.stance));
  std::replace(stance.begin(), stance.end(), '_', ' ');
  if (!p.value) return stance;
  std::string value = FormatSlotValue(*p.value);
  return fmt::format("{} {}{}", stance, p.polarity == Polarity::kNegative ? "not " : "", value);
}

std::string PartyLabel(const ComparedParty& party) {
  if (party.kind == PartyKind::kSide || !party.side) return party.name;
  return fmt::format("{} ({})", party.name, *party.side);
}

std::string SidesText(const std::vector<std::string>& sides) {
  std::string out;
  for (size_t i = 0; i < sides.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == sides.size() ? " and " : ", ") + sides[i];
  }
  return out;
}

class PartyResolver {
 public:
  PartyResolver(const std::vector<SlotWord>& words, const Rulebook& rules, const Conflict* conflict)
      : words_(words), rules_(rules), conflict_(conflict) {}

  std::optional<ComparedParty> Resolve(const std::string& requested) const {
    std::string folded = FoldForMatch(requested);
    ComparedParty party;
    if (folded == "others") {
      party.name = "others";
      party.kind = PartyKind::kOthers;
    } else if (const std::string* side = SideNamed(folded)) {
      party.name = *side;
      party.kind = PartyKind::kSide;
      party.side = *side;
    } else if (const Actor* actor = rules_.actors.Find(requested)) {
      party.name = actor->name;
      party.kind = PartyKind::kActor;
      if (const std::string* s = rules_.actors.FindSide(actor->name, conflict_)) party.side = *s;
    } else if (auto source = SourceNamed(folded)) {
      party.name = *source;
      party.kind = PartyKind::kSource;
      for (const auto& w : words_) {
        if (w.source == *source && w.side) party.side = *w.side;
      }
    } else {
      return std::nullopt;
    }
    Fill(party);
    return party;
  }

  // Claimants with a side, by side order then name; then others, or every
  // claimant when none has a side.
  std::vector<ComparedParty> Defaults() const {
    std::vector<ComparedParty> out;
    std::set<std::string> seen;
    bool others = false;
    for (const auto& w : words_) {
      if (!w.side) {
        others = true;
        continue;
      }
      if (!seen.insert(std::string(w.source)).second) continue;
      ComparedParty p;
      p.name = std::string(w.source);
      p.kind = rules_.actors.ByName(w.source) ? PartyKind::kActor : PartyKind::kSource;
      p.side = *w.side;
      out.push_back(std::move(p));
    }
    auto side_index = [&](const std::string& side) -> std::ptrdiff_t {
      if (!conflict_) return 0;
      auto it = std::find(conflict_->sides.begin(), conflict_->sides.end(), side);
      return it - conflict_->sides.begin();
    };
    std::sort(out.begin(), out.end(), [&](const ComparedParty& a, const ComparedParty& b) {
      auto ia = side_index(*a.side), ib = side_index(*b.side);
      return ia != ib ? ia < ib : a.name < b.name;
    });
    if (out.empty()) {
      for (const auto& w : words_) {
        if (!seen.insert(std::string(w.source)).second) continue;
        ComparedParty p;
        p.name = std::string(w.source);
        p.kind = PartyKind::kSource;
        out.push_back(std::move(p));
      }
    } else if (others) {
      ComparedParty p;
      p.name = "others";
      p.kind = PartyKind::kOthers;
      out.push_back(std::move(p));
    }
    for (auto& p : out) Fill(p);
    return out;
  }

  bool Covers(const ComparedParty& party, const SlotWord& w) const {
    switch (party.kind) {
      case PartyKind::kOthers:
        return w.side == nullptr;
      case PartyKind::kSide:
        return w.side && *w.side == party.name;
      case PartyKind::kActor:
      case PartyKind::kSource:
        return w.source == party.name;
    }
    return false;
  }

 private:
  const std::string* SideNamed(const std::string& folded) const {
    if (!conflict_) return nullptr;
    for (const auto& side : conflict_->sides) {
      if (FoldForMatch(side) == folded) return &side;
    }
    return nullptr;
  }

  std::optional<std::string> SourceNamed(const std::string& folded) const {
    for (const auto& w : words_) {
      if (FoldForMatch(w.source) == folded) return std::string(w.source);
    }
    return std::nullopt;
  }

  void Fill(ComparedParty& party) const {
    for (const auto& w : words_) {
      if (!Covers(party, w)) continue;
      std::string s(w.source);
      if (std::find(party.sources.begin(), party.sources.end(), s) == party.sources.end()) {
        party.sources.push_back(std::move(s));
      }
    }
  }

  const std::vector<SlotWord>& words_;
  const Rulebook& rules_;
  const Conflict* conflict_;
};

std::vector<PartyPosition> PositionsOf(const std::vector<const SlotWord*>& words) {
  std::vector<PartyPosition> out;
  for (const SlotWord* w : words) {
    const Claim& c = *w->claim;
    std::string value = w->value ? FormatSlotValue(*w->value) : "";
    auto it = std::find_if(out.begin(), out.end(), [&](const PartyPosition& p) {
      return p.stance == c.stance && p.polarity == c.polarity &&
             (p.value ? FormatSlotValue(*p.value) : "") == value;
    });
    if (it == out.end()) {
      PartyPosition p;
      p.stance = c.stance;
      p.polarity = c.polarity;
      p.value = w->value;
      if (c.cue && !c.cue->text.empty()) p.cue = c.cue->text;
      p.modality = c.modality;
      p.endorsement = c.endorsement;
      p.implied = true;
      out.push_back(std::move(p));
      it = out.end() - 1;
    }
    it->implied = it->implied && w->implied;
    it->claims.push_back(c.id);
    std::string who(w->source);
    if (std::find(it->claimants.begin(), it->claimants.end(), who) == it->claimants.end()) {
      it->claimants.push_back(std::move(who));
    }
  }
  for (auto& p : out) std::sort(p.claims.begin(), p.claims.end());
  return out;
}

// 1. Supports and denials of the parties with a side, read as commitments.
// 2. Any support and denial of compatible values, or two supports of
//    incompatible values: the parties disagree.
// 3. Else supports from two opposed sides: they agree (the spec's "opposing sides
//    agree", which reconciliation grades `confirmed`).
// 4. Else supports from one side, or from sides the conflict does not oppose:
//    one side only. Else only denials, else only silences, else none.
void Agree(SlotComparison& slot, const std::vector<ComparedParty>& parties,
           const Conflict* conflict) {
  struct Said_ {
    size_t party;
    const PartyPosition* position;
    Commitment commitment;
  };
  std::vector<Said_> supports, denials;
  bool silences = false;
  for (size_t i = 0; i < parties.size(); ++i) {
    if (!parties[i].side || parties[i].kind == PartyKind::kOthers) continue;
    for (const auto& p : slot.positions[i]) {
      auto c = CommitmentOf(p);
      if (!c) {
        silences = silences || IsSilence(p.stance);
        continue;
      }
      (c->support ? supports : denials).push_back({i, &p, *c});
    }
  }
  auto side_order = [&](std::vector<std::string> sides) {
    if (conflict) {
      std::sort(sides.begin(), sides.end(), [&](const std::string& a, const std::string& b) {
        return std::find(conflict->sides.begin(), conflict->sides.end(), a) <
               std::find(conflict->sides.begin(), conflict->sides.end(), b);
      });
    }
    sides.erase(std::unique(sides.begin(), sides.end()), sides.end());
    return sides;
  };
  // "FAMa (government) asserts 2"; a side names the claimants of the position.
  auto words = [&](const std::vector<Said_>& list, bool with_side) {
    std::vector<std::string> parts;
    for (const auto& s : list) {
      const ComparedParty& party = parties[s.party];
      std::string who = party.name;
      if (party.kind == PartyKind::kSide || party.kind == PartyKind::kOthers) {
        std::string names;
        for (const auto& n : s.position->claimants) names += (names.empty() ? "" : ", ") + n;
        who = party.kind == PartyKind::kSide ? fmt::format("{} ({})", party.name, names) : names;
      } else if (with_side && party.side) {
        who = PartyLabel(party);
      }
      std::string part = fmt::format("{} {}", who, Said(*s.position));
      if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
  };
  std::vector<std::string> all_sides;
  for (const auto& s : supports) all_sides.push_back(*parties[s.party].side);
  for (const auto& s : denials) all_sides.push_back(*parties[s.party].side);

  bool disagree = false;
  for (const auto& s : supports) {
    for (const auto& d : denials)
      disagree = disagree || Compatible(s.commitment.value, d.commitment.value);
    for (const auto& t : supports) {
      disagree =
          disagree || (s.party != t.party && !Compatible(s.commitment.value, t.commitment.value));
    }
  }
  if (disagree) {
    slot.agreement = SideAgreement::kDisagree;
    slot.sides = side_order(all_sides);
    std::vector<Said_> both = supports;
    both.insert(both.end(), denials.begin(), denials.end());
    std::sort(both.begin(), both.end(), [](const Said_& a, const Said_& b) {
      return a.position->claims.front() < b.position->claims.front();
    });
    slot.summary = "the parties disagree: " + words(both, true);
    return;
  }
  for (const auto& s : supports) {
    for (const auto& t : supports) {
      const std::string& a = *parties[s.party].side;
      const std::string& b = *parties[t.party].side;
      if (conflict && a != b && conflict->Opposed(a, b)) {
        slot.agreement = SideAgreement::kAgree;
        std::vector<std::string> sides;
        for (const auto& u : supports) sides.push_back(*parties[u.party].side);
        slot.sides = side_order(sides);
        slot.summary = fmt::format("opposing sides agree: {}", words(supports, true));
        return;
      }
    }
  }
  if (!supports.empty()) {
    slot.agreement = SideAgreement::kOneSide;
    std::vector<std::string> sides;
    for (const auto& u : supports) sides.push_back(*parties[u.party].side);
    slot.sides = side_order(sides);
    slot.summary =
        fmt::format("{} only ({}): {}", slot.sides.size() == 1 ? "one side" : "sides not opposed",
                    SidesText(slot.sides), words(supports, false));
    return;
  }
  if (!denials.empty()) {
    slot.agreement = SideAgreement::kDenied;
    slot.sides = side_order(all_sides);
    slot.summary = "only denied: " + words(denials, true);
    return;
  }
  slot.agreement = silences ? SideAgreement::kSilent : SideAgreement::kNone;
  slot.summary =
      silences ? "no party with a side gives a value" : "no party with a side speaks to it";
}

// What the compared claimants without a side assert or deny, appended to the
// summary so that "one side only" is not read as "nobody else says so".
void AddNeutralWords(SlotComparison& slot, const std::vector<ComparedParty>& parties) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < parties.size(); ++i) {
    if (parties[i].side && parties[i].kind != PartyKind::kOthers) continue;
    for (const auto& p : slot.positions[i]) {
      if (!CommitmentOf(p)) continue;
      std::string names;
      for (const auto& n : p.claimants) names += (names.empty() ? "" : ", ") + n;
      parts.push_back(fmt::format("{} {}", names, Said(p)));
    }
  }
  if (parts.empty()) return;
  std::string joined;
  for (const auto& p : parts) joined += (joined.empty() ? "" : "; ") + p;
  slot.summary += " (without a side: " + joined + ")";
}

}  // namespace

// 1. Every claim's word on its main slot and on each slot its content implies,
//    with its claimant's side in the incident's conflict (statements left out).
// 2. The parties: those requested, resolved as actor, side, claimant or others;
//    else the defaults (header).
// 3. Per slot (record slots and claimed slots, by name), each party's distinct
//    positions, then how the sides stand (Agree), read from every claimant (the
//    default parties) so that it does not depend on the columns asked for.
Comparison Compare(const CompareInput& in) {
  Comparison out;
  out.incident = in.incident.id;
  out.key = in.incident.key;
  out.title = in.record ? in.record->title : in.incident.title;
  const Conflict* conflict = ConflictOfIncident(in.incident, in.rules);
  if (conflict) out.conflict = conflict->name;

  std::vector<const Claim*> sorted;
  for (const Claim& c : in.claims) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(),
            [](const Claim* a, const Claim* b) { return a->id < b->id; });
  std::vector<SlotWord> words;
  for (const Claim* c : sorted) {
    Stakeholder who = StakeholderOf(*c, in.rules, conflict);
    auto add = [&](const std::string& slot, const std::optional<SlotValue>& value, bool implied) {
      if (in.rules.slots.TypeOf(slot) == SlotType::kStatement) return;
      words.push_back({c, slot, value, implied, who.source, who.side});
    };
    add(c->slot, c->value, false);
    for (const auto& i : c->implied) add(i.slot, i.value, true);
  }

  PartyResolver resolver(words, in.rules, conflict);
  if (in.parties.empty()) {
    out.parties = resolver.Defaults();
  } else {
    for (const auto& name : in.parties) {
      auto p = resolver.Resolve(name);
      if (!p) {
        out.unknown.push_back(name);
      } else if (std::none_of(out.parties.begin(), out.parties.end(),
                              [&](const ComparedParty& q) { return q.name == p->name; })) {
        out.parties.push_back(std::move(*p));
      }
    }
  }

  std::set<std::string> slots;
  for (const auto& w : words) slots.insert(w.slot);
  if (in.record) {
    for (const auto& s : in.record->slots) slots.insert(s.slot);
  }
  // How the sides stand is read from every claimant, whichever parties are shown.
  std::vector<ComparedParty> everyone = resolver.Defaults();
  auto positions = [&](const std::string& slot, const std::vector<ComparedParty>& parties) {
    std::vector<std::vector<PartyPosition>> out_positions;
    for (const auto& party : parties) {
      std::vector<const SlotWord*> mine;
      for (const auto& w : words) {
        if (w.slot == slot && resolver.Covers(party, w)) mine.push_back(&w);
      }
      out_positions.push_back(PositionsOf(mine));
    }
    return out_positions;
  };
  for (const std::string& slot : slots) {
    SlotComparison all;
    all.positions = positions(slot, everyone);
    Agree(all, everyone, conflict);
    AddNeutralWords(all, everyone);

    SlotComparison sc;
    sc.slot = slot;
    sc.record = in.record ? in.record->Find(slot) : nullptr;
    sc.positions = positions(slot, out.parties);
    sc.agreement = all.agreement;
    sc.sides = std::move(all.sides);
    sc.summary = std::move(all.summary);
    out.slots.push_back(std::move(sc));
  }
  return out;
}

}  // namespace attest
