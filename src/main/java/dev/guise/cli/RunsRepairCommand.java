package dev.guise.cli;

import dev.guise.run.RunRepair;
import dev.guise.runlog.DeadRuns;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code guise runs repair RUN_ID}. */
@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    description = {
      "Undoes what an interrupted run left in the database: drops the temporary tables and"
          + " brings back the triggers its change manifest lists (newest first), clears its manifest rows, and marks its record 'interrupted'"
          + " if it still says running.",
      "",
      "Refused (exit 9) while the run is alive: its process on this host, or its run lock held in"
          + " the database. Its checkpoints stay, so it can still be resumed."
    },
    footer = {"%nExample:", "  guise runs repair 20261125T101500-1a2b3c"})
final class RunsRepairCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN_ID", description = "Run id (a unique prefix is enough).")
  String id;

  @Mixin RunsDirOption runs;

  RunsRepairCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    // found dead before the repair marks it: the audit log hears of it as any command would tell
    DeadRuns.audit(
        runs.store(env), new Workspace(env).audit(spec.commandLine().getErr()), "runs repair");
    List<String> done = new RunRepair(env::get).repair(runs.store(env), id);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      Workspace.printJson(Map.of("run_id", id, "done", done), out);
      return ExitCodes.OK;
    }
    done.forEach(out::println);
    out.flush();
    return ExitCodes.OK;
  }
}
