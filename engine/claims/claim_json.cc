#include "engine/claims/claim_json.h"

#include "engine/versions/version.h"

namespace attest {

using ojson = nlohmann::ordered_json;

namespace {

ojson OptText(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

}  // namespace

ojson IncidentRefToJson(const IncidentRef& ref) {
  ojson j = ojson::object();
  if (ref.key) j["key"] = *ref.key;
  j["place"] = OptText(ref.place);
  j["date"] = ref.date ? ojson(ref.date->ToString()) : ojson(nullptr);
  j["date_precision"] =
      ref.date ? ojson(std::string(ToString(ref.date->precision))) : ojson(nullptr);
  if (ref.event_type) j["event_type"] = *ref.event_type;
  if (!ref.actors.empty()) j["actors"] = ref.actors;
  return j;
}

ojson ClaimToJson(const Claim& c) {
  ojson j;
  if (c.id.stored()) j["id"] = c.id.value();
  j["report"] = c.report.value();
  if (c.incident.stored()) j["incident_id"] = c.incident.value();
  ojson claimant;
  claimant["name"] = OptText(c.claimant.name);
  claimant["mention"] = c.claimant.mention;
  claimant["kind"] = std::string(ToString(c.claimant.kind));
  claimant["role"] = OptText(c.claimant.role);
  claimant["anonymous"] = c.claimant.anonymous;
  claimant["count"] = std::string(ToString(c.claimant.count));
  claimant["concordant"] = c.claimant.concordant;
  j["claimant"] = std::move(claimant);
  j["chain"] = c.chain;
  if (c.cue) {
    j["cue"] = ojson{{"text", c.cue->text},
                     {"lemma", c.cue->lemma},
                     {"class", std::string(ToString(c.cue->cls))},
                     {"start", c.cue->start},
                     {"end", c.cue->end}};
  } else {
    j["cue"] = nullptr;
  }
  j["stance"] = std::string(ToString(c.stance));
  j["modality"] = std::string(ToString(c.modality));
  j["endorsement"] = std::string(ToString(c.endorsement));
  j["polarity"] =
      c.polarity == Polarity::kMixed ? ojson(nullptr) : ojson(std::string(ToString(c.polarity)));
  j["factuality"] = std::string(ToString(c.factuality()));
  ojson hedges = ojson::array();
  for (const auto& h : c.hedges) {
    hedges.push_back(
        ojson{{"text", h.text},
              {"kind", h.kind ? ojson(std::string(ToString(*h.kind))) : ojson(nullptr)}});
  }
  j["hedges"] = std::move(hedges);
  j["quote"] = OptText(c.quote);
  if (c.text) j["text"] = *c.text;
  j["incident"] = c.incident_ref ? IncidentRefToJson(*c.incident_ref) : ojson(nullptr);
  j["slot"] = c.slot;
  j["value"] = c.value ? SlotValueToJson(*c.value) : ojson(nullptr);
  if (!c.implied.empty()) {
    ojson implied = ojson::array();
    for (const auto& i : c.implied) {
      implied.push_back(ojson{{"slot", i.slot}, {"value", SlotValueToJson(i.value)}});
    }
    j["implied"] = std::move(implied);
  }
  if (c.span) j["span"] = ojson::array({c.span->start, c.span->end});
  return j;
}

}  // namespace attest
