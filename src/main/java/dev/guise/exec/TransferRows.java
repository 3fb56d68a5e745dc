package dev.guise.exec;

import dev.guise.db.RawRows;
import dev.guise.plan.MaskTableStep;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
   * The source's reader of whole rows in its bulk format for a target of its own engine ({@link
   * RawRows}), or null for the JDBC read. The key and every column a rule reads or writes are
   * decoded; the others pass through unchanged when each goes into a target column of the very same
   * type, the task joins no other table, and the engine can decode the rest exactly.
   *
   * @param step the task as planned (the columns its rules read)
   * @param columns the whole row's columns, in order
   */
  static RawRows raw(MaskTableStep step, List<ColumnInfo> columns, StepContext ctx) {
    if (!step.joins().isEmpty() || !step.joined().isEmpty()) {
      return null;
    }
    Set<String> needed = new HashSet<>();
    for (List<ColumnInfo> l : List.of(step.key(), step.read(), step.written())) {
      l.forEach(c -> needed.add(c.name()));
    }
    TableInfo target = ctx.transfer().target(step.id());
    boolean[] decode = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo c = columns.get(i);
      ColumnInfo t = TransferColumns.targetColumn(target, c.name());
      decode[i] = needed.contains(c.name());
      if (!decode[i] && !TransferColumns.sameType(c, t)) {
        return null;
      }
    }
    return ctx.transfer().source().dialect().rawRows(columns, decode, ctx.pool().dialect());
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
