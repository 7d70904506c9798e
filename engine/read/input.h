// Reading an input (a file or stdin) whole, with the checks every reader needs:
// size limits, and valid UTF-8 without NUL bytes, with the line of the first bad
// byte.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/error.h"
#include "engine/text/utf8.h"

namespace attest {

// Inputs larger than this are refused (InvalidInput) rather than read.
inline constexpr uint64_t kMaxInputBytes = uint64_t{4} << 30;  // 4 GiB

// One line of structured claims, or one record of a claim table, holds one claim:
// longer ones are refused (a diagnostic naming the line) before they are parsed.
inline constexpr size_t kMaxRecordBytes = size_t{1} << 20;  // 1 MiB

// A text report is an article: longer texts are refused before extraction, which
// keeps every claim of a report in memory at once.
inline constexpr size_t kMaxTextReportBytes = size_t{8} << 20;  // 8 MiB

// Opens `path` for reading (nullptr for "-": read `in`). Throws NotFound when the
// file does not exist, InvalidInput when it is a folder or unreadable.
std::unique_ptr<std::istream> OpenInput(const std::string& path);

// The bytes of `path`, or of `in` when path is "-". Throws NotFound when the file
// does not exist, InvalidInput when it is too large or unreadable.
std::string ReadInput(const std::string& path, std::istream& in);

// Records an error at the line of the first invalid UTF-8 byte or NUL byte, if
// any (a NUL is most often a sign of a binary or UTF-16 file). Returns true when
// the text is valid. With `nfc_inert`, also whether the text is its own NFC
// (FindInvalidUtf8), learnt in the same pass.
bool CheckUtf8(std::string_view content, const std::string& file, Diagnostics& diagnostics,
               bool* nfc_inert = nullptr);

// "1.5 MiB", "812 bytes": a size as a message gives it.
std::string ByteSize(uint64_t bytes);

// The 1-based line holding byte `offset`.
int64_t LineAt(std::string_view content, size_t offset);

// The file name without folders and without its last extension: the default
// report id of a text file.
std::string Stem(const std::string& path);

// The last extension, lower-cased, without the dot ("" when none).
std::string Extension(const std::string& path);

}  // namespace attest
