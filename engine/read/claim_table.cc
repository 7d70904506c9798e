#include "engine/read/claim_table.h"

#include <fmt/format.h>

#include <unordered_map>

#include "engine/base/sha256.h"
#include "engine/read/input.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

enum class Column { kSource, kObject, kAttribute, kValue, kStance, kModality, kEndorsement,
                    kPolarity };

std::optional<Column> ColumnNamed(std::string_view name) {
  if (name == "source" || name == "claimant") return Column::kSource;
  if (name == "object" || name == "incident") return Column::kObject;
  if (name == "attribute" || name == "slot") return Column::kAttribute;
  if (name == "value") return Column::kValue;
  if (name == "stance") return Column::kStance;
  if (name == "modality") return Column::kModality;
  if (name == "endorsement") return Column::kEndorsement;
  if (name == "polarity") return Column::kPolarity;
  return std::nullopt;
}

std::string_view ColumnName(Column c) {
  switch (c) {
    case Column::kSource: return "source";
    case Column::kObject: return "object";
    case Column::kAttribute: return "attribute";
    case Column::kValue: return "value";
    case Column::kStance: return "stance";
    case Column::kModality: return "modality";
    case Column::kEndorsement: return "endorsement";
    case Column::kPolarity: return "polarity";
  }
  return "";
}

// Splits records: TSV is one record per line with tab-separated fields and no
// quoting (the normalised benchmark form); CSV follows RFC 4180 (quotes, doubled
// quotes, line breaks inside quotes).
class RecordReader {
 public:
  RecordReader(std::string_view content, TableDialect dialect)
      : content_(content), dialect_(dialect) {}

  // Reads the next record into `fields`; false at the end. `line` is the line
  // the record starts on.
  bool Next(std::vector<std::string_view>& fields, std::string& scratch, int64_t& line,
            std::string& error) {
    fields.clear();
    error.clear();
    size_t n = content_.size();
    while (pos_ < n) {
      ++line_;
      if (content_[pos_] == '\n') {  // blank line
        ++pos_;
        continue;
      }
      if (content_[pos_] == '\r' && pos_ + 1 < n && content_[pos_ + 1] == '\n') {
        pos_ += 2;
        continue;
      }
      line = line_;
      if (dialect_ == TableDialect::kTsv) {
        NextTsv(fields);
      } else {
        NextCsv(fields, scratch, error);
      }
      return true;
    }
    return false;
  }

 private:
  void NextTsv(std::vector<std::string_view>& fields) {
    size_t end = content_.find('\n', pos_);
    if (end == std::string_view::npos) end = content_.size();
    std::string_view rec = content_.substr(pos_, end - pos_);
    pos_ = end + 1;
    if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
    size_t start = 0;
    while (true) {
      size_t tab = rec.find('\t', start);
      if (tab == std::string_view::npos) {
        fields.push_back(rec.substr(start));
        return;
      }
      fields.push_back(rec.substr(start, tab - start));
      start = tab + 1;
    }
  }

  // Unquoted fields are copied into `scratch` as well, so that every field is a
  // view into one buffer; line breaks inside quotes advance the line count.
  void NextCsv(std::vector<std::string_view>& fields, std::string& scratch, std::string& error) {
    scratch.clear();
    std::vector<std::pair<size_t, size_t>> spans;
    size_t n = content_.size();
    while (true) {
      size_t begin = scratch.size();
      if (pos_ < n && content_[pos_] == '"') {
        ++pos_;
        bool closed = false;
        while (pos_ < n) {
          char c = content_[pos_++];
          if (c == '"') {
            if (pos_ < n && content_[pos_] == '"') {
              scratch.push_back('"');
              ++pos_;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line_;
            scratch.push_back(c);
          }
        }
        if (!closed) {
          error = "a quoted field is never closed; close it with \"";
        } else if (pos_ < n && content_[pos_] != ',' && content_[pos_] != '\n' &&
                   content_[pos_] != '\r') {
          error = "text after a closing quote; double a quote inside a quoted field (\"\")";
        }
        while (pos_ < n && content_[pos_] != ',' && content_[pos_] != '\n') ++pos_;
      } else {
        while (pos_ < n && content_[pos_] != ',' && content_[pos_] != '\n') {
          scratch.push_back(content_[pos_++]);
        }
      }
      if (scratch.size() > begin && scratch.back() == '\r') scratch.pop_back();
      spans.emplace_back(begin, scratch.size() - begin);
      if (pos_ >= n || content_[pos_] == '\n') {
        ++pos_;
        break;
      }
      ++pos_;  // the comma
    }
    for (const auto& [b, len] : spans) fields.push_back(std::string_view(scratch).substr(b, len));
  }

  std::string_view content_;
  TableDialect dialect_;
  size_t pos_ = 0;
  int64_t line_ = 0;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class Interner {
 public:
  uint32_t Intern(std::string_view s, std::vector<std::string>& names) {
    // Tables come grouped by object: the previous row's name is the likeliest.
    if (last_ < names.size() && names[last_] == s) return last_;
    auto it = index_.find(s);
    if (it != index_.end()) return last_ = it->second;
    names.emplace_back(s);
    auto id = static_cast<uint32_t>(names.size() - 1);
    index_.emplace(names.back(), id);
    return last_ = id;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> index_;
  uint32_t last_ = UINT32_MAX;
};

}  // namespace

void ClaimTable::FillClaim(const Row& row, Claim& c) const {
  c.id = ClaimId();
  c.incident = IncidentId();
  c.report = report.id;
  c.claimant.name = sources[row.source];
  c.claimant.mention = sources[row.source];
  c.claimant.kind = source_kinds[row.source];
  c.stance = row.stance;
  c.modality = row.modality;
  c.endorsement = row.endorsement;
  c.polarity = row.polarity;
  c.slot = slots[row.slot];
  if (IsSilence(row.stance)) {
    c.value.reset();
  } else {
    c.value = ParseSlotValue(slot_types[row.slot], ValueOf(row));
  }
  if (!c.incident_ref) c.incident_ref.emplace();
  c.incident_ref->key = objects[row.object];
  c.source_line = row.line;
}

std::optional<ClaimTable> ReadClaimTable(const std::string& content, const std::string& origin,
                                         TableDialect dialect, const ReportOptions& options,
                                         const Rulebook& rules, Diagnostics& diagnostics) {
  size_t errors_before = diagnostics.error_count();
  if (!CheckUtf8(content, origin, diagnostics)) return std::nullopt;

  ClaimTable table;
  Report& report = table.report;
  report.id = ReportId(options.id ? *options.id : Stem(origin));
  report.format = ReportFormat::kTable;
  report.origin = origin;
  report.outlet = options.outlet;
  report.lang = options.lang;
  report.published = options.published ? *options.published : options.now;
  report.content_sha256 = Sha256Hex(content);

  RecordReader reader(content, dialect);
  std::vector<std::string_view> fields;
  std::string scratch, error;
  int64_t line = 0;
  std::string_view header_bom = "\xEF\xBB\xBF";
  if (!reader.Next(fields, scratch, line, error)) {
    diagnostics.Error(origin, 0, "", "empty table; the first line must name the columns");
    return std::nullopt;
  }
  std::vector<std::optional<Column>> columns;
  std::vector<int> position(8, -1);
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string_view name = Trim(fields[i]);
    if (i == 0 && name.substr(0, 3) == header_bom) name.remove_prefix(3);
    auto c = ColumnNamed(LowerCase(name));
    if (!c) {
      diagnostics.Error(origin, line, std::string(name),
                        "unknown column; use source, object, attribute, value and optionally "
                        "stance, modality, endorsement, polarity (or the aliases claimant, "
                        "incident, slot)");
    } else if (position[static_cast<int>(*c)] >= 0) {
      diagnostics.Error(origin, line, std::string(name),
                        fmt::format("column '{}' is named twice", ColumnName(*c)));
    } else {
      position[static_cast<int>(*c)] = static_cast<int>(i);
    }
    columns.push_back(c);
  }
  for (Column required : {Column::kSource, Column::kObject, Column::kAttribute, Column::kValue}) {
    if (position[static_cast<int>(required)] < 0) {
      diagnostics.Error(origin, line, std::string(ColumnName(required)),
                        "missing column; the header must name source, object, attribute and "
                        "value");
    }
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;

  auto col = [&](Column c) { return position[static_cast<int>(c)]; };
  Interner sources, objects, slots;
  size_t width = fields.size();
  table.rows.reserve(content.size() / 48);
  table.values.reserve(content.size() / 6);
  while (reader.Next(fields, scratch, line, error)) {
    if (!error.empty()) {
      diagnostics.Error(origin, line, "", error);
      continue;
    }
    if (fields.size() != width) {
      diagnostics.Error(origin, line, "",
                        fmt::format("{} fields where the header has {}; a {} inside a value?",
                                    fields.size(), width,
                                    dialect == TableDialect::kTsv ? "tab" : "comma"));
      continue;
    }
    ClaimTable::Row row;
    row.line = line;
    bool ok = true;
    auto need = [&](Column c) -> std::string_view {
      std::string_view v = Trim(fields[static_cast<size_t>(col(c))]);
      if (v.empty()) {
        diagnostics.Error(origin, line, std::string(ColumnName(c)),
                          "empty; every row needs a value here (leave the row out instead)");
        ok = false;
      }
      return v;
    };
    std::string_view source = need(Column::kSource);
    std::string_view object = need(Column::kObject);
    std::string_view slot = need(Column::kAttribute);
    auto optional_enum = [&](Column c, auto parse, auto& into, std::string_view choices) {
      if (col(c) < 0) return;
      std::string_view v = Trim(fields[static_cast<size_t>(col(c))]);
      if (v.empty()) return;
      auto parsed = parse(v);
      if (!parsed) {
        diagnostics.Error(origin, line, std::string(ColumnName(c)),
                          fmt::format("unknown value '{}'; use one of: {}", v, choices));
        ok = false;
      } else {
        into = *parsed;
      }
    };
    optional_enum(Column::kStance, ParseStance, row.stance, StanceChoices());
    optional_enum(Column::kModality, ParseModality, row.modality, ModalityChoices());
    optional_enum(Column::kEndorsement, ParseEndorsement, row.endorsement, EndorsementChoices());
    optional_enum(Column::kPolarity, ParsePolarity, row.polarity, PolarityChoices());
    std::string_view value = Trim(fields[static_cast<size_t>(col(Column::kValue))]);
    if (value.empty() && !IsSilence(row.stance)) {
      diagnostics.Error(origin, line, "value",
                        "empty; every row needs a value here (leave the row out instead)");
      ok = false;
    }
    if (!ok) continue;

    row.source = sources.Intern(source, table.sources);
    row.object = objects.Intern(object, table.objects);
    size_t known_slots = table.slots.size();
    row.slot = slots.Intern(slot, table.slots);
    if (table.slots.size() > known_slots) table.slot_types.push_back(rules.slots.TypeOf(slot));
    SlotType type = table.slot_types[row.slot];
    std::string normalized;
    if (!IsAscii(value)) {
      normalized = NormalizeNfc(value);
      value = normalized;
    }
    if (!value.empty() && type != SlotType::kText && type != SlotType::kCategory &&
        !ParseSlotValue(type, value)) {
      diagnostics.Error(origin, line, "value",
                        fmt::format("'{}' is not a {} value for slot '{}' (counts are written "
                                    "12, 8..12, 2.. or all; truth values true or false)",
                                    value, ToString(type), slot));
      continue;
    }
    row.value_begin = table.values.size();
    row.value_size = static_cast<uint32_t>(value.size());
    table.values.append(value);
    table.rows.push_back(row);
  }
  if (table.rows.empty() && diagnostics.error_count() == errors_before) {
    diagnostics.Error(origin, 0, "", "the table has a header but no rows");
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;

  table.source_kinds.reserve(table.sources.size());
  for (const auto& s : table.sources) {
    const Actor* a = rules.actors.Find(s);
    table.source_kinds.push_back(a ? a->kind : ClaimantKind::kUnknown);
  }
  return table;
}

}  // namespace attest
