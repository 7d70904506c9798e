// Extraction throughput: MB of report text read into claims per second, on one
// core, against a baseline pass over the same bytes in the same run.
//
// The corpus is generated from our own example reports: every .txt/.md text of
// examples/desk and tests/data/extract/* (never ../shared), repeated under fresh
// report ids until it holds --corpus-mb megabytes of text. Each run then:
//   1. baseline: checks every report's bytes for valid UTF-8 and normalises them
//      to NFC with utf8proc itself (utf8proc_map, STABLE | COMPOSE), the least any
//      reader of the text does with the library; not attest's NormalizeNfc,
//      which copies text it knows to be in NFC already and so is no yardstick;
//   2. extraction: reads every report as `attest extract` does (ReadTextReport:
//      front matter, UTF-8 check, NFC body) and extracts its claims
//      (ExtractClaims), with the rules loaded once beforehand.
// Runs alternate the two; the medians and their ratio are printed, and with
// --json written as one object. Single-threaded by construction.
//
// Usage: extraction_speed [--corpus-mb 32] [--runs 5] [--rules DIR] [--json FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/extract/extractor.h"
#include "engine/read/report_options.h"
#include "engine/read/text_report.h"
#include "engine/rulebook/rulebook.h"
#include "engine/text/sentences.h"
#include "engine/text/tokens.h"
#include "engine/text/utf8.h"
#include "engine/time/timestamp.h"

#include <dlfcn.h>
#include <utf8proc.h>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  double corpus_mb = 32;
  int runs = 5;
  std::string rules = ATTEST_RULES_DIR;
  std::string json;
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The example reports: every text of the source folders, in a stable order.
std::vector<std::string> SourceTexts() {
  std::vector<fs::path> files;
  const fs::path root = ATTEST_SOURCE_DIR;
  std::vector<fs::path> dirs = {root / "examples" / "desk"};
  for (const auto& entry : fs::directory_iterator(root / "tests" / "data" / "extract")) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  for (const auto& dir : dirs) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      auto ext = entry.path().extension();
      if (ext == ".txt" || ext == ".md") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& f : files) texts.push_back(Slurp(f));
  return texts;
}

// A copy of a report under a fresh id, so that no two corpus reports are the same
// report: its front matter's id line replaced or added.
std::string WithId(const std::string& text, size_t n) {
  std::string id = "id: bench-" + std::to_string(n) + "\n";
  if (text.rfind("---\n", 0) != 0) return text;
  std::string out = "---\n" + id;
  size_t end = text.find("\n---\n", 4);
  std::istringstream head(text.substr(4, end - 4 + 1));
  for (std::string line; std::getline(head, line);) {
    if (line.rfind("id:", 0) != 0) out += line + "\n";
  }
  return out + text.substr(end + 1);
}

// The size of `text` in NFC as utf8proc makes it, every byte through the library.
size_t LibraryNfcSize(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::free(out);
  return n < 0 ? 0 : static_cast<size_t>(n);
}

// The allocator this program runs with (cmake/AttestAllocator.cmake): tcmalloc's
// version when it is linked in, else the system's malloc.
std::string AllocatorName() {
  using Version = const char* (*)(int*, int*, const char**);
  if (auto version = reinterpret_cast<Version>(dlsym(RTLD_DEFAULT, "tc_version"))) {
    return version(nullptr, nullptr, nullptr);
  }
  return "system malloc";
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "extraction_speed: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--corpus-mb") {
      o.corpus_mb = std::stod(next());
    } else if (a == "--runs") {
      o.runs = std::max(1, std::stoi(next()));
    } else if (a == "--rules") {
      o.rules = next();
    } else if (a == "--json") {
      o.json = next();
    } else {
      std::cerr << "usage: extraction_speed [--corpus-mb 32] [--runs 5] [--rules DIR] "
                   "[--json FILE]\n";
      std::exit(2);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace attest;
  Options opt = Parse(argc, argv);
  try {
    Rulebook rules = LoadRulebook(opt.rules);
    std::vector<std::string> sources = SourceTexts();
    if (sources.empty()) {
      std::cerr << "extraction_speed: no example reports found\n";
      return 1;
    }
    std::vector<std::string> corpus;
    size_t bytes = 0;
    const auto target = static_cast<size_t>(opt.corpus_mb * 1e6);
    while (bytes < target) {
      for (const auto& s : sources) {
        corpus.push_back(WithId(s, corpus.size()));
        bytes += corpus.back().size();
      }
    }
    ReportOptions options;
    options.now = *ParseTimestamp("2026-01-01T00:00:00Z");

    // Where the time goes, measured once: reading the reports, then cutting their
    // bodies into sentences and tokens, as parts of the whole extraction.
    double read_s = 0, tokens_s = 0;
    size_t checksum = 0;
    {
      std::vector<Report> reports;
      auto t0 = Clock::now();
      for (const auto& text : corpus) {
        Diagnostics diagnostics;
        if (auto r = ReadTextReport(text, "bench.txt", options, diagnostics)) {
          reports.push_back(std::move(*r));
        }
      }
      auto t1 = Clock::now();
      size_t tokens = 0;
      for (const auto& r : reports) {
        const Lexicon* lexicon = rules.LexiconFor(r.lang ? *r.lang : "fr");
        if (!lexicon) continue;
        std::vector<std::pair<size_t, size_t>> spans;
        for (const Sentence& sentence : SplitSentences(*r.body, lexicon->sentences)) {
          if (!sentence.heading) spans.emplace_back(sentence.begin, sentence.end);
        }
        for (const auto& sentence : TokenizeEach(*r.body, spans, lexicon->tokens)) {
          tokens += sentence.size();
        }
      }
      auto t2 = Clock::now();
      read_s = std::chrono::duration<double>(t1 - t0).count();
      tokens_s = std::chrono::duration<double>(t2 - t1).count();
      checksum += tokens;
    }
    std::vector<double> base_s, extract_s;
    size_t claims = 0;
    for (int run = 0; run < opt.runs; ++run) {
      auto t0 = Clock::now();
      for (const auto& text : corpus) {
        if (FindInvalidUtf8(text)) return 1;
        checksum += LibraryNfcSize(text);
      }
      auto t1 = Clock::now();
      size_t run_claims = 0;
      for (size_t i = 0; i < corpus.size(); ++i) {
        Diagnostics diagnostics;
        auto report = ReadTextReport(corpus[i], "bench.txt", options, diagnostics);
        if (!report) {
          std::cerr << "extraction_speed: a corpus report did not read\n";
          return 1;
        }
        run_claims += ExtractClaims(*report, rules).size();
      }
      auto t2 = Clock::now();
      base_s.push_back(std::chrono::duration<double>(t1 - t0).count());
      extract_s.push_back(std::chrono::duration<double>(t2 - t1).count());
      claims = run_claims;
    }
    double mb = static_cast<double>(bytes) / 1e6;
    double base = Median(base_s), extract = Median(extract_s);
    std::printf("corpus: %zu reports from %zu example texts, %.1f MB, %zu claims per run\n",
                corpus.size(), sources.size(), mb, claims);
    std::printf("allocator: %s\n", AllocatorName().c_str());
    std::printf("  UTF-8 check + utf8proc NFC (baseline) %7.3f s  %8.1f MB/s (median of %d)\n", base,
                mb / base, opt.runs);
    std::printf("  read + extract claims                 %7.3f s  %8.1f MB/s (median of %d)\n", extract,
                mb / extract, opt.runs);
    std::printf("  ratio %.1fx the baseline's time (goal: >= 20 MB/s)\n", extract / base);
    std::printf("  of which: reading reports %.0f%%, sentences and tokens %.0f%% (one run)\n",
                100 * read_s / extract, 100 * tokens_s / extract);
    if (!opt.json.empty()) {
      std::ofstream out(opt.json);
      out << "{\"reports\": " << corpus.size() << ", \"megabytes\": " << mb
          << ", \"claims_per_run\": " << claims << ", \"runs\": " << opt.runs
          << ", \"baseline_s\": " << base << ", \"baseline_mb_s\": " << mb / base
          << ", \"extract_s\": " << extract << ", \"extract_mb_s\": " << mb / extract
          << ", \"ratio\": " << extract / base << ", \"allocator\": \"" << AllocatorName()
          << "\"}\n";
    }
    return checksum == 0 ? 1 : 0;
  } catch (const Error& e) {
    std::cerr << "extraction_speed: " << e.what() << "\n";
    return 1;
  }
}
