package dev.guise.exec;

import dev.guise.plan.MaskTableStep;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a source → target run: a table task reads every column of the source table (key
 * first, then the others in table order) and its sink inserts the whole rows into the target table,
 * with the same checkpoints as a run in place.
 */
final class TransferRows {
  private TransferRows() {}

  /** The step reading every column of its table, not only those the rules need. */
  static MaskTableStep wholeRows(MaskTableStep step) {
    List<ColumnInfo> others = new ArrayList<>();
    for (ColumnInfo c : step.table().columns()) {
      if (step.key().stream().noneMatch(k -> k.name().equals(c.name()))) {
        others.add(c);
      }
    }
    return new MaskTableStep(
        step.id(),
        step.task(),
        step.table(),
        step.key(),
        List.copyOf(others),
        step.joins(),
        step.joined(),
        step.written(),
        step.rules(),
        step.references());
  }

  /** The target table's columns in the order of a whole row of {@code step}. */
  static List<ColumnInfo> targetColumns(MaskTableStep step, TableInfo target) {
    List<ColumnInfo> out = new ArrayList<>();
    for (ColumnInfo c : step.key()) {
      out.add(TransferColumns.targetColumn(target, c.name()));
    }
    for (ColumnInfo c : step.read()) {
      out.add(TransferColumns.targetColumn(target, c.name()));
    }
    return out;
  }

  /**
   * Inserts whole rows into the step's target table on a connection of the run's pool (the target),
   * each batch with its checkpoint; in a dry run it writes nothing. A writer that falls back from
   * the engine's bulk load (a server refusing LOAD DATA LOCAL) is warned of once per table.
   */
  static JdbcRowSink sink(
      MaskTableStep step,
      StepContext ctx,
      String table,
      TaskCheckpoint checkpoint,
      long batchesBefore)
      throws SQLException {
    TableInfo target = ctx.transfer().target(step.id());
    List<ColumnInfo> columns = targetColumns(step, target);
    int keySize = step.key().size();
    return MaskTableStepRunner.sinkOn(
        ctx,
        c -> {
          dev.guise.db.WriteBack w = ctx.pool().dialect().insertInto(c, target.ref(), columns);
          if (w.fallback() != null) {
            ctx.events().on(new RunEvent.Warning(step.id(), w.fallback()));
          }
          return w;
        },
        columns.subList(keySize, columns.size()),
        keySize,
        table,
        checkpoint,
        batchesBefore);
  }
}
