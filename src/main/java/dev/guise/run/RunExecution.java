package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.TableLocks;
import dev.guise.exec.Cancellation;
import dev.guise.exec.Checkpoints;
import dev.guise.exec.MaskingRun;
import dev.guise.exec.RunListener;
import dev.guise.exec.RunStatus;
import dev.guise.exec.TargetMode;
import dev.guise.exec.TaskKinds;
import dev.guise.exec.TransferTargets;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.runlog.RunLog;
import dev.guise.runlog.RunRecorder;
import dev.guise.secret.RunKey;
import dev.guise.secret.RunSecret;
import dev.guise.yaml.Diagnostic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run once its record exists: opens the pools (the source read-only in a source → target run),
 * finishes a resumed chain's key families, plans against the live schema, refuses what must not run
 * (tables already masked, a harmful per-value policy, triggers it cannot manage, a token key that
 * does not match), takes the locks and runs the plan.
 */
final class RunExecution {
  private final Clock clock;

  RunExecution(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param observer sees the run's events as they happen
   * @param resumed the record of the run this one continues, or null
   */
  RunResult execute(
      RunRequest req,
      RulesetLoader.Result parsed,
      ConnectionConfig conn,
      ConnectionConfig target,
      RunSecret secret,
      RunKey key,
      RunRecorder recorder,
      List<Diagnostic> problems,
      Cancellation cancellation,
      RunObserver observer,
      JsonNode resumed) {
    // Guise's own tables (progress, locks, manifest) live where the run writes: in a source ->
    // target run, the target; the source is opened read-only and only read
    try (ConnectionPool pool =
            open(
                target == null ? conn : target,
                2 * req.options().workers() + 2,
                req.options().dryRun(),
                recorder);
        ConnectionPool source =
            target == null ? null : open(conn, req.options().workers() + 2, true, recorder)) {
      recorder.log(
          RunLog.INFO,
          "run " + recorder.snapshot().id() + " created",
          Map.of(
              "ruleset",
              parsed.ruleset().file(),
              "connection",
              conn.name(),
              "target",
              target == null ? "" : target.name(),
              "run_secret_fingerprint",
              secret.fingerprint(),
              "dry_run",
              req.options().dryRun()));
      if (resumed != null && !req.options().dryRun()) {
        // a key family left half-rewritten (constraints dropped) is finished before planning
        RunProgress.finishKeyFamilies(pool, RunChain.ids(req.runsDir(), resumed))
            .forEach(line -> recorder.log(RunLog.INFO, line, Map.of()));
      }
      Planner.Result plan =
          RunInputs.plan(parsed.ruleset(), parsed.pipelines(), source == null ? pool : source);
      List<Diagnostic> all = new ArrayList<>(problems);
      all.addAll(plan.diagnostics().list());
      TransferTargets.Result transfer = null;
      if (plan.root() != null && source != null) {
        transfer =
            TransferTargets.check(
                plan.root(), source, pool, req.options().targetMode(), resumed != null);
        all.addAll(transfer.problems());
      } else if (plan.root() != null) {
        all.addAll(TransferTargets.inPlace(plan.root()));
      }
      for (Diagnostic d : all) {
        recorder.log(
            d.isError() ? RunLog.ERROR : RunLog.WARNING, d.toString(), Map.of("code", d.code()));
      }
      if (plan.root() == null || all.stream().anyMatch(Diagnostic::isError)) {
        recorder.failed(
            "validation against the live schema failed; nothing was touched", clock.instant());
        return new RunResult(all, recorder.snapshot(), null, null);
      }
      List<Diagnostic> refused =
          new ArrayList<>(ValueErrorCheck.refusals(plan.root(), req.options().onValueError()));
      refused.addAll(ShardCheck.refusals(plan.root(), req.options().shard()));
      if (req.transfers()) {
        refused.addAll(ValueErrorCheck.sourceToTarget(req.options().onValueError()));
      }
      if (!refused.isEmpty()) {
        all.addAll(refused);
        refused.forEach(d -> recorder.log(RunLog.ERROR, d.toString(), Map.of("code", d.code())));
        recorder.failed(
            "--on-value-error "
                + req.options().onValueError().json()
                + " is refused; nothing was touched",
            clock.instant());
        return new RunResult(all, recorder.snapshot(), null, null);
      }
      if (plan.manageTriggers() && !req.options().dryRun() && source == null) {
        all.addAll(TriggerCheck.refusals(pool, plan.root()));
        if (all.stream().anyMatch(Diagnostic::isError)) {
          recorder.failed("triggers cannot be managed; nothing was touched", clock.instant());
          return new RunResult(all, recorder.snapshot(), null, null);
        }
      }
      Checkpoints checkpoints;
      try {
        checkpoints =
            req.options().dryRun()
                ? Checkpoints.none()
                : RunProgress.prepare(
                    pool, recorder.snapshot().id(), RunChain.ids(req.runsDir(), resumed));
      } catch (GuiseException e) {
        recorder.failed(e.getMessage(), clock.instant());
        throw e;
      }
      if (req.options().shard() != null && checkpoints.enabled()) {
        List<Diagnostic> sets =
            ShardCheck.conflicts(
                pool,
                source == null ? pool : source,
                checkpoints.table(),
                plan.root(),
                req.options().shard());
        sets.forEach(d -> recorder.log(RunLog.ERROR, d.toString(), Map.of("code", d.code())));
        all.addAll(sets);
        if (!sets.isEmpty()) {
          recorder.failed(
              "the shards already recorded on these tables do not match this one; nothing was"
                  + " touched",
              clock.instant());
          return new RunResult(all, recorder.snapshot(), null, null);
        }
      }
      // a source -> target run's target mode decides what happens to rows already there
      if (source == null && refusedAsMasked(req, resumed, pool, checkpoints, plan, all, recorder)) {
        return new RunResult(all, recorder.snapshot(), null, null);
      }
      List<Diagnostic> keyChecks =
          RunTokens.checkDatabase(
              pool,
              key.tokens(),
              !req.options().dryRun(),
              recorder.snapshot().id(),
              clock.instant().toString());
      for (Diagnostic d : keyChecks) {
        recorder.log(
            d.isError() ? RunLog.ERROR : RunLog.WARNING, d.toString(), Map.of("code", d.code()));
      }
      all.addAll(keyChecks);
      if (keyChecks.stream().anyMatch(Diagnostic::isError)) {
        recorder.failed(
            "a token key does not match this database; nothing was touched", clock.instant());
        return new RunResult(all, recorder.snapshot(), null, null);
      }
      TableLocks locks = null;
      if (!req.options().dryRun()) {
        boolean[] queued = {false};
        try {
          locks =
              RunLocking.acquire(
                  pool,
                  checkpoints.table(),
                  recorder.snapshot().id(),
                  plan.root(),
                  req.options().shard(),
                  req.waitFor(),
                  clock,
                  m -> {
                    queued[0] = true;
                    recorder.queued(m);
                    observer.queued(m);
                  });
        } catch (GuiseException e) {
          recorder.failed(e.getMessage(), clock.instant());
          throw e;
        }
        checkpoints = checkpoints.withLocks(locks);
        // while it waited, the run it queued behind may have finished these very tables
        if (queued[0]
            && source == null
            && refusedAsMasked(req, resumed, pool, checkpoints, plan, all, recorder)) {
          locks.close();
          return new RunResult(all, recorder.snapshot(), null, null);
        }
      }
      if (transfer != null
          && req.options().targetMode() == TargetMode.TRUNCATE
          && resumed == null
          && !req.options().dryRun()) {
        try {
          TransferTargets.empty(pool, transfer.emptyOrder());
          recorder.log(
              RunLog.INFO,
              "target tables emptied (--target-mode truncate): "
                  + String.join(
                      ", ", transfer.emptyOrder().stream().map(Object::toString).toList()),
              Map.of());
        } catch (GuiseException e) {
          if (locks != null) {
            locks.close();
          }
          recorder.failed(e.getMessage(), clock.instant());
          throw e;
        }
      }
      observer.executing(all);
      RunStatus status;
      try (TableLocks held = locks) {
        MaskingRun run =
            new MaskingRun(
                    pool,
                    plan.root(),
                    key,
                    req.options(),
                    RunListener.all(
                        recorder, observer, RunChain.prints(req.runsDir(), recorder, resumed)),
                    cancellation,
                    clock,
                    TaskKinds.BUILT_IN.runners(),
                    checkpoints)
                .manageTriggers(plan.manageTriggers())
                .transfer(transfer == null ? null : transfer.transfer());
        status =
            run.execute(
                all.stream().anyMatch(d -> !d.isError()), RunChain.start(req.runsDir(), resumed));
      } finally {
        observer.executed();
      }
      return new RunResult(all, recorder.snapshot(), null, status);
    }
  }

  /** Adds the errors for tables a finished run masked; true (and the run failed) when any. */
  private boolean refusedAsMasked(
      RunRequest req,
      JsonNode resumed,
      ConnectionPool pool,
      Checkpoints checkpoints,
      Planner.Result plan,
      List<Diagnostic> all,
      RunRecorder recorder) {
    // a re-identification undoes what a finished run did on the very tables that run masked
    if (req.options().dryRun() || resumed != null || req.remask() || req.tokens().reidentify()) {
      return false;
    }
    all.addAll(
        RunProgress.alreadyMasked(pool, checkpoints.table(), plan.root(), req.options().shard()));
    if (all.stream().anyMatch(Diagnostic::isError)) {
      recorder.failed("tables already masked; nothing was touched", clock.instant());
      return true;
    }
    return false;
  }

  private static ConnectionPool open(
      ConnectionConfig conn, int size, boolean readOnly, RunRecorder recorder) {
    try {
      return ConnectionPool.open(conn, size, readOnly);
    } catch (GuiseException e) {
      recorder.failed(e.getMessage(), null);
      recorder.log(RunLog.FATAL, e.getMessage(), Map.of());
      throw e;
    }
  }
}
