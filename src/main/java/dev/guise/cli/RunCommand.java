package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionsFile;
import dev.guise.exec.OnValueError;
import dev.guise.exec.RunOptions;
import dev.guise.exec.Shard;
import dev.guise.exec.TargetMode;
import dev.guise.run.RunRequest;
import dev.guise.run.TokenOptions;
import dev.guise.runlog.RunStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise run}: one masking run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Masks a database in place with a ruleset, or (--source/--target) copies it masked into another database, or a folder of files into another.",
      "",
      "The ruleset is checked first (syntax, then every table, column, key and type against the live schema); if anything is wrong nothing is touched and the exit code is 3. Each batch commits on its own and the run record ($GUISE_HOME/runs/<id>/run.json) lists how far each task got. Ctrl-C finishes the batch in flight and stops (exit 6).",
      "",
      "A run locks every table it writes (in the database, for the whole run): a second run on one of them is refused (exit 9) naming the run that holds it, its host and start time, or waits for it with --wait. A dry run takes no lock.",
      "",
      "Each batch's checkpoint is committed with the batch in Guise's progress table in the target database (schema 'guise', or the connection's guise_schema), so an interrupted, failed or cancelled run continues exactly where it stopped with --resume RUN_ID. A table a finished run masked is refused (exit 3) unless --remask.",
      "",
      "With --source PROD --target STAGING the source is only read (opened read-only) and each mask_table's rows are written, masked, into the same table of the target; copy_table tasks copy tables unmasked. The target's tables must exist (e.g. pg_dump --schema-only, see docs/source-target.md) and be empty unless --target-mode truncate or append. The progress table and locks live in the target, so --resume works as in place; the masked values equal an in-place run's with the same secret. A file run (--source and --target folders) resumes from the files it finished: they are kept, the rest masked.",
      "",
      "The run secret seeds every masked value: the same secret, data and ruleset give the same result. Give it in GUISE_RUN_SECRET or --run-secret-file (never as an argument); without one, a secret is generated and shown once."
    },
    footer = {
      "%nExamples:",
      "  GUISE_RUN_SECRET=\"$(cat secret.txt)\" guise run ruleset.yml -c staging",
      "  guise run ruleset.yml -c staging --dry-run --max-rows 1000",
      "  guise run ruleset.yml -c staging --run-secret-file secret.txt --workers 4 --format json",
      "  guise run --resume 20240501-101500-ab12 --run-secret-file secret.txt",
      "  guise run ruleset.yml --source prod --target staging --target-mode truncate",
      "  guise run ruleset.yml -c staging --remask     # mask again a table a finished run masked",
      "  guise run ruleset.yml -c staging --wait --wait-timeout 600   # queue behind a running run",
      "  guise run files.yml --source exports --target masked_exports  # CSV/JSON/XML files, see docs/files.md",
      ExitCodes.HELP
    })
final class RunCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connections;
  @Mixin RunBatchOptions batch;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RULESET",
      description = "The ruleset YAML file (with --resume: taken from the run's record).")
  Path rulesetFile;

  @Option(
      names = "--seeds-dir",
      paramLabel = "DIR",
      description = "Folder of user seed files (CSV with a header), searched before the built-ins.")
  Path seedsDir;

  @Option(names = "--libraries", paramLabel = "DIR", description = RulesetOptions.LIBRARIES_HELP)
  Path librariesDir;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "NAME",
      description =
          "Connection name in the connections file, masked in place (required unless --source;"
              + " with --resume: from the record).")
  String connection;

  @Mixin TransferOptions transfer;

  @Option(
      names = "--resume",
      paramLabel = "RUN_ID",
      description =
          "Continue an interrupted, failed or cancelled run from its checkpoints in the database,"
              + " with its ruleset, connection and options; needs the same run secret.")
  String resume;

  @Option(
      names = "--force",
      description =
          "With --resume: continue even though the ruleset, its seed files or the masks changed.")
  boolean force;

  @Option(
      names = "--remask",
      description = "Mask tables again that a finished run already masked (refused otherwise).")
  boolean remask;

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
  @Mixin KeysOption keys;

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

  @Option(
      names = "--on-value-error",
      paramLabel = "fail|skip|null",
      defaultValue = "fail",
      description =
          "What a value the masks cannot mask (an unparseable date, text a typecast refuses)"
              + " does: fail the task at the first one, naming table.column, rule and row key"
              + " (default); skip: leave it as it was; null: write NULL. skip and null go on and"
              + " end the run finished_with_warnings with a count per column and the first rows'"
              + " keys (never a value). Refused before anything is written where harmful: skip"
              + " with unique masks, null on NOT NULL and key columns. Delphix: failImmediately.")
  OnValueError onValueError;

  @Option(
      names = "--progress-every",
      paramLabel = "N",
      description =
          "A progress line (rows done of the table, rows/s) in the run log and on stderr every N"
              + " rows of a table task. Default: one line per batch in the log only. Delphix:"
              + " feedbackSize.")
  long progressEvery;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description =
          "A note kept in the run record and shown by 'guise runs show' (Delphix: jobDescription)."
              + " Do not put secrets or data in it.")
  String description;

  @Option(names = "--strict", description = "Exit 7 when the run finished with warnings.")
  boolean strict;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Mask only shard I of N: the I-th of N key ranges of every mask_table (cut the same way"
              + " in every shard), so N machines or cron jobs mask one database together and the"
              + " result equals one run's. run_sql, truncate_table, build_temp_table, discovery"
              + " and tables masked whole (secure_shuffle, --max-rows) run in shard 1; key"
              + " masking is refused. Every shard must use the same ruleset and N. See"
              + " docs/performance.md.")
  String shard;

  private Path secretFile() {
    return runSecretFile == null ? null : env.workingDir().resolve(runSecretFile);
  }

  /** The request of the run being resumed, read back from its record. */
  private RunRequest resumeRequest() {
    if (rulesetFile != null || connection != null || transfer.given() || batch.dryRun) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "--resume - takes the ruleset, connection and options from the run's record; give"
              + " only the run id (and --run-secret-file, --force)");
    }
    RunStore store = runs.store(env);
    com.fasterxml.jackson.databind.JsonNode rec = store.show(resume);
    resumesFiles = "file".equals(rec.path("mask_type").asText());
    return ResumeRequest.of(
        store, rec, secretFile(), force, sampleRows, showOriginals, keys.file(env));
  }

  /** Whether the run being resumed masked files (set by {@link #resumeRequest}). */
  private boolean resumesFiles;

  RunCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (!common.quiet) {
      RunsCommand.warnDead(runs.store(env), spec.commandLine().getErr(), env, "run");
    }
    if (resume != null) {
      RunAction action =
          new RunAction(env, common, spec.commandLine().getOut(), spec.commandLine().getErr());
      RunRequest again = resumeRequest().withWait(batch.waitFor());
      if (resumesFiles) {
        // a file run goes on from the files it finished (its run log lists them)
        return action.runFiles(again, again.target(), "truncate", strict);
      }
      return action.run(again, strict);
    }
    TargetMode mode = transfer.mode(connection);
    String source = transfer.source;
    String target = transfer.target;
    if (rulesetFile == null || (connection == null && source == null)) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "run - a RULESET and -c NAME (or --source and --target) are required (or --resume"
              + " RUN_ID)");
    }
    Shard sharded = null;
    if (shard != null) {
      sharded = Shard.parse(shard);
      if (sharded == null) {
        throw new GuiseException(
            ErrorCode.USAGE,
            "--shard - '"
                + shard
                + "' is not I/N with 1 <= I <= N and N >= 2 (e.g. --shard 1/4 on the first of"
                + " four machines)");
      }
      if (source != null) {
        throw new GuiseException(
            ErrorCode.USAGE,
            "--shard - masks in place only; a --source/--target run cannot be sharded (run it"
                + " with --workers N instead)");
      }
    }
    RunOptions options =
        batch
            .options(sampleRows, showOriginals, progressEvery)
            .withReporting(onValueError, progressEvery, description)
            .withTargetMode(mode)
            .withShard(sharded);
    Workspace ws = new Workspace(env);
    RulesetOptions ruleset = new RulesetOptions();
    ruleset.ruleset = rulesetFile;
    ruleset.seedsDir = seedsDir;
    ruleset.librariesDir = librariesDir;
    RunRequest req =
        new RunRequest(
            ws.ruleset(ruleset),
            ws.connectionsFile(connections),
            source != null ? source : connection,
            options,
            secretFile(),
            disableInstanceSecret,
            runs.store(env).dir(),
            null,
            false,
            remask,
            batch.waitFor(),
            target,
            new TokenOptions(keys.file(env), false));
    RunAction action =
        new RunAction(env, common, spec.commandLine().getOut(), spec.commandLine().getErr());
    if (source != null && isFolder(req.connectionsFile(), source)) {
      return action.runFiles(req, target, mode.option(), strict);
    }
    return action.run(req, strict);
  }

  /** Whether the connections file names {@code name} as a folder ({@code type: file}). */
  private boolean isFolder(Path connectionsFile, String name) {
    return ConnectionsFile.load(connectionsFile, env.env()::get, "").files().containsKey(name);
  }
}
