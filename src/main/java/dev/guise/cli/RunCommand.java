package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.exec.RunOptions;
import dev.guise.run.RunRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code guise run}: one masking run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Masks a database in place with a ruleset.",
      "",
      "The ruleset is checked first (syntax, then every table, column, key and type against the live schema); if anything is wrong nothing is touched and the exit code is 3. Each batch commits on its own and the run record ($GUISE_HOME/runs/<id>/run.json) lists how far each task got. Ctrl-C finishes the batch in flight and stops (exit 6).",
      "",
      "The run secret seeds every masked value: the same secret, data and ruleset give the same result. Give it in GUISE_RUN_SECRET or --run-secret-file (never as an argument); without one, a secret is generated and shown once."
    },
    footer = {
      "%nExamples:",
      "  GUISE_RUN_SECRET=\"$(cat secret.txt)\" guise run ruleset.yml -c staging",
      "  guise run ruleset.yml -c staging --dry-run --max-rows 1000",
      "  guise run ruleset.yml -c staging --run-secret-file secret.txt --workers 4 --format json",
      ExitCodes.HELP
    })
final class RunCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connections;

  @Mixin RulesetOptions ruleset;

  @Option(
      names = {"-c", "--connection"},
      required = true,
      paramLabel = "NAME",
      description = "Connection name in the connections file.")
  String connection;

  @Option(names = "--name", description = "A name for this run, shown in 'guise runs list'.")
  String name;

  @Option(
      names = "--dry-run",
      description = "Validate, read and mask everything, write nothing; show a sample.")
  boolean dryRun;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "50000",
      description = "Rows per batch (each batch commits on its own). Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description = "Mask at most N rows per mask_table task.")
  long maxRows;

  @Option(
      names = "--continue-on-failure",
      description = "Keep running independent tasks after one fails (the run still ends failed).")
  boolean continueOnFailure;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "2",
      description = "Tasks of a parallel block run at once. Default: ${DEFAULT-VALUE}.")
  int workers;

  @Option(
      names = "--disable-instance-secret",
      description =
          "Derive values from the run secret alone, so other installations reproduce them.")
  boolean disableInstanceSecret;

  @Option(
      names = "--run-secret-file",
      paramLabel = "FILE",
      description = "Read the run secret (at least 20 characters) from FILE.")
  Path runSecretFile;

  @Mixin RunsDirOption runs;

  @Option(
      names = "--sample-rows",
      paramLabel = "N",
      defaultValue = "5",
      description = "Before/after rows shown per table. Default: ${DEFAULT-VALUE}.")
  int sampleRows;

  @Option(
      names = "--show-originals",
      description =
          "Show original values in the before/after sample (they are redacted otherwise).")
  boolean showOriginals;

  @Option(names = "--strict", description = "Exit 7 when the run finished with warnings.")
  boolean strict;

  RunCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (batchSize < 1 || workers < 1 || maxRows < 0 || sampleRows < 0) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "--batch-size and --workers must be at least 1, --max-rows and --sample-rows not negative");
    }
    RunOptions options =
        new RunOptions(
            name,
            dryRun,
            batchSize,
            maxRows,
            continueOnFailure,
            workers,
            sampleRows,
            showOriginals);
    Workspace ws = new Workspace(env);
    RunRequest req =
        new RunRequest(
            ws.ruleset(ruleset),
            ws.connectionsFile(connections),
            connection,
            options,
            runSecretFile == null ? null : env.workingDir().resolve(runSecretFile),
            disableInstanceSecret,
            runs.store(env).dir());
    return new RunAction(env, common, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(req, strict);
  }
}
