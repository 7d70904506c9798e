#include "engine/read/text_report.h"

#include <fmt/format.h>

#include <map>

#include "engine/base/sha256.h"
#include "engine/read/input.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

// Front-matter fields are names, dates, titles and addresses.
constexpr size_t kMaxFrontMatterLine = 4096;

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::string Unquote(std::string v) {
  if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') ||
                        (v.front() == '\'' && v.back() == '\''))) {
    char q = v.front();
    std::string inner = v.substr(1, v.size() - 2);
    if (q == '"') {
      std::string out;
      for (size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == '\\' && i + 1 < inner.size()) {
          out += inner[++i];
        } else {
          out += inner[i];
        }
      }
      return out;
    }
    return inner;
  }
  return v;
}

// CR LF and lone CR become LF: a report's body is kept with one kind of line end,
// so that offsets into it do not depend on the system the file was saved on.
std::string UnixLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

}  // namespace

size_t BodyOffset(const std::string& content) {
  if (content.rfind("---\n", 0) != 0 && content.rfind("---\r\n", 0) != 0) return 0;
  size_t pos = content.find('\n') + 1;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    std::string line = Trim(std::string_view(content).substr(
        pos, (end == std::string::npos ? content.size() : end) - pos));
    if (line == "---") return end == std::string::npos ? content.size() : end + 1;
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return 0;
}

std::optional<Report> ReadTextReport(const std::string& content, const std::string& origin,
                                     const ReportOptions& options, Diagnostics& diagnostics) {
  size_t before = diagnostics.error_count();
  if (content.size() > kMaxTextReportBytes) {
    diagnostics.Error(origin, 0, "",
                      fmt::format("this report is {} long; a text report holds at most {} (split "
                                  "it, or give its claims as .jsonl)",
                                  ByteSize(content.size()), ByteSize(kMaxTextReportBytes)));
    return std::nullopt;
  }
  bool nfc_inert = false;  // then the body, part of the content, is its own NFC too
  if (!CheckUtf8(content, origin, diagnostics, &nfc_inert)) return std::nullopt;

  Report report;
  report.format = ReportFormat::kText;
  report.origin = origin;
  report.content_sha256 = Sha256Hex(content);
  std::optional<std::string> id, published_text;
  int64_t published_line = 0, lang_line = 0;

  bool opened = content.rfind("---\n", 0) == 0 || content.rfind("---\r\n", 0) == 0;
  size_t body = BodyOffset(content);
  if (opened && body == 0) {
    diagnostics.Error(origin, 1, "front matter",
                      "the block opened by '---' is never closed; end it with a line '---'");
    return std::nullopt;
  }
  if (body > 0) {
    size_t pos = content.find('\n') + 1;
    int64_t line_no = 2;
    std::map<std::string, int64_t> seen;  // field → line
    while (pos < body) {
      size_t end = content.find('\n', pos);
      std::string_view raw = std::string_view(content).substr(pos, end - pos);
      pos = end + 1;
      int64_t here = line_no++;
      if (raw.size() > kMaxFrontMatterLine) {
        diagnostics.Error(origin, here, "front matter",
                          fmt::format("this line is {} long; a front-matter field holds at most "
                                      "{}",
                                      ByteSize(raw.size()), ByteSize(kMaxFrontMatterLine)));
        continue;
      }
      std::string line = Trim(raw);
      if (line == "---") break;
      if (line.empty() || line[0] == '#') continue;
      size_t colon = line.find(':');
      if (colon == std::string::npos) {
        diagnostics.Error(origin, here, "front matter",
                          "expected 'field: value'; fields are id, outlet, published, lang, "
                          "title, url");
        continue;
      }
      std::string key = Trim(std::string_view(line).substr(0, colon));
      std::string value = NormalizeNfc(Unquote(Trim(std::string_view(line).substr(colon + 1))));
      bool known = key == "id" || key == "outlet" || key == "published" || key == "date" ||
                   key == "lang" || key == "title" || key == "url";
      if (!known) {
        diagnostics.Error(origin, here, key,
                          "unknown front-matter field; use id, outlet, published, lang, title "
                          "or url");
        continue;
      }
      if (auto [it, fresh] = seen.emplace(key == "date" ? "published" : key, here); !fresh) {
        diagnostics.Error(origin, here, key,
                          fmt::format("given twice (first on line {}); keep one", it->second));
        continue;
      }
      if (value.empty()) {
        diagnostics.Error(origin, here, key, "empty; give a value or leave the line out");
        continue;
      }
      if (key == "id") {
        id = value;
      } else if (key == "outlet") {
        report.outlet = value;
      } else if (key == "published" || key == "date") {
        published_text = value;
        published_line = here;
      } else if (key == "lang") {
        report.lang = value;
        lang_line = here;
      } else if (key == "title") {
        report.title = value;
      } else if (key == "url") {
        report.url = value;
      }
    }
  }
  // (Most bodies have no CR: normalised straight from the file's bytes, with no
  // copy made first. Most are their own NFC, as the check of the content found.)
  std::string_view raw_body = std::string_view(content).substr(body);
  bool crs = raw_body.find('\r') != std::string_view::npos;
  if (nfc_inert) {
    report.body = crs ? UnixLineEnds(raw_body) : std::string(raw_body);
  } else {
    report.body = crs ? NormalizeNfc(UnixLineEnds(raw_body)) : NormalizeNfc(raw_body);
  }

  if (options.id) id = options.id;
  if (options.outlet) report.outlet = options.outlet;
  if (options.lang) {
    report.lang = options.lang;
    lang_line = 0;
  }
  if (report.lang && *report.lang != "fr" && *report.lang != "en") {
    diagnostics.Error(origin, lang_line, "lang",
                      fmt::format("'{}' is not a language attest reads; use fr or en",
                                  Excerpt(*report.lang)));
  }
  if (options.published) {
    report.published = *options.published;
  } else if (published_text) {
    auto t = ParseTimestamp(*published_text);
    if (!t) {
      diagnostics.Error(origin, published_line, "published",
                        fmt::format("'{}' is not a date; write YYYY-MM-DD or an ISO-8601 time",
                                    Excerpt(*published_text)));
    } else {
      report.published = *t;
    }
  } else {
    report.published = options.now;
  }
  report.id = ReportId(id ? *id : Stem(origin));
  if (report.id.empty()) diagnostics.Error(origin, 0, "id", "the report id is empty");
  if (diagnostics.error_count() > before) return std::nullopt;
  return report;
}

}  // namespace attest
