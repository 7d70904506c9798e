# Sanitizer and fuzzing builds. Like the warnings, these flags live here only.
#
# ATTEST_SANITIZE=ON  builds every target (libraries, tests, the executable) with
#   AddressSanitizer and UndefinedBehaviorSanitizer; -fno-sanitize-recover=all
#   turns every report into an abort, so undefined behaviour fails the test that
#   ran into it instead of printing a line nobody reads.
# ATTEST_FUZZ=ON  (clang only) adds libFuzzer's coverage instrumentation to every
#   target and builds the fuzz targets of tests/fuzz/ (docs/fuzzing.md).
option(ATTEST_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(ATTEST_FUZZ "Build the libFuzzer targets of tests/fuzz (clang)" OFF)

set(ATTEST_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
                           -fno-omit-frame-pointer)

if(ATTEST_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ATTEST_FUZZ needs clang (libFuzzer); use the `fuzz` preset")
  endif()
  add_compile_options(${ATTEST_SANITIZER_FLAGS} -fsanitize=fuzzer-no-link)
  add_link_options(${ATTEST_SANITIZER_FLAGS})
  # Linked into the fuzz executables only: libFuzzer brings its own main().
  set(ATTEST_FUZZER_LINK_FLAGS -fsanitize=fuzzer)
elseif(ATTEST_SANITIZE)
  add_compile_options(${ATTEST_SANITIZER_FLAGS})
  add_link_options(${ATTEST_SANITIZER_FLAGS})
endif()
