// Byte scans: where the next byte of a small set is in a piece of text, for the
// scanners that look for a few marks in long runs of other text (the sentence
// splitter looks for . ! ? and the first bytes of … « » “ ” „). Sixteen bytes are
// compared at a time where the processor has SSE2 (every x86-64 one), one at a
// time elsewhere and for the last bytes of a text.
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
  for (; i + 16 <= to; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
    if (int mask = _mm_movemask_epi8(hit); mask != 0) {
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  for (; i < to; ++i) {
    char x = p[i];
    if (x == a || x == b || x == c || x == d) return i;
  }
  return to;
}

}  // namespace attest
