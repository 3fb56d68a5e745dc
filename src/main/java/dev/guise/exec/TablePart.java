package dev.guise.exec;

import dev.guise.db.Dialect;
import dev.guise.plan.MaskTableStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * One key range of a task (or the whole task): its checkpoint row, its own reader and writer
 * connections, masker and pipeline.
 */
final class TablePart {
  private final MaskTableStep step;
  private final StepContext ctx;
  private final String id;
  private final KeyRanges.KeyRange range;
  private final String table;
  private final int tasksAtOnce;
  private final TaskCheckpoint checkpoint;
  private TablePipeline.Shared shared;
  private Cancellation cancellation;
  private RowMasker masker;

  /**
   * @param id the checkpoint's task id: the step's for a whole task
   * @param range null for the whole table
   */
  TablePart(
      MaskTableStep step,
      StepContext ctx,
      String id,
      KeyRanges.KeyRange range,
      TablePipeline.Shared shared) {
    this.step = step;
    this.ctx = ctx;
    this.id = id;
    this.range = range;
    this.shared = shared;
    this.cancellation = ctx.cancellation();
    // made on the task's thread (a range runs on a thread of its own, which has no share): the
    // tasks that parallel blocks run beside this one are the run's workers over this one's share
    int workers = ctx.options().workers();
    this.tasksAtOnce = Math.max(1, workers / WorkerShare.of(workers));
    this.table = step.table().ref().toString();
    this.checkpoint =
        ctx.checkpoints().enabled() && !ctx.options().dryRun()
            ? new TaskCheckpoint(ctx.checkpoints(), id, table, ctx.clock())
            : null;
  }

  /** Makes this one of a task's key ranges masked at once, stopping with its siblings. */
  void partOf(TablePipeline.Shared s, Cancellation siblings) {
    this.shared = s;
    this.cancellation = siblings;
  }

  private boolean finishedBefore() {
    return checkpoint != null
        && checkpoint.previous() != null
        && RunStatus.FINISHED.json().equals(checkpoint.previous().status());
  }

  /** Where this part starts: after its continued run's last key, or its range's start. */
  private TablePipeline.Start start() {
    TablePipeline.Start s =
        checkpoint == null ? TablePipeline.Start.BEGINNING : checkpoint.start(step.key());
    if (s.afterKey() == null && range != null && range.after() != null) {
      return new TablePipeline.Start(range.after(), s.counts(), s.batches());
    }
    return s;
  }

  RunEvent.Counts startCounts() {
    return finishedBefore() ? previousCounts() : start().counts();
  }

  private RunEvent.Counts previousCounts() {
    var p = checkpoint.previous();
    return new RunEvent.Counts(
        p.rowsRead(), p.rowsMasked(), p.rowsUpdated(), p.rowsRead() - p.rowsMasked());
  }

  /** Records this part with {@code status} and nothing masked (a shard's empty share). */
  void record(RunStatus status) {
    if (checkpoint != null) {
      begin(checkpoint, ctx, table, status.json());
    }
  }

  RunStatus run() {
    if (finishedBefore()) {
      begin(checkpoint, ctx, table, RunStatus.FINISHED.json());
      ctx.events()
          .on(
              new RunEvent.Note(
                  step.id(),
                  table
                      + (range == null ? "" : " (key range " + id + ")")
                      + ": finished by run "
                      + ctx.checkpoints().resumedFrom()
                      + ", skipped"));
      return RunStatus.FINISHED;
    }
    TablePipeline.Start start = start();
    if (checkpoint != null
        && checkpoint.previous() != null
        && checkpoint.previous().lastKey() != null
        && step.rules().stream().anyMatch(r -> r.pipeline().shuffle() != null)) {
      // the permutation is drawn from the column's original values, part of which are masked now
      throw new TaskFailure(
          table
              + " - secure_shuffle cannot continue a table part-way: "
              + start.counts().updated()
              + " rows are already shuffled and its first pass needs the original column;"
              + " restore the table (or its column) from its source and run the task again",
          null);
    }
    // in a source -> target run the table written is the target's
    ctx.triggers()
        .beforeWriting(
            step.id(),
            ctx.transfer() == null ? step.table().ref() : ctx.transfer().target(step.id()).ref());
    if (checkpoint != null) {
      begin(checkpoint, ctx, table, RunStatus.RUNNING.json());
    }
    try {
      RunStatus s = mask(start);
      end(checkpoint, ctx, table, s);
      return s;
    } catch (RuntimeException e) {
      try {
        end(checkpoint, ctx, table, RunStatus.FAILED);
      } catch (RuntimeException second) {
        e.addSuppressed(second);
      }
      throw e;
    }
  }

  private RunStatus mask(TablePipeline.Start start) {
    Dialect d = ctx.pool().dialect();
    Transfer transfer = ctx.transfer();
    // every column is read in a source -> target run, so that whole rows reach the target
    MaskTableStep read = transfer == null ? step : TransferRows.wholeRows(step);
    String tableSeed = read.task().table().toLowerCase(Locale.ROOT);
    RowLayout layout = new RowLayout(read, tableSeed);
    masker =
        new RowMasker(
            layout,
            read.rules(),
            ctx.key(),
            ctx.runStart(),
            table,
            tableSeed,
            ctx.options().sampleRows(),
            ctx.options().showOriginals(),
            ctx.options().onValueError());
    TablePipeline pipeline =
        new TablePipeline(
            step.id(), read.describe(), table, ctx.options(), cancellation, ctx.events());
    if (shared != null) {
      pipeline.partOf(shared);
    }
    pipeline.sharingMemoryWith(tasksAtOnce);
    if (transfer != null) {
      pipeline.wholeRows(read.key().size() + read.read().size());
    }
    if (!ctx.options().dryRun()) {
      // a range's fingerprints are kept under its own id: its batches are numbered on their own
      pipeline.fingerprinting(
          new OriginalPrints(
              ctx.key(),
              range == null ? step.id() : id,
              layout,
              masker.rules(),
              read.task().table()));
    }
    RunStatus s;
    try (JdbcRowSink sink =
            transfer == null
                ? MaskTableStepRunner.sink(read, ctx, d, layout, table, checkpoint, start.batches())
                : TransferRows.sink(read, ctx, table, checkpoint, start.batches());
        JdbcRowSource source =
            new JdbcRowSource(
                transfer == null ? ctx.pool().connection() : transfer.source().connection(),
                transfer == null ? d : transfer.source().dialect(),
                ReadQueries.of(read),
                layout.columns,
                read.key(),
                ctx.options().batchSize(),
                table,
                range == null ? null : range.upTo())) {
      if (transfer != null) {
        source.passingThrough(TransferRows.raw(step, layout.columns, ctx));
      }
      List<CompiledRule> shuffles = masker.shuffles();
      Runnable shufflePass =
          shuffles.isEmpty()
              ? () -> {}
              : () ->
                  ShufflePass.run(shuffles, layout, source, pipeline::limit, ctx.key(), tableSeed);
      try {
        s = pipeline.run(source, masker, sink, shufflePass, start);
      } finally {
        if (shared == null) {
          // counted whether the task ended or stopped: those values were written (or left) so
          reportValueErrors(step, ctx, table, List.of(this));
        }
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
    // stopped because another task failed: this one did not run to its end, and was not
    // cancelled
    return s == RunStatus.CANCELLED && !cancellation.cancelledByUser() ? RunStatus.SKIPPED : s;
  }

  static void reportValueErrors(
      MaskTableStep step, StepContext ctx, String table, List<TablePart> parts) {
    List<RowMasker> maskers =
        parts.stream().map(p -> p.masker).filter(java.util.Objects::nonNull).toList();
    if (maskers.isEmpty()) {
      return;
    }
    ValueErrors all = new ValueErrors();
    maskers.forEach(m -> all.addAll(m.valueErrors()));
    OnValueError policy = maskers.get(0).onValueError();
    RunEvent.ValueErrorsCounted counted = all.event(step.id(), table, policy);
    if (counted == null) {
      return;
    }
    ctx.events().on(counted);
    for (RunEvent.ColumnValueErrors c : counted.columns()) {
      ctx.events()
          .on(
              new RunEvent.Warning(
                  step.id(),
                  table
                      + "."
                      + c.column()
                      + " - "
                      + c.count()
                      + (c.count() == 1 ? " value" : " values")
                      + " could not be masked and "
                      + (policy == OnValueError.SKIP
                          ? (c.count() == 1 ? "was" : "were")
                              + " left as "
                              + (c.count() == 1 ? "it was" : "they were")
                          : (c.count() == 1 ? "was" : "were") + " written as NULL")
                      + " (--on-value-error "
                      + policy.json()
                      + "): "
                      + c.reason()
                      + "; first rows with key "
                      + String.join(", ", c.sampleKeys())));
    }
  }

  static void begin(TaskCheckpoint cp, StepContext ctx, String table, String status) {
    try (Connection c = ctx.pool().connection()) {
      cp.begin(c, status);
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e, "; the progress table could not be written");
    }
  }

  static void end(TaskCheckpoint cp, StepContext ctx, String table, RunStatus s) {
    if (cp == null) {
      return;
    }
    try (Connection c = ctx.pool().connection()) {
      cp.end(c, s);
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e, "; the progress table could not be written");
    }
  }
}
