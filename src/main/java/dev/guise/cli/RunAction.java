package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.exec.Cancellation;
import dev.guise.exec.LiveSchema;
import dev.guise.exec.MaskingRun;
import dev.guise.exec.RunListener;
import dev.guise.exec.RunOptions;
import dev.guise.exec.RunStatus;
import dev.guise.exec.StepRunners;
import dev.guise.plan.Planner;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.RulesetParser;
import dev.guise.runlog.RunLog;
import dev.guise.runlog.RunRecord;
import dev.guise.runlog.RunRecorder;
import dev.guise.runlog.RunStore;
import dev.guise.secret.InstanceSecret;
import dev.guise.secret.RunKey;
import dev.guise.secret.RunSecret;
import dev.guise.yaml.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One masking run from the command line: validate, connect, plan, execute, report. */
final class RunAction {
  /** What a run needs besides its options. */
  record Request(
      RulesetOptions ruleset,
      ConnectionOptions connectionOptions,
      String connection,
      RunOptions options,
      Path runSecretFile,
      boolean disableInstanceSecret,
      RunsDirOption runs,
      boolean strict) {}

  private final CliEnvironment env;
  private final CommonOptions common;
  private final PrintWriter out;
  private final PrintWriter err;

  RunAction(CliEnvironment env, CommonOptions common, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.common = common;
    this.out = out;
    this.err = err;
  }

  /** Runs and returns the exit code; the record ends up in the returned holder. */
  int run(Request req, RunRecord[] recordOut) {
    Workspace ws = new Workspace(env);
    List<Diagnostic> problems = new ArrayList<>();
    RulesetParser.Result parsed = ws.ruleset(req.ruleset());
    problems.addAll(parsed.diagnostics());
    ConnectionConfig conn = ws.connection(req.connectionOptions(), req.connection(), problems);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return invalid(problems, null);
    }
    Ruleset ruleset = parsed.ruleset();
    RunSecret secret = runSecret(req);
    byte[] instance =
        req.disableInstanceSecret() ? null : InstanceSecret.loadOrCreate(env.guiseHome());
    RunKey key = RunKey.derive(instance, secret.reveal());

    Instant created = env.clock().instant();
    RunStore store = req.runs().store(env);
    String id = RunStore.newId(created);
    store.create(id);
    RunRecorder.Header header =
        new RunRecorder.Header(
            id,
            req.options().name(),
            rulesetInfo(ruleset),
            connectionInfo(conn),
            optionsInfo(req, secret),
            created);
    try (RunRecorder recorder =
        new RunRecorder(store, header, req.options().showOriginals(), env.clock())) {
      recorder.validating();
      try {
        return runRecorded(req, ruleset, conn, secret, key, recorder, problems);
      } finally {
        recordOut[0] = recorder.snapshot();
      }
    }
  }

  private int runRecorded(
      Request req,
      Ruleset ruleset,
      ConnectionConfig conn,
      RunSecret secret,
      RunKey key,
      RunRecorder recorder,
      List<Diagnostic> problems) {
    if (secret.generated() && !common.quiet) {
      err.println(
          "No run secret given: generated one for this run (shown once; keep it to reproduce this run):");
      err.println("  " + secret.reveal());
      err.println("Set GUISE_RUN_SECRET or pass --run-secret-file FILE next time.");
      err.flush();
    }
    try (ConnectionPool pool = open(conn, 2 * req.options().workers() + 2, recorder)) {
      recorder.log(
          RunLog.INFO,
          "run " + recorder.snapshot().id() + " created",
          Map.of(
              "ruleset",
              ruleset.file(),
              "connection",
              conn.name(),
              "run_secret_fingerprint",
              secret.fingerprint(),
              "dry_run",
              req.options().dryRun()));
      Planner.Result plan = Planner.plan(ruleset, new LiveSchema(pool));
      List<Diagnostic> all = new ArrayList<>(problems);
      all.addAll(plan.diagnostics().list());
      for (Diagnostic d : all) {
        recorder.log(
            d.isError() ? RunLog.ERROR : RunLog.WARNING, d.toString(), Map.of("code", d.code()));
      }
      if (plan.root() == null) {
        recorder.failed(
            "validation against the live schema failed; nothing was touched",
            env.clock().instant());
        return invalid(all, recorder.snapshot());
      }
      if (!common.json() && !common.quiet) {
        Workspace.print(all, err);
      }
      Cancellation cancellation = new Cancellation();
      ProgressPrinter progress =
          new ProgressPrinter(
              err, env.terminal() && !common.quiet && !common.json(), !common.quiet, env.clock());
      MaskingRun run =
          new MaskingRun(
              pool,
              plan.root(),
              key,
              req.options(),
              RunListener.all(recorder, progress),
              cancellation,
              env.clock(),
              StepRunners.BUILT_IN);
      RunStatus status;
      try (SignalCancel ignored =
          SignalCancel.install(env.installSignalHandlers(), cancellation, err)) {
        status = run.execute(all.stream().anyMatch(d -> !d.isError()));
      }
      progress.finish();
      RunRecord record = recorder.snapshot();
      report(record, req.runs().store(env).dir().resolve(record.id()));
      return ExitCodes.of(status, req.strict());
    }
  }

  private ConnectionPool open(ConnectionConfig conn, int size, RunRecorder recorder) {
    try {
      return ConnectionPool.open(conn, size);
    } catch (GuiseException e) {
      recorder.failed(e.getMessage(), null);
      recorder.log(RunLog.FATAL, e.getMessage(), Map.of());
      throw e;
    }
  }

  private int invalid(List<Diagnostic> problems, RunRecord record) {
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("valid", false);
      if (record != null) {
        doc.put("run_id", record.id());
      }
      doc.put("diagnostics", Workspace.json(problems));
      Workspace.printJson(doc, out);
    } else {
      Workspace.print(problems, err);
      long n = problems.stream().filter(Diagnostic::isError).count();
      err.println(n + (n == 1 ? " error" : " errors") + "; nothing was touched.");
      err.flush();
    }
    return ExitCodes.INVALID;
  }

  private RunSecret runSecret(Request req) {
    if (req.runSecretFile() != null) {
      return RunSecret.fromFile(env.workingDir().resolve(req.runSecretFile()));
    }
    String fromEnv = env.get(RunSecret.ENV);
    if (fromEnv != null) {
      return RunSecret.of(fromEnv, RunSecret.ENV);
    }
    return RunSecret.generate();
  }

  private static Map<String, Object> rulesetInfo(Ruleset r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", r.file());
    m.put("sha256", r.sha256());
    return m;
  }

  private static Map<String, Object> connectionInfo(ConnectionConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("db_type", c.dialect().name());
    m.put("url", c.redactedUrl());
    return m;
  }

  private static Map<String, Object> optionsInfo(Request req, RunSecret secret) {
    RunOptions o = req.options();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dry_run", o.dryRun());
    m.put("batch_size", o.batchSize());
    m.put("max_rows", o.maxRows() == 0 ? null : o.maxRows());
    m.put("continue_on_failure", o.continueOnFailure());
    m.put("workers", o.workers());
    m.put("instance_secret", !req.disableInstanceSecret());
    m.put("run_secret_fingerprint", secret.fingerprint());
    m.put("run_secret_generated", secret.generated());
    return m;
  }

  private void report(RunRecord record, Path dir) {
    if (common.json()) {
      Workspace.printJson(record, out);
      return;
    }
    new SummaryPrinter(out).print(record, dir, common.quiet);
  }

  static GuiseException usage(String message) {
    return new GuiseException(ErrorCode.USAGE, message);
  }
}
