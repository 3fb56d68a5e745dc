package dev.guise.exec;

import dev.guise.db.Dialect;
import dev.guise.plan.MaskTableStep;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code mask_table} in place: rows read from the table on one connection, masked, and written back
 * and committed batch by batch on another.
 */
final class MaskTableStepRunner implements StepRunner<MaskTableStep> {
  @Override
  public RunStatus run(MaskTableStep step, StepContext ctx) {
    Dialect d = ctx.pool().dialect();
    String table = step.table().ref().toString();
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
            ctx.options().showOriginals());
    TablePipeline pipeline =
        new TablePipeline(
            step.id(), step.describe(), table, ctx.options(), ctx.cancellation(), ctx.events());
    RunStatus s;
    try (JdbcRowSink sink = sink(step, ctx, d, layout, table);
        JdbcRowSource source =
            new JdbcRowSource(
                ctx.pool().connection(),
                d,
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
      s = pipeline.run(source, masker, sink, shufflePass);
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
    // stopped because another task failed: this one did not run to its end, and was not cancelled
    return s == RunStatus.CANCELLED && !ctx.cancellation().cancelledByUser()
        ? RunStatus.SKIPPED
        : s;
  }

  private static JdbcRowSink sink(
      MaskTableStep step, StepContext ctx, Dialect d, RowLayout layout, String table)
      throws SQLException {
    var c = ctx.pool().connection();
    try {
      return new JdbcRowSink(
          c,
          ctx.options().dryRun() ? null : d.writeBack(c, step.table(), step.key(), step.written()),
          step.written(),
          layout.keySize,
          table);
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
