package dev.guise.exec;

import dev.guise.db.ConnectionPool;
import dev.guise.db.Redact;
import dev.guise.plan.BuildTempTableStep;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.ParallelStep;
import dev.guise.plan.RunSqlStep;
import dev.guise.plan.SerialStep;
import dev.guise.plan.Step;
import dev.guise.plan.TruncateStep;
import dev.guise.runlog.RunLog;
import dev.guise.runlog.RunRecord;
import dev.guise.runlog.RunStore;
import dev.guise.runlog.TaskRecord;
import dev.guise.secret.RunKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes a planned run: top-level tasks in order, {@code parallel} blocks on up to {@code
 * workers} threads, continue-on-failure, cancellation between batches. Keeps the run record current
 * on disk and reports progress as events; it never prints.
 */
public final class MaskingRun {
  private final ConnectionPool pool;
  private final SerialStep plan;
  private final RunKey key;
  private final RunOptions options;
  private final RunRecord record;
  private final RunStore store;
  private final RunLog log;
  private final RunListener listener;
  private final Cancellation cancellation;
  private final Clock clock;
  private final Map<Step, TaskRecord> records = new IdentityHashMap<>();
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final List<String> tempTables = new java.util.concurrent.CopyOnWriteArrayList<>();

  public MaskingRun(
      ConnectionPool pool,
      SerialStep plan,
      RunKey key,
      RunOptions options,
      RunRecord record,
      RunStore store,
      RunLog log,
      RunListener listener,
      Cancellation cancellation,
      Clock clock) {
    this.pool = pool;
    this.plan = plan;
    this.key = key;
    this.options = options;
    this.record = record;
    this.store = store;
    this.log = log;
    this.listener = listener;
    this.cancellation = cancellation;
    this.clock = clock;
    mirror(plan, record.root());
  }

  private void mirror(Step step, TaskRecord parent) {
    for (Step child : step.children()) {
      TaskRecord r =
          parent.add(
              new TaskRecord(
                  child.id(),
                  child.task().type(),
                  child instanceof MaskTableStep m
                      ? m.table().ref().toString()
                      : child instanceof TruncateStep t ? t.table().ref().toString() : null));
      records.put(child, r);
      mirror(child, r);
    }
  }

  /**
   * Runs to the end and returns the run's final status (also written to run.json).
   *
   * @param validationWarnings the ruleset had warnings: a clean run ends finished_with_warnings
   */
  public RunStatus execute(boolean validationWarnings) {
    warned.set(validationWarnings);
    Instant start = clock.instant();
    record.startTime(start);
    record.status(RunStatus.RUNNING);
    save();
    log.log(
        RunLog.INFO,
        null,
        "run started" + (options.dryRun() ? " (dry run: nothing will be written)" : ""));
    try {
      for (Step s : plan.children()) {
        runStep(s, start);
      }
    } finally {
      dropTempTables();
    }
    RunStatus status;
    if (cancellation.cancelledByUser()) {
      status = RunStatus.CANCELLED;
    } else if (failed.get()) {
      status = RunStatus.FAILED;
    } else if (warned.get()) {
      status = RunStatus.FINISHED_WITH_WARNINGS;
    } else {
      status = RunStatus.FINISHED;
    }
    record.status(status);
    record.endTime(clock.instant());
    save();
    log.log(
        status == RunStatus.FAILED ? RunLog.ERROR : RunLog.INFO,
        null,
        "run " + status.json(),
        Map.of("rows_masked", record.rowsMasked(), "rows_updated", record.rowsUpdated()));
    return status;
  }

  private void runStep(Step step, Instant runStart) {
    TaskRecord r = records.get(step);
    if (cancellation.stopping()) {
      skip(step, cancellation.cancelledByUser() ? RunStatus.CANCELLED : RunStatus.SKIPPED);
      return;
    }
    long t0 = System.nanoTime();
    if (step instanceof SerialStep || step instanceof ParallelStep) {
      r.status(RunStatus.RUNNING);
      if (step instanceof ParallelStep p) {
        runParallel(p, runStart);
      } else {
        step.children().forEach(c -> runStep(c, runStart));
      }
      r.durationMs((System.nanoTime() - t0) / 1_000_000);
      r.status(aggregate(step));
      return;
    }
    r.status(RunStatus.RUNNING);
    save();
    RunStatus outcome;
    String error = null;
    try {
      outcome = runLeaf(step, r, runStart);
    } catch (MaskTableRunner.TaskFailure e) {
      outcome = RunStatus.FAILED;
      error = e.getMessage();
    } catch (RuntimeException e) {
      outcome = RunStatus.FAILED;
      error = step.describe() + " - " + e.getMessage();
    }
    r.durationMs((System.nanoTime() - t0) / 1_000_000);
    r.status(outcome);
    if (outcome == RunStatus.FAILED) {
      r.error(error);
      failed.set(true);
      log.log(RunLog.ERROR, step.id(), error);
      if (!options.continueOnFailure()) {
        cancellation.stopAfterFailure("task " + step.id() + " failed");
      }
    } else {
      log.log(
          RunLog.INFO,
          step.id(),
          step.describe() + ": " + outcome.json(),
          Map.of(
              "rows_read", r.rowsRead(),
              "rows_masked", r.rowsMasked(),
              "rows_updated", r.rowsUpdated(),
              "duration_ms", r.durationMs()));
    }
    listener.on(new RunEvent.TaskEnded(step.id(), step.describe(), outcome, error));
    save();
  }

  private RunStatus runLeaf(Step step, TaskRecord r, Instant runStart) {
    if (step instanceof MaskTableStep m) {
      MaskTableRunner runner =
          new MaskTableRunner(
              m,
              pool,
              key,
              runStart,
              options,
              cancellation,
              r,
              log,
              e -> {
                listener.on(e);
                if (e instanceof RunEvent.Progress) {
                  save();
                }
              },
              record::sample);
      RunStatus s = runner.run();
      return s == RunStatus.CANCELLED && !cancellation.cancelledByUser() ? RunStatus.SKIPPED : s;
    }
    listener.on(new RunEvent.TaskStarted(step.id(), step.describe(), -1));
    if (options.dryRun()) {
      log.log(RunLog.INFO, step.id(), step.describe() + ": skipped in a dry run");
      return RunStatus.SKIPPED;
    }
    List<String> statements;
    if (step instanceof RunSqlStep s) {
      statements = SqlScript.split(s.sql());
    } else if (step instanceof BuildTempTableStep b) {
      statements = List.of("CREATE TABLE " + b.task().table() + " AS " + b.task().sqlSelect());
    } else {
      statements = List.of(pool.dialect().truncate(((TruncateStep) step).table().ref()));
    }
    try (Connection c = pool.connection()) {
      try (Statement st = c.createStatement()) {
        for (String sql : statements) {
          st.execute(sql);
        }
        c.commit();
        if (step instanceof BuildTempTableStep b) {
          tempTables.add(b.task().table());
        }
      } catch (SQLException e) {
        c.rollback();
        throw new MaskTableRunner.TaskFailure(
            step.describe()
                + " ("
                + step.task().location()
                + ") - "
                + Redact.sqlError(e)
                + "; no statement of this task was committed",
            e);
      }
    } catch (SQLException e) {
      throw new MaskTableRunner.TaskFailure(step.describe() + " - " + Redact.sqlError(e), e);
    }
    return RunStatus.FINISHED;
  }

  private void runParallel(ParallelStep p, Instant runStart) {
    int threads = Math.max(1, Math.min(options.workers(), p.children().size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "guise-worker-" + p.id());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Step c : p.children()) {
        futures.add(pool.submit(() -> runStep(c, runStart)));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancellation.cancel();
          return;
        } catch (ExecutionException e) {
          throw new IllegalStateException("a worker died: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  private void skip(Step step, RunStatus status) {
    TaskRecord r = records.get(step);
    if (r.status() == RunStatus.QUEUED) {
      r.status(status);
    }
    step.children().forEach(c -> skip(c, status));
  }

  private RunStatus aggregate(Step s) {
    boolean anyFailed = false;
    boolean anyCancelled = false;
    for (Step c : s.children()) {
      RunStatus cs = records.get(c).status();
      anyFailed |= cs == RunStatus.FAILED;
      anyCancelled |= cs == RunStatus.CANCELLED;
    }
    return anyFailed ? RunStatus.FAILED : anyCancelled ? RunStatus.CANCELLED : RunStatus.FINISHED;
  }

  /** Drops the tables build_temp_table made, whatever happened to the run. */
  private void dropTempTables() {
    for (String t : tempTables) {
      try (Connection c = pool.connection();
          Statement st = c.createStatement()) {
        st.execute("DROP TABLE " + t);
        c.commit();
        log.log(RunLog.INFO, null, "dropped temporary table " + t);
      } catch (SQLException | RuntimeException e) {
        warned.set(true);
        log.log(
            RunLog.WARNING,
            null,
            "could not drop temporary table " + t + ": " + e.getMessage() + "; drop it by hand");
      }
    }
  }

  private synchronized void save() {
    if (cancellation.cancelledByUser() && record.status() == RunStatus.RUNNING) {
      record.status(RunStatus.CANCELLING); // the batch in flight finishes, then the run stops
    }
    store.write(record);
  }
}
