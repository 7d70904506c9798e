# The memory allocator the executables are linked with (docs/adr/0014-tcmalloc-allocator.md).
#
# ATTEST_ALLOCATOR=tcmalloc (the default) links gperftools' tcmalloc_minimal into
#   the attest executable, the test programs and the benchmarks: reading a report
#   makes some thirty short-lived allocations a claim, and tcmalloc's per-thread
#   caches serve them faster than glibc's malloc (docs/performance.md).
# ATTEST_ALLOCATOR=system keeps glibc's malloc. Sanitizer and fuzzing builds always
#   do: AddressSanitizer brings its own allocator.
#
# Every executable links the INTERFACE target attest_allocator, empty when the
# system allocator is used.
set(ATTEST_ALLOCATOR "tcmalloc" CACHE STRING "Memory allocator of the executables: tcmalloc or system")
set_property(CACHE ATTEST_ALLOCATOR PROPERTY STRINGS tcmalloc system)

add_library(attest_allocator INTERFACE)
if(ATTEST_SANITIZE OR ATTEST_FUZZ)
  message(STATUS "attest: allocator: system (sanitizer build)")
elseif(ATTEST_ALLOCATOR STREQUAL "tcmalloc")
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(TCMALLOC IMPORTED_TARGET libtcmalloc_minimal)
  if(TCMALLOC_FOUND)
    target_link_libraries(attest_allocator INTERFACE PkgConfig::TCMALLOC)
    message(STATUS "attest: allocator: tcmalloc_minimal ${TCMALLOC_VERSION}")
  else()
    message(WARNING "attest: libtcmalloc_minimal not found (Debian: libgoogle-perftools-dev); "
                    "linking the system allocator, with which extraction is slower")
  endif()
elseif(ATTEST_ALLOCATOR STREQUAL "system")
  message(STATUS "attest: allocator: system")
else()
  message(FATAL_ERROR "ATTEST_ALLOCATOR must be tcmalloc or system, not '${ATTEST_ALLOCATOR}'")
endif()
