package dev.guise.exec;

import dev.guise.db.ConnectionPool;
import dev.guise.plan.SerialStep;
import dev.guise.plan.Step;
import dev.guise.secret.RunKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes a planned run: top-level tasks in order, {@code parallel} blocks on up to {@code
 * workers} threads, continue-on-failure, cancellation between batches. Reports everything as {@link
 * RunEvent}s; it never prints nor writes files.
 */
public final class MaskingRun {
  private final ConnectionPool pool;
  private final SerialStep plan;
  private final RunKey key;
  private final RunOptions options;
  private final RunListener events;
  private final Cancellation cancellation;
  private final Clock clock;
  private final StepRunners runners;
  private final Checkpoints checkpoints;
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final List<TempTables.Made> tempTables = new CopyOnWriteArrayList<>();
  private boolean manageTriggers;
  private Transfer transfer;
  private StepContext ctx;

  /**
   * @param events receives every event of the run (compose listeners with {@link RunListener#all})
   * @param clock times the run and its tasks
   * @throws dev.guise.GuiseException when a step of the plan has no runner
   */
  public MaskingRun(
      ConnectionPool pool,
      SerialStep plan,
      RunKey key,
      RunOptions options,
      RunListener events,
      Cancellation cancellation,
      Clock clock,
      StepRunners runners) {
    this(pool, plan, key, options, events, cancellation, clock, runners, Checkpoints.none());
  }

  /**
   * As the other constructor, keeping checkpoints in {@code checkpoints}' progress table.
   *
   * @param checkpoints where batches record their progress, and what a resumed run continues
   */
  public MaskingRun(
      ConnectionPool pool,
      SerialStep plan,
      RunKey key,
      RunOptions options,
      RunListener events,
      Cancellation cancellation,
      Clock clock,
      StepRunners runners,
      Checkpoints checkpoints) {
    this.checkpoints = checkpoints;
    this.pool = pool;
    this.plan = plan;
    this.key = key;
    this.options = options;
    this.events = events;
    this.cancellation = cancellation;
    this.clock = clock;
    this.runners = runners;
    runners.check(plan);
  }

  /**
   * Switches off the user triggers of every table the run writes while it runs, and brings them
   * back at its end (the ruleset's {@code auto_manage_triggers}, from the plan); off, the run warns
   * about them instead.
   */
  public MaskingRun manageTriggers(boolean manage) {
    this.manageTriggers = manage;
    return this;
  }

  /**
   * Makes this a source → target run: table tasks read from {@code t}'s source and write whole rows
   * into their target tables on this run's pool.
   */
  public MaskingRun transfer(Transfer t) {
    this.transfer = t;
    return this;
  }

  /**
   * Runs to the end and returns the run's final status.
   *
   * @param validationWarnings the ruleset had warnings: a clean run ends finished_with_warnings
   */
  public RunStatus execute(boolean validationWarnings) {
    return execute(validationWarnings, null);
  }

  /**
   * As {@link #execute(boolean)}, with the instant masks see as the run's start (a resumed run
   * keeps its original run's, so dates computed from it do not move).
   *
   * @param runStart null for now
   */
  public RunStatus execute(boolean validationWarnings, Instant runStart) {
    warned.set(validationWarnings);
    Instant start = clock.instant();
    events.on(new RunEvent.RunStarted(start, options.dryRun(), outline(plan)));
    cancellation.onCancel(() -> events.on(new RunEvent.Cancelling()));
    if (cancellation.cancelledByUser()) {
      events.on(new RunEvent.Cancelling());
    }
    // a warning from any task makes a clean run finished_with_warnings (and --strict exit 7)
    RunListener seen =
        e -> {
          if (e instanceof RunEvent.Warning) {
            warned.set(true);
          }
          events.on(e);
        };
    TriggerGuard triggers =
        new TriggerGuard(pool, checkpoints, seen, clock, manageTriggers, options.dryRun());
    ctx =
        new StepContext(
            pool,
            key,
            runStart == null ? start : runStart,
            options,
            cancellation,
            seen,
            clock,
            tempTables,
            this::runStep,
            checkpoints,
            triggers,
            transfer);
    try {
      triggers.restoreLeftovers();
      for (Step s : plan.children()) {
        runStep(s);
      }
    } finally {
      try {
        triggers.restoreAll();
      } finally {
        dropTempTables();
      }
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
    events.on(new RunEvent.RunFinished(clock.instant(), status));
    return status;
  }

  private List<RunEvent.TaskOutline> outline(Step step) {
    return step.children().stream()
        .map(c -> new RunEvent.TaskOutline(c.id(), c.task().type(), runners.target(c), outline(c)))
        .toList();
  }

  private RunStatus runStep(Step step) {
    // tasks marked always (and the blocks holding one) still run when the run is stopping
    if (cancellation.stopping() && !holdsAlways(step)) {
      RunStatus s = cancellation.cancelledByUser() ? RunStatus.CANCELLED : RunStatus.SKIPPED;
      skip(step, s);
      return s;
    }
    Instant t0 = clock.instant();
    if (runners.runsChildren(step)) {
      events.on(new RunEvent.GroupStarted(step.id()));
      RunStatus s = runners.run(step, ctx);
      events.on(new RunEvent.GroupFinished(step.id(), s, millisSince(t0)));
      return s;
    }
    if (options.shard() != null
        && !options.shard().first()
        && !(step instanceof dev.guise.plan.MaskTableStep)) {
      // what is not cut into key ranges is done once, by shard 1
      events.on(
          new RunEvent.Note(
              step.id(),
              step.describe()
                  + ": runs in shard 1 only, skipped in shard "
                  + options.shard().label()));
      events.on(
          new RunEvent.TaskFinished(
              step.id(), step.describe(), RunStatus.SKIPPED, null, millisSince(t0)));
      return RunStatus.SKIPPED;
    }
    RunStatus outcome;
    String error = null;
    try {
      outcome = runners.run(step, ctx);
    } catch (TaskFailure e) {
      outcome = RunStatus.FAILED;
      error = e.connectionLost() ? e.getMessage() + connectionLost() : e.getMessage();
    } catch (RuntimeException e) {
      outcome = RunStatus.FAILED;
      error = step.describe() + " - " + e.getMessage();
    }
    if (outcome == RunStatus.FAILED) {
      failed.set(true);
      if (!options.continueOnFailure()) {
        cancellation.stopAfterFailure("task " + step.id() + " failed");
      }
    }
    events.on(
        new RunEvent.TaskFinished(step.id(), step.describe(), outcome, error, millisSince(t0)));
    return outcome;
  }

  /** What a lost connection means for the run, named, and how to go on once the server is back. */
  private String connectionLost() {
    return "; connection '"
        + pool.config().name()
        + "' lost (the database server went away or the network failed)"
        + (checkpoints.enabled()
            ? "; once it is back, guise run --resume "
                + checkpoints.runId()
                + " continues after the last committed batch"
            : "; run again once it is back");
  }

  private static boolean holdsAlways(Step step) {
    return step.always() || step.children().stream().anyMatch(MaskingRun::holdsAlways);
  }

  private long millisSince(Instant t0) {
    return Duration.between(t0, clock.instant()).toMillis();
  }

  private void skip(Step step, RunStatus status) {
    events.on(new RunEvent.TaskSkipped(step.id(), status));
    step.children().forEach(c -> skip(c, status));
  }

  /** Drops the tables build_temp_table made, whatever happened to the run. */
  private void dropTempTables() {
    if (!TempTables.dropAll(tempTables, ctx)) {
      warned.set(true);
    }
  }
}
