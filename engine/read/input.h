// Reading an input (a file or stdin) whole, with the checks every reader needs:
// a size limit, and valid UTF-8 with the line of the first bad byte.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "engine/base/error.h"

namespace attest {

// Inputs larger than this are refused (InvalidInput) rather than read.
inline constexpr uint64_t kMaxInputBytes = uint64_t{4} << 30;  // 4 GiB

// Opens `path` for reading (nullptr for "-": read `in`). Throws NotFound when the
// file does not exist, InvalidInput when it is a folder or unreadable.
std::unique_ptr<std::istream> OpenInput(const std::string& path);

// The bytes of `path`, or of `in` when path is "-". Throws NotFound when the file
// does not exist, InvalidInput when it is too large or unreadable.
std::string ReadInput(const std::string& path, std::istream& in);

// Records an error at the line of the first invalid UTF-8 byte, if any. Returns
// true when the text is valid.
bool CheckUtf8(std::string_view content, const std::string& file, Diagnostics& diagnostics);

// The 1-based line holding byte `offset`.
int64_t LineAt(std::string_view content, size_t offset);

// The file name without folders and without its last extension: the default
// report id of a text file.
std::string Stem(const std::string& path);

// The last extension, lower-cased, without the dot ("" when none).
std::string Extension(const std::string& path);

}  // namespace attest
