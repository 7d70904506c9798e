// The attest executable: everything lives in attest_cli, so tests run the same
// command line in-process.
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) {
  // attest never mixes C stdio with iostreams: unsynced streams read stdin in
  // large blocks (claim tables of millions of rows arrive through pipes).
  std::ios::sync_with_stdio(false);
  return attest::RunCli(argc, argv, std::cin, std::cout, std::cerr);
}
