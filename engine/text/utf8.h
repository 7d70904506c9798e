// UTF-8 text handling, on top of utf8proc: validation (so that invalid input is
// refused with the offset of the first bad byte), NFC normalisation (so that "é"
// typed two ways is one string), and folding for matching names across spellings
// (case, accents, typographic apostrophes and spaces).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attest {

// The byte offset of the first byte that does not start or continue a valid UTF-8
// sequence, or nullopt when the whole text is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view text);
// The same, telling also whether every code point of the text is NFC-inert
// (IsNfcInert below): a valid text that is, is its own NFC, so that a reader that
// checks a text before normalising it need not read its bytes twice.
std::optional<size_t> FindInvalidUtf8(std::string_view text, bool& nfc_inert);

// What makes `text` unreadable as text: a UTF-16 byte-order mark (when `text`
// starts the input), a NUL byte (a binary or UTF-16 file), or the first invalid
// UTF-8 byte; its offset and the message a diagnostic gives. nullopt when the
// text is fine.
struct TextProblem {
  size_t offset;
  std::string message;
};
// With `nfc_inert`, also whether the text is its own NFC (FindInvalidUtf8).
std::optional<TextProblem> FindTextProblem(std::string_view text, bool starts_input = true,
                                           bool* nfc_inert = nullptr);

// True when the text holds only ASCII bytes (the fast path: nothing to normalise).
bool IsAscii(std::string_view text);

// Unicode NFC. Requires valid UTF-8 (throws InvalidInput otherwise).
std::string NormalizeNfc(std::string_view text);

// Whether NFC leaves code point `c` alone wherever it stands (next to any other
// such code point): a text made of these only is its own NFC, and NormalizeNfc
// copies it without asking utf8proc. ASCII, Latin-1, Latin Extended, typographic
// punctuation and currency signs are.
bool IsNfcInert(char32_t c);

// Lower-case, accents removed (NFKD without combining marks), typographic
// apostrophes and quotes made plain, every run of non-alphanumeric characters made
// one space, trimmed: "L’Armée  malienne" → "l armee malienne". Used to compare
// names, never to store them.
std::string FoldForMatch(std::string_view text);

// Lower-case only (Unicode-aware), keeping accents and punctuation.
std::string LowerCase(std::string_view text);

// Number of code points.
size_t CodePointCount(std::string_view text);

}  // namespace attest
