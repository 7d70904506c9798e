#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/command_context.h"
#include "cli/command_result.h"
#include "cli/commands.h"
#include "engine/base/error.h"

namespace attest {

int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out,
           std::ostream& err) {
  CommandContext ctx(in, out, err);
  CLI::App app{"attest: attributed claims, reconciled into versioned incident records",
               "attest"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", ATTEST_VERSION);
  GlobalOptions& g = ctx.options();
  app.add_option("--db", g.db, "the database (else $ATTEST_DB, else attest.db)");
  app.add_option("--rules", g.rules, "the rules folder (else $ATTEST_RULES, else the installed rules)");
  app.add_option("--format", g.format, "output (or stdin input) format, where a command offers several");
  app.add_option("--now", g.now, "the clock, for reproducible runs: YYYY-MM-DD[THH:MM:SSZ]");
  app.add_flag("-q,--quiet", g.quiet, "print less");
  app.add_flag("-v,--verbose", g.verbose, "print more");

  CommandResult result;
  ctx.set_result(&result);
  RegisterExtractCommand(app, ctx);
  RegisterIngestCommand(app, ctx);
  RegisterClaimsCommand(app, ctx);
  RegisterIncidentsCommand(app, ctx);
  RegisterShowCommand(app, ctx);
  RegisterHistoryCommand(app, ctx);
  RegisterDiffCommand(app, ctx);
  RegisterVerifyCommand(app, ctx);
  RegisterExportCommand(app, ctx);
  RegisterBlameCommand(app, ctx);
  RegisterCompareCommand(app, ctx);
  RegisterReportCommand(app, ctx);
  RegisterReconcileCommand(app, ctx);
  RegisterSourcesCommand(app, ctx);
  RegisterSourceCommand(app, ctx);
  RegisterVerdictCommand(app, ctx);

  // After a failure, a writing command says what it left stored: each report is
  // stored in its own transaction, so the failing one is not, and those before
  // it in the same command are.
  auto tell_what_was_stored = [&] {
    if (result.stores && result.stored_reports.empty()) {
      err << "attest: nothing was stored\n";
    } else if (result.stores) {
      std::string stored;
      for (const auto& id : result.stored_reports) stored += (stored.empty() ? "" : ", ") + id;
      err << "attest: nothing of that report was stored; stored before it: " << stored << "\n";
    }
  };

  try {
    // CLI11 reports an unknown command as "a subcommand is required"; say what
    // was wrong instead. Global options taking a value are skipped with it.
    for (int i = 1; i < argc; ++i) {
      std::string_view arg = argv[i];
      if (arg == "--db" || arg == "--rules" || arg == "--format" || arg == "--now") {
        ++i;
        continue;
      }
      if (arg.empty() || arg[0] == '-') continue;
      std::string names;
      bool known = false;
      for (const CLI::App* sub : app.get_subcommands({})) {
        names += (names.empty() ? "" : ", ") + sub->get_name();
        known = known || sub->get_name() == arg;
      }
      if (!known) {
        err << "attest: unknown command '" << arg << "'; the commands are: " << names << "\n";
        return exit_code::kUsage;
      }
      break;
    }
    app.parse(argc, argv);
    // A result that could not be written (a full disk, a closed pipe) is a
    // failure, not a success with nothing to show.
    errno = 0;
    out.flush();
    if (!out) {
      int why = errno;
      err << "attest: cannot write the output" << (why ? std::string(": ") + std::strerror(why) : "")
          << (result.stores ? "; what the command stored is stored" : "") << "\n";
      return exit_code::kStorage;
    }
    return result.exit_code;
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return exit_code::kOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return exit_code::kOk;
  } catch (const CLI::CallForVersion&) {
    out << ATTEST_VERSION << "\n";
    return exit_code::kOk;
  } catch (const CLI::ParseError& e) {
    err << "attest: " << e.what() << "\n";
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::RequiredError) ||
        e.get_exit_code() == static_cast<int>(CLI::ExitCodes::ExtrasError)) {
      err << "Run `attest --help` or `attest <command> --help` for usage.\n";
    }
    return exit_code::kUsage;
  } catch (const InvalidInput& e) {
    err << e.what() << "\n";
    tell_what_was_stored();
    return exit_code::kInvalidInput;
  } catch (const NotFound& e) {
    err << "attest: " << e.what() << "\n";
    return exit_code::kNotFound;
  } catch (const Storage& e) {
    err << "attest: storage error: " << e.what() << "\n";
    tell_what_was_stored();
    return exit_code::kStorage;
  } catch (const Error& e) {
    err << "attest: internal error: " << e.what() << "\n";
    return exit_code::kInternal;
  } catch (const std::exception& e) {
    err << "attest: internal error: " << e.what()
        << "\nPlease report this with the command that caused it.\n";
    return exit_code::kInternal;
  }
}

}  // namespace attest
