# The only place compiler flags live. attest_set_warnings(target) applies the
# project's warning set; warnings are errors in CI (ATTEST_WERROR=ON).
option(ATTEST_WERROR "Treat warnings as errors" OFF)

function(attest_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Wunused -Woverloaded-virtual
    -Wimplicit-fallthrough -Wno-missing-field-initializers)
  if(ATTEST_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
