package dev.guise.exec;

import dev.guise.db.Dialect;
import dev.guise.plan.MaskTableStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code mask_table} in place: rows read from the table on one connection, masked, and written back
 * and committed batch by batch on another, each batch with its checkpoint. A resumed run skips a
 * task its original run finished and restarts one after its last committed key.
 */
final class MaskTableStepRunner implements StepRunner<MaskTableStep> {
  @Override
  public RunStatus run(MaskTableStep step, StepContext ctx) {
    Dialect d = ctx.pool().dialect();
    String table = step.table().ref().toString();
    TaskCheckpoint checkpoint =
        ctx.checkpoints().enabled() && !ctx.options().dryRun()
            ? new TaskCheckpoint(ctx.checkpoints(), step.id(), table, ctx.clock())
            : null;
    if (checkpoint != null
        && checkpoint.previous() != null
        && RunStatus.FINISHED.json().equals(checkpoint.previous().status())) {
      begin(checkpoint, ctx, table, RunStatus.FINISHED.json());
      ctx.events()
          .on(
              new RunEvent.Note(
                  step.id(),
                  table + ": finished by run " + ctx.checkpoints().resumedFrom() + ", skipped"));
      return RunStatus.FINISHED;
    }
    TablePipeline.Start start =
        checkpoint == null ? TablePipeline.Start.BEGINNING : checkpoint.start(step.key());
    if (start.afterKey() != null
        && step.rules().stream().anyMatch(r -> r.pipeline().shuffle() != null)) {
      // the permutation is drawn from the column's original values, part of which are masked now
      throw new TaskFailure(
          table
              + " - secure_shuffle cannot continue a table part-way: "
              + start.counts().updated()
              + " rows are already shuffled and its first pass needs the original column; restore"
              + " the table (or its column) from its source and run the task again",
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
      RunStatus s = mask(step, ctx, d, table, checkpoint, start);
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

  private static RunStatus mask(
      MaskTableStep step,
      StepContext ctx,
      Dialect d,
      String table,
      TaskCheckpoint checkpoint,
      TablePipeline.Start start) {
    Transfer transfer = ctx.transfer();
    if (transfer != null) {
      // every column is read, so that whole rows reach the target
      step = TransferRows.wholeRows(step);
    }
    String tableSeed = step.task().table().toLowerCase(Locale.ROOT);
    RowLayout layout = new RowLayout(step, tableSeed);
    RowMasker masker =
        new RowMasker(
            layout,
            step.rules(),
            ctx.key(),
            ctx.runStart(),
            table,
            tableSeed,
            ctx.options().sampleRows(),
            ctx.options().showOriginals(),
            ctx.options().onValueError());
    TablePipeline pipeline =
        new TablePipeline(
            step.id(), step.describe(), table, ctx.options(), ctx.cancellation(), ctx.events());
    if (transfer != null) {
      pipeline.wholeRows(step.key().size() + step.read().size());
    }
    if (!ctx.options().dryRun()) {
      pipeline.fingerprinting(
          new OriginalPrints(ctx.key(), step.id(), layout, masker.rules(), step.task().table()));
    }
    RunStatus s;
    try (JdbcRowSink sink =
            transfer == null
                ? sink(step, ctx, d, layout, table, checkpoint, start.batches())
                : TransferRows.sink(step, ctx, table, checkpoint, start.batches());
        JdbcRowSource source =
            new JdbcRowSource(
                transfer == null ? ctx.pool().connection() : transfer.source().connection(),
                transfer == null ? d : transfer.source().dialect(),
                ReadQueries.of(step),
                layout.columns,
                step.key(),
                ctx.options().batchSize(),
                table)) {
      List<CompiledRule> shuffles = masker.shuffles();
      Runnable shufflePass =
          shuffles.isEmpty()
              ? () -> {}
              : () ->
                  ShufflePass.run(shuffles, layout, source, pipeline::limit, ctx.key(), tableSeed);
      try {
        s = pipeline.run(source, masker, sink, shufflePass, start);
      } finally {
        // counted whether the task ended or stopped: those values were written (or left) so
        reportValueErrors(step, ctx, table, masker);
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
    // stopped because another task failed: this one did not run to its end, and was not cancelled
    return s == RunStatus.CANCELLED && !ctx.cancellation().cancelledByUser()
        ? RunStatus.SKIPPED
        : s;
  }

  private static void reportValueErrors(
      MaskTableStep step, StepContext ctx, String table, RowMasker masker) {
    RunEvent.ValueErrorsCounted counted =
        masker.valueErrors().event(step.id(), table, masker.onValueError());
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
                      + (masker.onValueError() == OnValueError.SKIP
                          ? (c.count() == 1 ? "was" : "were")
                              + " left as "
                              + (c.count() == 1 ? "it was" : "they were")
                          : (c.count() == 1 ? "was" : "were") + " written as NULL")
                      + " (--on-value-error "
                      + masker.onValueError().json()
                      + "): "
                      + c.reason()
                      + "; first rows with key "
                      + String.join(", ", c.sampleKeys())));
    }
  }

  private static void begin(TaskCheckpoint cp, StepContext ctx, String table, String status) {
    try (Connection c = ctx.pool().connection()) {
      cp.begin(c, status);
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e, "; the progress table could not be written");
    }
  }

  private static void end(TaskCheckpoint cp, StepContext ctx, String table, RunStatus s) {
    if (cp == null) {
      return;
    }
    try (Connection c = ctx.pool().connection()) {
      cp.end(c, s);
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e, "; the progress table could not be written");
    }
  }

  private static JdbcRowSink sink(
      MaskTableStep step,
      StepContext ctx,
      Dialect d,
      RowLayout layout,
      String table,
      TaskCheckpoint checkpoint,
      long batchesBefore)
      throws SQLException {
    return sinkOn(
        ctx,
        c -> d.writeBack(c, step.table(), step.key(), step.written()),
        step.written(),
        layout.keySize,
        table,
        checkpoint,
        batchesBefore);
  }

  /** How a sink's writer is made on its connection. */
  interface Writer {
    dev.guise.db.WriteBack on(Connection c) throws SQLException;
  }

  /**
   * A sink on a connection of its own from the run's pool, writing with {@code writer} (none in a
   * dry run); the connection is closed again when the writer cannot be made.
   */
  static JdbcRowSink sinkOn(
      StepContext ctx,
      Writer writer,
      List<dev.guise.schema.ColumnInfo> written,
      int keySize,
      String table,
      TaskCheckpoint checkpoint,
      long batchesBefore)
      throws SQLException {
    Connection c = ctx.pool().connection();
    try {
      return new JdbcRowSink(
          c,
          ctx.options().dryRun() ? null : writer.on(c),
          written,
          keySize,
          table,
          checkpoint,
          batchesBefore);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public String target(MaskTableStep step) {
    return step.table().ref().toString();
  }
}
