// Every command of `attest`, one register function per verb, one file each
// (cli/cmd_<verb>.cc). No self-registration: this list is the command line.
#pragma once

namespace CLI {
class App;
}

namespace attest {

class CommandContext;

void RegisterExtractCommand(CLI::App& app, CommandContext& ctx);
void RegisterIngestCommand(CLI::App& app, CommandContext& ctx);
void RegisterClaimsCommand(CLI::App& app, CommandContext& ctx);
void RegisterIncidentsCommand(CLI::App& app, CommandContext& ctx);
void RegisterShowCommand(CLI::App& app, CommandContext& ctx);
void RegisterHistoryCommand(CLI::App& app, CommandContext& ctx);
void RegisterDiffCommand(CLI::App& app, CommandContext& ctx);
void RegisterVerifyCommand(CLI::App& app, CommandContext& ctx);
void RegisterExportCommand(CLI::App& app, CommandContext& ctx);
void RegisterBlameCommand(CLI::App& app, CommandContext& ctx);
void RegisterCompareCommand(CLI::App& app, CommandContext& ctx);
void RegisterReportCommand(CLI::App& app, CommandContext& ctx);
void RegisterReconcileCommand(CLI::App& app, CommandContext& ctx);
void RegisterSourcesCommand(CLI::App& app, CommandContext& ctx);
void RegisterSourceCommand(CLI::App& app, CommandContext& ctx);
void RegisterVerdictCommand(CLI::App& app, CommandContext& ctx);

}  // namespace attest
