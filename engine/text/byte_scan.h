// Byte scans: where the next byte of a small set is in a piece of text, for the
// scanners that look for a few marks in long runs of other text (the sentence
// splitter looks for . ! ? and the first bytes of … « » “ ” „). Sixteen bytes are
// compared at a time where the processor has SSE2 (every x86-64 one), the last
// ones of a range too (in a block read within the text), one at a time elsewhere
// and in texts shorter than 16 bytes.
#pragma once

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace attest {

// The offset of the first byte of text[from, to) that is `a`, `b`, `c` or `d`
// (repeat one to look for fewer), or `to` when there is none. Requires
// from <= to <= text.size().
inline size_t FindAnyOf4(std::string_view text, size_t from, size_t to, char a, char b, char c,
                         char d) {
  const char* p = text.data();
  size_t i = from;
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a);
  const __m128i vb = _mm_set1_epi8(b);
  const __m128i vc = _mm_set1_epi8(c);
  const __m128i vd = _mm_set1_epi8(d);
  auto hits = [&](size_t at) {  // a bit for each of the 16 bytes from `at`
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  for (; i + 16 <= to; i += 16) {
    if (unsigned mask = hits(i); mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  // The last bytes, fewer than 16: one more block read within the text (ending at
  // its end when need be), its bits outside [i, to) dropped.
  if (i < to && text.size() >= 16) {
    const size_t at = i + 16 <= text.size() ? i : text.size() - 16;
    const unsigned mask = (hits(at) >> (i - at)) & ((1u << (to - i)) - 1);
    return mask != 0 ? i + static_cast<size_t>(__builtin_ctz(mask)) : to;
  }
#endif
  for (; i < to; ++i) {
    char x = p[i];
    if (x == a || x == b || x == c || x == d) return i;
  }
  return to;
}

}  // namespace attest
