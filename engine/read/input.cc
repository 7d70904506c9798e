#include "engine/read/input.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "engine/text/utf8.h"

namespace attest {

namespace fs = std::filesystem;

std::unique_ptr<std::istream> OpenInput(const std::string& path) {
  if (path == "-") return nullptr;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw NotFound(fmt::format("{}: no such file", path));
  if (fs::is_directory(path, ec)) {
    throw InvalidInput(fmt::format("{}: is a folder; give the report files inside it", path));
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) throw InvalidInput(fmt::format("{}: cannot be read; check its permissions", path));
  return file;
}

std::string ReadInput(const std::string& path, std::istream& in) {
  std::string content;
  if (path == "-") {
    constexpr size_t kBlock = size_t{1} << 20;
    std::streambuf* buffer = in.rdbuf();
    while (true) {
      size_t have = content.size();
      content.resize(have + kBlock);
      auto got = buffer->sgetn(content.data() + have, static_cast<std::streamsize>(kBlock));
      content.resize(have + static_cast<size_t>(got));
      if (got <= 0) break;
      if (content.size() > kMaxInputBytes) {
        throw InvalidInput(fmt::format("-: input larger than {} GiB; split it into several reports",
                                       kMaxInputBytes >> 30));
      }
    }
    return content;
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) throw NotFound(fmt::format("{}: no such file", path));
  if (fs::is_directory(path, ec)) {
    throw InvalidInput(fmt::format("{}: is a folder; give the report files inside it", path));
  }
  auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxInputBytes) {
    throw InvalidInput(fmt::format("{}: file larger than {} GiB; split it into several reports",
                                   path, kMaxInputBytes >> 30));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InvalidInput(fmt::format("{}: cannot be read; check its permissions", path));
  if (!ec) {
    content.resize(size);
    file.read(content.data(), static_cast<std::streamsize>(size));
    content.resize(static_cast<size_t>(file.gcount()));
    if (file.gcount() == static_cast<std::streamsize>(size)) {
      // A file that grew while being read: take the rest too.
      char buffer[1 << 16];
      while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
        content.append(buffer, static_cast<size_t>(file.gcount()));
      }
    }
    return content;
  }
  content.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  return content;
}

int64_t LineAt(std::string_view content, size_t offset) {
  offset = std::min(offset, content.size());
  return 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(offset),
                        '\n');
}

bool CheckUtf8(std::string_view content, const std::string& file, Diagnostics& diagnostics,
               bool* nfc_inert) {
  auto problem = FindTextProblem(content, true, nfc_inert);
  if (!problem) return true;
  diagnostics.Error(file, LineAt(content, problem->offset), "", problem->message);
  return false;
}

std::string ByteSize(uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < (uint64_t{1} << 20)) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
  if (bytes < (uint64_t{1} << 30)) {
    return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
  }
  return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / (1 << 30));
}

std::string Stem(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).stem().string();
}

std::string Extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace attest
