package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionsFile;
import dev.guise.db.DriverLog;
import dev.guise.exec.Cancellation;
import dev.guise.plan.RulesetLoader;
import dev.guise.ruleset.Ruleset;
import dev.guise.runlog.AuditLog;
import dev.guise.runlog.CancelRequest;
import dev.guise.runlog.RunLog;
import dev.guise.runlog.RunStore;
import dev.guise.secret.InstanceSecret;
import dev.guise.secret.RunKey;
import dev.guise.secret.RunSecret;
import dev.guise.secret.TokenKeys;
import dev.guise.secret.TokenRing;
import dev.guise.yaml.Diagnostic;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The commands' entry to Guise: runs (a database in place or source → target, and folders of files)
 * parse, connect, plan and execute here; validate and plan are {@link RunChecks}, and what they all
 * read first is {@link RunInputs}. Every user mistake comes back as diagnostics before any database
 * is touched; nothing is printed.
 */
public final class RunService {
  private final Function<String, String> environment;
  private final Clock clock;
  private final Path guiseHome;
  private final RunAuditing audit;
  private final RunInputs inputs;
  private final RunChecks checks;

  /**
   * @param environment environment variables: connection file substitutions and {@code
   *     GUISE_RUN_SECRET}
   * @param guiseHome where the instance secret lives
   */
  public RunService(Function<String, String> environment, Clock clock, Path guiseHome) {
    this(environment, clock, guiseHome, null);
  }

  private RunService(
      Function<String, String> environment, Clock clock, Path guiseHome, AuditLog audit) {
    this.environment = environment;
    this.clock = clock;
    this.guiseHome = guiseHome;
    this.audit = new RunAuditing(audit);
    this.inputs = new RunInputs(environment, guiseHome);
    this.checks = new RunChecks(inputs);
  }

  /** This service, also writing its runs and validations to the audit log. */
  public RunService audited(AuditLog log) {
    return new RunService(environment, clock, guiseHome, log);
  }

  /** The ruleset's problems and, with a connection, those against its live schema (read-only). */
  public CheckResult validate(CheckRequest request) {
    CheckResult checked = checks.check(request);
    audit.validated(request, checked);
    return checked;
  }

  /**
   * The task graph: with a connection, resolved against its live schema (read-only). Unlike {@link
   * #validate}, an unreadable ruleset stops before the connections file is read.
   */
  public CheckResult plan(CheckRequest request) {
    return checks.plan(request);
  }

  /**
   * The named connection from {@code file}, adding the file's problems (and an unknown name) to
   * {@code problems}; null when any of them is an error.
   */
  public ConnectionConfig connection(Path file, String name, List<Diagnostic> problems) {
    return inputs.connection(file, name, problems);
  }

  /**
   * The request with its shard's set named by the ruleset's digest (shards of one set share it).
   */
  private static RunRequest shardSet(RunRequest req, RulesetLoader.Result parsed) {
    if (req.options().shard() == null || parsed.ruleset() == null) {
      return req;
    }
    return req.withOptions(
        req.options().withShard(req.options().shard().ofRuleset(parsed.ruleset().sha256())));
  }

  /**
   * One masking run: checks everything, creates the run record, plans against the live schema and
   * executes. Errors found before execution end it with {@link RunResult#invalid()}; a connection
   * that cannot be opened is recorded and thrown.
   *
   * @param cancellation stops the run between batches when cancelled (Ctrl-C, an API caller)
   */
  public RunResult run(RunRequest request, Cancellation cancellation, RunObserver observer) {
    List<Diagnostic> problems = new ArrayList<>();
    RulesetLoader.Result full = inputs.parse(request.ruleset());
    RunRequest req = shardSet(request, full);
    problems.addAll(full.diagnostics());
    problems.addAll(ResumeCheck.notALibrary(full.ruleset()));
    Reidentification reid =
        req.tokens().reidentify() && full.ruleset() != null ? Reidentification.of(full) : null;
    if (reid != null) {
      problems.addAll(reid.errors());
    }
    RulesetLoader.Result parsed = reid != null ? reid.parsed() : full;
    TokenRing tokens =
        RunTokens.resolve(parsed, tokenKeys(req), req.tokens().reidentify(), problems);
    problems.addAll(FileRun.taskMix(parsed.ruleset(), false));
    ConnectionConfig conn = inputs.connection(req.connectionsFile(), req.connection(), problems);
    ConnectionConfig target =
        req.transfers()
            ? inputs.transferTarget(req.connectionsFile(), req.target(), conn, problems)
            : null;
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      audit.rejected(req, parsed.ruleset());
      return new RunResult(problems, null, null, null);
    }
    Ruleset ruleset = parsed.ruleset();
    RunSecret secret = inputs.runSecret(req);
    String seeds = RunFingerprints.seeds(req.ruleset().seedsDir());
    JsonNode resumed =
        req.resumeFrom() == null ? null : new RunStore(req.runsDir()).show(req.resumeFrom());
    if (resumed != null) {
      problems.addAll(
          ResumeCheck.check(resumed, ruleset.sha256(), seeds, secret.fingerprint(), req.force()));
      problems.addAll(ResumeCheck.libraries(resumed, ruleset.libraries(), req.force()));
      if (problems.stream().anyMatch(Diagnostic::isError)) {
        return new RunResult(problems, null, null, null);
      }
    }
    byte[] instance = req.disableInstanceSecret() ? null : InstanceSecret.loadOrCreate(guiseHome);
    RunKey key = RunKey.derive(instance, secret.reveal()).withTokens(tokens);

    return RecordedRun.start(
        req,
        ruleset,
        seeds,
        RecordHeaders.connection(conn, req.connectionsFile()),
        RecordHeaders.options(
            req,
            secret,
            resumed,
            instance == null ? null : InstanceSecret.fingerprint(instance),
            tokens),
        secret,
        resumed == null ? null : resumed.path("id").asText(),
        clock,
        observer,
        audit,
        (recorder, dir, o) -> {
          // the drivers' and the pool's own warnings belong to this run's log, redacted
          try (DriverLog.Subscription driverLines =
                  DriverLog.listen(
                      l ->
                          recorder.log(
                              RunLog.WARNING,
                              l.logger() + ": " + l.message(),
                              Map.of("logger", l.logger(), "level", l.level())));
              // 'guise runs cancel' from another process stops the run as Ctrl-C does
              CancelRequest.Watch remoteCancel =
                  RecordedRun.remoteCancel(recorder, dir, cancellation)) {
            return new RunExecution(clock)
                .execute(
                    req,
                    parsed,
                    conn,
                    target,
                    secret,
                    key,
                    recorder,
                    problems,
                    cancellation,
                    o,
                    resumed);
          }
        });
  }

  /**
   * A file run: {@code req.connection()} names the source folder and {@code target} the folder the
   * masked files go to (both {@code type: file} connections). Every problem (tasks that are not
   * file tasks, folders missing or overlapping, a target holding files) comes back before anything
   * is written, as {@link RunResult#invalid()}.
   *
   * @param targetMode {@code fail-if-not-empty} or {@code truncate} (replace files of the same
   *     name)
   */
  public RunResult runFiles(
      RunRequest req,
      String target,
      String targetMode,
      Cancellation cancellation,
      RunObserver observer) {
    List<Diagnostic> problems = new ArrayList<>();
    RulesetLoader.Result parsed = inputs.parse(req.ruleset());
    problems.addAll(parsed.diagnostics());
    problems.addAll(ResumeCheck.notALibrary(parsed.ruleset()));
    problems.addAll(FileRun.taskMix(parsed.ruleset(), true));
    // a file left unmasked would land in the target folder as it is
    problems.addAll(ValueErrorCheck.sourceToTarget(req.options().onValueError()));
    JsonNode resumed =
        req.resumeFrom() == null ? null : new RunStore(req.runsDir()).show(req.resumeFrom());
    if (resumed != null) {
      FileResume.check(resumed, problems);
    }
    // no database is opened: no connection's secret is resolved
    ConnectionsFile.Result conns = inputs.connections(req.connectionsFile());
    // a resumed run's target holds the files it finished: they are kept, the others replaced
    dev.guise.exec.FileRoots roots =
        FileRun.roots(
            conns,
            req.connectionsFile(),
            req.connection(),
            target,
            resumed == null ? targetMode : "truncate",
            problems);
    if (roots == null || problems.stream().anyMatch(Diagnostic::isError)) {
      audit.rejected(req, parsed.ruleset());
      return new RunResult(problems, null, null, null);
    }
    RunSecret secret = inputs.runSecret(req);
    if (resumed != null) {
      problems.addAll(
          ResumeCheck.check(
              resumed,
              parsed.ruleset().sha256(),
              RunFingerprints.seeds(req.ruleset().seedsDir()),
              secret.fingerprint(),
              req.force()));
      problems.addAll(ResumeCheck.libraries(resumed, parsed.ruleset().libraries(), req.force()));
      if (problems.stream().anyMatch(Diagnostic::isError)) {
        return new RunResult(problems, null, null, null);
      }
      roots =
          roots.resuming(
              FileResume.kept(new RunStore(req.runsDir()).folder(resumed.path("id").asText())));
    }
    byte[] instance = req.disableInstanceSecret() ? null : InstanceSecret.loadOrCreate(guiseHome);
    return FileRun.execute(
        req,
        parsed,
        roots,
        secret,
        instance,
        resumed,
        clock,
        problems,
        cancellation,
        observer,
        audit);
  }

  /** Where the run's token keys come from. */
  public TokenKeys tokenKeys(RunRequest req) {
    return new TokenKeys(guiseHome, req.tokens().keysFile(), environment);
  }

  /**
   * The part of a ruleset that {@code guise reidentify} runs, and what it skips; empty lists when
   * the ruleset does not parse (the run reports that).
   */
  public Reidentification reidentification(RulesetSource source) {
    return Reidentification.of(inputs.parse(source));
  }
}
