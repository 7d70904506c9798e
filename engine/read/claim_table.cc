#include "engine/read/claim_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
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
  // `first_line`: the line number the content starts on.
  RecordReader(std::string_view content, TableDialect dialect, int64_t first_line = 1)
      : content_(content), dialect_(dialect), line_(first_line - 1) {}

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
      size_t start = pos_;
      if (dialect_ == TableDialect::kTsv) {
        NextTsv(fields);
      } else {
        NextCsv(fields, scratch, error);
      }
      size_t length = std::min(pos_, n) - start;
      if (length > kMaxRecordBytes) {
        error = fmt::format("this row is {} long; a row holds one claim, at most {}",
                            ByteSize(length), ByteSize(kMaxRecordBytes));
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
  int64_t line_;
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

namespace {

// Reads a table from blocks of whole records, in order: the header first, then
// rows. Blocks come from memory (a file read whole) or from a stream as it
// arrives, so that parsing overlaps with whatever produces the input.
class TableParser {
 public:
  TableParser(const std::string& origin, TableDialect dialect, const ReportOptions& options,
              const Rulebook& rules, Diagnostics& diagnostics)
      : origin_(origin),
        dialect_(dialect),
        rules_(rules),
        diagnostics_(diagnostics),
        errors_before_(diagnostics.error_count()) {
    Report& report = table_.report;
    report.id = ReportId(options.id ? *options.id : Stem(origin));
    report.format = ReportFormat::kTable;
    report.origin = origin;
    report.outlet = options.outlet;
    report.lang = options.lang;
    report.published = options.published ? *options.published : options.now;
  }

  // `block` holds whole records and starts on line `first_line`.
  void Feed(std::string_view block, int64_t first_line) {
    if (broken_utf8_) return;
    if (auto problem = FindTextProblem(block, first_line == 1)) {
      diagnostics_.Error(origin_, first_line + LineAt(block, problem->offset) - 1, "",
                         problem->message);
      broken_utf8_ = true;
      return;
    }
    RecordReader reader(block, dialect_, first_line);
    int64_t line = 0;
    while (reader.Next(fields_, scratch_, line, error_)) {
      if (!header_read_) {
        header_read_ = true;
        if (!error_.empty()) {
          diagnostics_.Error(origin_, line, "header", error_);
          continue;
        }
        ReadHeader(line);
      } else if (header_ok_) {
        ReadRow(line);
      }
    }
  }

  std::optional<ClaimTable> Finish(std::string content_sha256) {
    if (!broken_utf8_ && !header_read_) {
      diagnostics_.Error(origin_, 0, "", "empty table; the first line must name the columns");
    } else if (table_.rows.empty() && diagnostics_.error_count() == errors_before_) {
      diagnostics_.Error(origin_, 0, "", "the table has a header but no rows");
    }
    if (diagnostics_.error_count() > errors_before_) return std::nullopt;
    table_.report.content_sha256 = std::move(content_sha256);
    table_.source_kinds.reserve(table_.sources.size());
    for (const auto& s : table_.sources) {
      const Actor* a = rules_.actors.Find(s);
      table_.source_kinds.push_back(a ? a->kind : ClaimantKind::kUnknown);
    }
    return std::move(table_);
  }

 private:
  int col(Column c) const { return position_[static_cast<int>(c)]; }

  void ReadHeader(int64_t line) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    for (size_t i = 0; i < fields_.size(); ++i) {
      std::string_view name = Trim(fields_[i]);
      if (i == 0 && name.substr(0, 3) == kBom) name.remove_prefix(3);
      auto c = ColumnNamed(LowerCase(name));
      if (!c) {
        diagnostics_.Error(origin_, line, std::string(name),
                           "unknown column; use source, object, attribute, value and optionally "
                           "stance, modality, endorsement, polarity (or the aliases claimant, "
                           "incident, slot)");
      } else if (col(*c) >= 0) {
        diagnostics_.Error(origin_, line, std::string(name),
                           fmt::format("column '{}' is named twice", ColumnName(*c)));
      } else {
        position_[static_cast<int>(*c)] = static_cast<int>(i);
      }
    }
    for (Column required :
         {Column::kSource, Column::kObject, Column::kAttribute, Column::kValue}) {
      if (col(required) < 0) {
        diagnostics_.Error(origin_, line, std::string(ColumnName(required)),
                           "missing column; the header must name source, object, attribute and "
                           "value");
      }
    }
    width_ = fields_.size();
    header_ok_ = diagnostics_.error_count() == errors_before_;
  }

  void ReadRow(int64_t line) {
    if (!error_.empty()) {
      diagnostics_.Error(origin_, line, "", error_);
      return;
    }
    if (fields_.size() != width_) {
      diagnostics_.Error(origin_, line, "",
                         fmt::format("{} fields where the header has {}; a {} inside a value?",
                                     fields_.size(), width_,
                                     dialect_ == TableDialect::kTsv ? "tab" : "comma"));
      return;
    }
    ClaimTable::Row row;
    row.line = line;
    bool ok = true;
    auto need = [&](Column c) -> std::string_view {
      std::string_view v = Trim(fields_[static_cast<size_t>(col(c))]);
      if (v.empty()) {
        diagnostics_.Error(origin_, line, std::string(ColumnName(c)),
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
      std::string_view v = Trim(fields_[static_cast<size_t>(col(c))]);
      if (v.empty()) return;
      auto parsed = parse(v);
      if (!parsed) {
        diagnostics_.Error(origin_, line, std::string(ColumnName(c)),
                           fmt::format("unknown value '{}'; use one of: {}", Excerpt(v), choices));
        ok = false;
      } else {
        into = *parsed;
      }
    };
    optional_enum(Column::kStance, ParseStance, row.stance, StanceChoices());
    optional_enum(Column::kModality, ParseModality, row.modality, ModalityChoices());
    optional_enum(Column::kEndorsement, ParseEndorsement, row.endorsement, EndorsementChoices());
    optional_enum(Column::kPolarity, ParsePolarity, row.polarity, PolarityChoices());
    std::string_view value = Trim(fields_[static_cast<size_t>(col(Column::kValue))]);
    if (value.empty() && !IsSilence(row.stance)) {
      diagnostics_.Error(origin_, line, "value",
                         "empty; every row needs a value here (leave the row out instead)");
      ok = false;
    }
    if (!ok) return;

    row.source = sources_.Intern(source, table_.sources);
    row.object = objects_.Intern(object, table_.objects);
    size_t known_slots = table_.slots.size();
    row.slot = slots_.Intern(slot, table_.slots);
    if (table_.slots.size() > known_slots) table_.slot_types.push_back(rules_.slots.TypeOf(slot));
    SlotType type = table_.slot_types[row.slot];
    std::string normalized;
    if (!IsAscii(value)) {
      normalized = NormalizeNfc(value);
      value = normalized;
    }
    if (!value.empty() && type != SlotType::kText && type != SlotType::kCategory &&
        !ParseSlotValue(type, value)) {
      diagnostics_.Error(origin_, line, "value",
                         fmt::format("'{}' is not a {} value for slot '{}' (counts are whole "
                                     "numbers up to {}, written 12, 8..12, 2.. or all; truth "
                                     "values true or false)",
                                     Excerpt(value), ToString(type), Excerpt(slot), kMaxCount));
      return;
    }
    row.value_begin = table_.values.size();
    row.value_size = static_cast<uint32_t>(value.size());
    table_.values.append(value);
    table_.rows.push_back(row);
  }

  const std::string& origin_;
  TableDialect dialect_;
  const Rulebook& rules_;
  Diagnostics& diagnostics_;
  size_t errors_before_;
  ClaimTable table_;
  bool broken_utf8_ = false;
  bool header_read_ = false;
  bool header_ok_ = false;
  size_t width_ = 0;
  std::vector<int> position_ = std::vector<int>(8, -1);
  std::vector<std::string_view> fields_;
  std::string scratch_, error_;
  Interner sources_, objects_, slots_;
};

}  // namespace

std::optional<ClaimTable> ReadClaimTable(const std::string& content, const std::string& origin,
                                         TableDialect dialect, const ReportOptions& options,
                                         const Rulebook& rules, Diagnostics& diagnostics) {
  TableParser parser(origin, dialect, options, rules, diagnostics);
  parser.Feed(content, 1);
  return parser.Finish(Sha256Hex(content));
}

std::optional<ClaimTable> ReadClaimTable(std::istream& in, const std::string& origin,
                                         TableDialect dialect, const ReportOptions& options,
                                         const Rulebook& rules, Diagnostics& diagnostics,
                                         size_t block_bytes) {
  const size_t kBlock = std::max<size_t>(block_bytes, 1);
  TableParser parser(origin, dialect, options, rules, diagnostics);
  Sha256 sha;
  std::string buffer;
  uint64_t total = 0;
  int64_t line = 1;
  size_t scanned = 0;   // bytes of `buffer` looked at for record ends
  size_t boundary = 0;  // end of the last whole record found
  // CSV: where `scanned` stands, read as RecordReader reads: a quote opens a
  // quoted field only at the start of a field, and a doubled quote inside one is
  // a quote, so that a block never ends inside a quoted field (a line break there
  // belongs to the value).
  bool quoted = false, just_closed = false, field_start = true;
  std::streambuf* source = in.rdbuf();
  while (true) {
    size_t have = buffer.size();
    buffer.resize(have + kBlock);
    auto got = source ? source->sgetn(buffer.data() + have, static_cast<std::streamsize>(kBlock)) : 0;
    buffer.resize(have + static_cast<size_t>(std::max<std::streamsize>(got, 0)));
    bool at_end = got <= 0;
    total += static_cast<uint64_t>(std::max<std::streamsize>(got, 0));
    if (total > kMaxInputBytes) {
      throw InvalidInput(fmt::format("{}: input larger than {} GiB; split it into several reports",
                                     origin, kMaxInputBytes >> 30));
    }
    sha.Update(std::string_view(buffer).substr(have));
    // Whole records end at a line break outside quotes.
    for (; scanned < buffer.size(); ++scanned) {
      char c = buffer[scanned];
      if (dialect == TableDialect::kTsv) {
        if (c == '\n') boundary = scanned + 1;
        continue;
      }
      if (quoted) {
        if (c == '"') {
          quoted = false;
          just_closed = true;
        }
        continue;
      }
      if (just_closed && c == '"') {  // a doubled quote: still inside
        quoted = true;
        just_closed = false;
        continue;
      }
      just_closed = false;
      if (c == '"' && field_start) {
        quoted = true;
        field_start = false;
      } else if (c == ',') {
        field_start = true;
      } else if (c == '\n') {
        field_start = true;
        boundary = scanned + 1;
      } else {
        field_start = false;
      }
    }
    if (at_end) boundary = buffer.size();
    if (boundary > 0) {
      std::string_view block(buffer.data(), boundary);
      parser.Feed(block, line);
      line += static_cast<int64_t>(std::count(block.begin(), block.end(), '\n'));
      buffer.erase(0, boundary);
      scanned -= boundary;
      boundary = 0;
    }
    if (at_end) break;
  }
  return parser.Finish(sha.HexDigest());
}

}  // namespace attest
