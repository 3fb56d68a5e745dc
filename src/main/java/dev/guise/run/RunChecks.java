package dev.guise.run;

import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ConnectionsFile;
import dev.guise.exec.TransferTargets;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.yaml.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate} and {@code plan}: a ruleset checked, and with a connection planned against its
 * live schema, reading every database and writing none.
 */
final class RunChecks {
  private final RunInputs inputs;

  RunChecks(RunInputs inputs) {
    this.inputs = inputs;
  }

  /** The ruleset's problems and, with a connection, those against its live schema. */
  CheckResult check(CheckRequest request) {
    RulesetLoader.Result parsed = inputs.parse(request.ruleset());
    List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
    if (request.target() != null) {
      return transfer(request, parsed, all);
    }
    if (request.connection() != null) {
      ConnectionConfig c = inputs.connection(request.connectionsFile(), request.connection(), all);
      if (c != null && parsed.ruleset() != null) {
        return against(parsed, c, all);
      }
    }
    return new CheckResult(parsed.ruleset(), null, all);
  }

  /**
   * The task graph: with a connection, resolved against its live schema (read-only). Unlike {@link
   * #check}, an unreadable ruleset stops before the connections file is read.
   */
  CheckResult plan(CheckRequest request) {
    RulesetLoader.Result parsed = inputs.parse(request.ruleset());
    List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
    if (parsed.ruleset() == null || request.connection() == null) {
      return new CheckResult(parsed.ruleset(), null, all);
    }
    if (request.target() != null) {
      return transfer(request, parsed, all);
    }
    ConnectionConfig c = inputs.connection(request.connectionsFile(), request.connection(), all);
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
    ConnectionsFile.Result conns = inputs.connections(request.connectionsFile());
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
    ConnectionConfig source =
        inputs.connection(request.connectionsFile(), request.connection(), all);
    ConnectionConfig target =
        inputs.transferTarget(request.connectionsFile(), request.target(), source, all);
    if (source == null || target == null || parsed.ruleset() == null) {
      return new CheckResult(parsed.ruleset(), null, all);
    }
    try (ConnectionPool from = ConnectionPool.open(source, 1, true);
        ConnectionPool to = ConnectionPool.open(target, 1, true)) {
      Planner.Result plan = RunInputs.plan(parsed.ruleset(), parsed.pipelines(), from);
      all.addAll(plan.diagnostics().list());
      if (plan.root() != null) {
        all.addAll(
            TransferTargets.check(plan.root(), from, to, request.targetMode(), false).problems());
      }
      return new CheckResult(parsed.ruleset(), plan.root(), all);
    }
  }

  private static CheckResult against(
      RulesetLoader.Result parsed, ConnectionConfig c, List<Diagnostic> all) {
    try (ConnectionPool pool = ConnectionPool.open(c, 1)) {
      Planner.Result plan = RunInputs.plan(parsed.ruleset(), parsed.pipelines(), pool);
      all.addAll(plan.diagnostics().list());
      return new CheckResult(parsed.ruleset(), plan.root(), all);
    }
  }
}
