package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ConnectionsFile;
import dev.guise.db.DriverLog;
import dev.guise.exec.Cancellation;
import dev.guise.exec.LiveSchema;
import dev.guise.exec.TaskKinds;
import dev.guise.exec.TransferTargets;
import dev.guise.mask.MaskRegistry;
import dev.guise.mask.seed.SeedCatalog;
import dev.guise.plan.BuiltPipelines;
import dev.guise.plan.Planner;
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
import dev.guise.yaml.Location;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parse, connect, plan and execute: the one sequence behind validate, plan and run. Every user
 * mistake comes back as diagnostics before any database is touched; nothing is printed.
 */
public final class RunService {
  private final Function<String, String> environment;
  private final Clock clock;
  private final Path guiseHome;
  private final RunAuditing audit;

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
  }

  /** This service, also writing its runs and validations to the audit log. */
  public RunService audited(AuditLog log) {
    return new RunService(environment, clock, guiseHome, log);
  }

  /** The ruleset's problems and, with a connection, those against its live schema (read-only). */
  public CheckResult validate(CheckRequest request) {
    CheckResult checked = check(request);
    audit.validated(request, checked);
    return checked;
  }

  private CheckResult check(CheckRequest request) {
    RulesetLoader.Result parsed = parse(request.ruleset());
    List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
    if (request.target() != null) {
      return transfer(request, parsed, all);
    }
    if (request.connection() != null) {
      ConnectionConfig c = connection(request.connectionsFile(), request.connection(), all);
      if (c != null && parsed.ruleset() != null) {
        return against(parsed, c, all);
      }
    }
    return new CheckResult(parsed.ruleset(), null, all);
  }

  /**
   * The task graph: with a connection, resolved against its live schema (read-only). Unlike {@link
   * #validate}, an unreadable ruleset stops before the connections file is read.
   */
  public CheckResult plan(CheckRequest request) {
    RulesetLoader.Result parsed = parse(request.ruleset());
    List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
    if (parsed.ruleset() == null || request.connection() == null) {
      return new CheckResult(parsed.ruleset(), null, all);
    }
    if (request.target() != null) {
      return transfer(request, parsed, all);
    }
    ConnectionConfig c = connection(request.connectionsFile(), request.connection(), all);
    if (c == null) {
      return new CheckResult(parsed.ruleset(), null, all);
    }
    return against(parsed, c, all);
  }

  /**
   * A source → target check, as the run makes it before writing and without writing: planned
   * against the source (read-only) and the target's tables, columns, types, foreign-key order and
   * emptiness checked ({@link TransferTargets}); with folder connections, the file run's checks.
   */
  private CheckResult transfer(
      CheckRequest request, RulesetLoader.Result parsed, List<Diagnostic> all) {
    ConnectionsFile.Result conns = ConnectionsFile.load(request.connectionsFile(), environment, "");
    if (conns.files().containsKey(request.connection())) {
      all.addAll(FileRun.taskMix(parsed.ruleset(), true));
      FileRun.roots(
          conns,
          request.connectionsFile(),
          request.connection(),
          request.target(),
          request.targetMode().option(),
          all);
      return new CheckResult(parsed.ruleset(), null, all);
    }
    all.addAll(FileRun.taskMix(parsed.ruleset(), false));
    ConnectionConfig source = connection(request.connectionsFile(), request.connection(), all);
    ConnectionConfig target =
        transferTarget(request.connectionsFile(), request.target(), source, all);
    if (source == null || target == null || parsed.ruleset() == null) {
      return new CheckResult(parsed.ruleset(), null, all);
    }
    try (ConnectionPool from = ConnectionPool.open(source, 1, true);
        ConnectionPool to = ConnectionPool.open(target, 1, true)) {
      Planner.Result plan = plan(parsed.ruleset(), parsed.pipelines(), from);
      all.addAll(plan.diagnostics().list());
      if (plan.root() != null) {
        all.addAll(
            TransferTargets.check(plan.root(), from, to, request.targetMode(), false).problems());
      }
      return new CheckResult(parsed.ruleset(), plan.root(), all);
    }
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
    RulesetLoader.Result full = parse(request.ruleset());
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
    ConnectionConfig conn = connection(req.connectionsFile(), req.connection(), problems);
    ConnectionConfig target =
        req.transfers()
            ? transferTarget(req.connectionsFile(), req.target(), conn, problems)
            : null;
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      audit.rejected(req, parsed.ruleset());
      return new RunResult(problems, null, null, null);
    }
    Ruleset ruleset = parsed.ruleset();
    RunSecret secret = runSecret(req);
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
   * The target connection of a source → target run, adding its problems; refuses a target that is
   * the source itself (the run would read and write the same tables).
   */
  private ConnectionConfig transferTarget(
      Path connectionsFile, String name, ConnectionConfig source, List<Diagnostic> problems) {
    ConnectionConfig target = connection(connectionsFile, name, problems);
    if (target != null
        && source != null
        && (target.name().equals(source.name())
            || (target.jdbcUrl().equals(source.jdbcUrl())
                && java.util.Objects.equals(target.schema(), source.schema())))) {
      problems.add(
          Diagnostic.error(
              "target-is-source",
              "connection '" + target.name() + "'",
              "the target is the source's database ("
                  + source.redactedUrl()
                  + "); a source → target run writes a different database, mask in place with"
                  + " -c instead"));
      return null;
    }
    return target;
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
    RulesetLoader.Result parsed = parse(req.ruleset());
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
    ConnectionsFile.Result conns = ConnectionsFile.load(req.connectionsFile(), environment, "");
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
    RunSecret secret = runSecret(req);
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

  /**
   * The named connection from {@code file}, adding the file's problems (and an unknown name) to
   * {@code problems}; null when any of them is an error.
   */
  public ConnectionConfig connection(Path file, String name, List<Diagnostic> problems) {
    ConnectionsFile.Result r = ConnectionsFile.load(file, environment, name);
    ConnectionConfig c = r.connections().get(name);
    List<Diagnostic> relevant = new ArrayList<>(r.diagnostics().list());
    if (c == null && r.files().containsKey(name)) {
      relevant.add(
          Diagnostic.error(
              "file-connection",
              Location.of(file.toString()),
              "connection '"
                  + name
                  + "' is a folder (type: file); mask files with --source "
                  + name
                  + " --target OTHER_FOLDER"));
    } else if (c == null && relevant.stream().noneMatch(Diagnostic::isError)) {
      relevant.add(
          Diagnostic.error(
              "unknown-connection",
              Location.of(file.toString()),
              "no connection named '"
                  + name
                  + "'"
                  + (r.connections().isEmpty()
                      ? ""
                      : "; defined: " + String.join(", ", r.connections().keySet()))));
    }
    problems.addAll(relevant);
    return relevant.stream().anyMatch(Diagnostic::isError) ? null : c;
  }

  private RulesetLoader.Result parse(RulesetSource source) {
    SeedCatalog seeds =
        source.seedsDir() == null ? SeedCatalog.builtIn() : new SeedCatalog(source.seedsDir());
    List<Path> libraries = new ArrayList<>(source.libraryDirs());
    libraries.add(guiseHome.resolve("libraries"));
    return new RulesetLoader(
            MaskRegistry.standard(), seeds, TaskKinds.BUILT_IN.readers(), libraries)
        .load(source.file(), source.label());
  }

  static Planner.Result plan(Ruleset ruleset, BuiltPipelines pipelines, ConnectionPool pool) {
    return Planner.plan(ruleset, pipelines, new LiveSchema(pool), TaskKinds.BUILT_IN.planners());
  }

  private static CheckResult against(
      RulesetLoader.Result parsed, ConnectionConfig c, List<Diagnostic> all) {
    try (ConnectionPool pool = ConnectionPool.open(c, 1)) {
      Planner.Result plan = plan(parsed.ruleset(), parsed.pipelines(), pool);
      all.addAll(plan.diagnostics().list());
      return new CheckResult(parsed.ruleset(), plan.root(), all);
    }
  }

  private RunSecret runSecret(RunRequest req) {
    if (req.runSecretFile() != null) {
      return RunSecret.fromFile(req.runSecretFile());
    }
    String fromEnv = environment.apply(RunSecret.ENV);
    if (fromEnv != null) {
      return RunSecret.of(fromEnv, RunSecret.ENV);
    }
    if (req.tokens().reidentify()) {
      // re-identified values come from the token keys alone; a fixed secret lets a resume
      // find this run's without asking the user to keep one
      return RunSecret.of(REIDENTIFY_SECRET, "reidentify");
    }
    return RunSecret.generate();
  }

  private static final String REIDENTIFY_SECRET = "guise/reidentification: values come from keys";

  /** Where the run's token keys come from. */
  public TokenKeys tokenKeys(RunRequest req) {
    return new TokenKeys(guiseHome, req.tokens().keysFile(), environment);
  }

  /**
   * The part of a ruleset that {@code guise reidentify} runs, and what it skips; empty lists when
   * the ruleset does not parse (the run reports that).
   */
  public Reidentification reidentification(RulesetSource source) {
    return Reidentification.of(parse(source));
  }
}
