package dev.guise.cli;

import dev.guise.runlog.RunStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --runs-dir}: where run records are written and read. */
public final class RunsDirOption {
  @Option(
      names = "--runs-dir",
      paramLabel = "DIR",
      description = "Folder of run records. Default: $GUISE_HOME/runs.")
  Path runsDir;

  /** The run store this option (or the default under $GUISE_HOME) names. */
  RunStore store(CliEnvironment env) {
    return new RunStore(
        runsDir != null ? env.workingDir().resolve(runsDir) : env.guiseHome().resolve("runs"));
  }
}
