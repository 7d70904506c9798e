#include "tests/support/golden.h"

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cli/app.h"
#include "tests/support/temp_dir.h"

namespace attest::testing {

namespace {

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

// Lines kept between commands: comments and blank lines, replayed on rewrite.
struct Preamble {
  std::vector<std::string> lines;
};

}  // namespace

std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

std::vector<GoldenStep> ParseGolden(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<GoldenStep> steps;
  std::string line;
  int line_no = 0;
  bool open = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!open) {
      if (line.rfind("$ ", 0) == 0) {
        GoldenStep step;
        step.command = line.substr(2);
        step.line = line_no;
        steps.push_back(step);
        open = true;
      } else if (!line.empty() && line[0] != ';') {
        throw std::runtime_error(path + ":" + std::to_string(line_no) +
                                 ": expected '$ command', a '; comment' or a blank line");
      }
      continue;
    }
    if (line.rfind("? ", 0) == 0) {
      steps.back().expected_exit = std::stoi(line.substr(2));
      open = false;
    } else if (line.rfind("! ", 0) == 0 || line == "!") {
      steps.back().expected_err += (line.size() > 2 ? line.substr(2) : "") + "\n";
    } else {
      steps.back().expected_out += line + "\n";
    }
  }
  if (open) throw std::runtime_error(path + ": the last command has no '? <exit code>' line");
  return steps;
}

void RunGolden(std::vector<GoldenStep>& steps, const std::string& rules_dir) {
  TempDir tmp;
  std::string db = tmp.File("attest.db");
  for (auto& step : steps) {
    std::string command = step.command;
    ReplaceAll(command, "{examples}", ATTEST_EXAMPLES_DIR);
    ReplaceAll(command, "{shared}", ATTEST_SHARED_DIR);
    ReplaceAll(command, "{data}", ATTEST_TEST_DATA_DIR);
    ReplaceAll(command, "{rules}", rules_dir);
    ReplaceAll(command, "{tmp}", tmp.path().string());
    std::vector<std::string> words = SplitWords(command);
    // "sql <statement>" tampers with the store behind the program's back.
    if (!words.empty() && words[0] == "sql") {
      SQLite::Database raw(db, SQLite::OPEN_READWRITE);
      raw.exec(command.substr(4));
      step.actual_exit = 0;
      continue;
    }
    std::string stdin_text;
    if (words.size() >= 2 && words[words.size() - 2] == "<") {
      std::ifstream f(words.back());
      std::stringstream s;
      s << f.rdbuf();
      stdin_text = s.str();
      words.resize(words.size() - 2);
    }
    std::vector<std::string> args = {"attest", "--db", db, "--rules", rules_dir};
    args.insert(args.end(), words.begin(), words.end());
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::istringstream cin(stdin_text);
    std::ostringstream cout, cerr;
    step.actual_exit = RunCli(static_cast<int>(argv.size()), argv.data(), cin, cout, cerr);
    step.actual_out = cout.str();
    step.actual_err = cerr.str();
    for (std::string* text : {&step.actual_out, &step.actual_err}) {
      ReplaceAll(*text, ATTEST_TEST_DATA_DIR, "{data}");
    }
    ReplaceAll(step.actual_out, tmp.path().string(), "{tmp}");
    ReplaceAll(step.actual_err, tmp.path().string(), "{tmp}");
    ReplaceAll(step.actual_out, ATTEST_EXAMPLES_DIR, "{examples}");
    ReplaceAll(step.actual_err, ATTEST_EXAMPLES_DIR, "{examples}");
    ReplaceAll(step.actual_out, ATTEST_SHARED_DIR, "{shared}");
    ReplaceAll(step.actual_err, ATTEST_SHARED_DIR, "{shared}");
  }
}

void WriteGolden(const std::string& path, const std::vector<GoldenStep>& steps) {
  // Keep the comments that precede each command.
  std::ifstream in(path);
  std::vector<std::vector<std::string>> preambles(steps.size() + 1);
  std::string line;
  size_t index = 0;
  bool open = false;
  while (std::getline(in, line)) {
    if (!open) {
      if (line.rfind("$ ", 0) == 0) {
        open = true;
      } else {
        preambles[index].push_back(line);
      }
    } else if (line.rfind("? ", 0) == 0) {
      open = false;
      ++index;
    }
  }
  std::ofstream out(path);
  for (size_t i = 0; i < steps.size(); ++i) {
    for (const auto& p : preambles[i]) out << p << "\n";
    out << "$ " << steps[i].command << "\n" << steps[i].actual_out;
    std::istringstream err(steps[i].actual_err);
    while (std::getline(err, line)) out << "! " << line << "\n";
    out << "? " << steps[i].actual_exit << "\n";
  }
  for (const auto& p : preambles[steps.size()]) out << p << "\n";
}

}  // namespace attest::testing
