// The attest executable: everything lives in attest_cli, so tests run the same
// command line in-process.
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) { return attest::RunCli(argc, argv, std::cin, std::cout, std::cerr); }
