package dev.guise.exec;

import dev.guise.db.BatchQuery;
import dev.guise.plan.MaskTableStep;
import dev.guise.schema.ColumnInfo;

/** The read a table task makes, for the dialect to render: built here so plan needs no db. */
public final class ReadQueries {
  private ReadQueries() {}

  /**
   * The task's rows whose key has no NULL, the user's {@code where} aside: what key ranges and
   * shards cut (ends the connection's transaction).
   */
  public static long keys(java.sql.Connection c, dev.guise.db.Dialect d, MaskTableStep step)
      throws java.sql.SQLException {
    return KeyRanges.countKeys(c, d, of(step));
  }

  public static BatchQuery of(MaskTableStep step) {
    return new BatchQuery(
        step.table().ref(),
        step.key().stream().map(ColumnInfo::name).toList(),
        step.read().stream().map(ColumnInfo::name).toList(),
        step.joins().stream()
            .map(
                j ->
                    new BatchQuery.Join(
                        j.target().ref(),
                        j.targetKey().stream().map(ColumnInfo::name).toList(),
                        j.source().ref(),
                        j.sourceKey().stream().map(ColumnInfo::name).toList()))
            .toList(),
        step.joined().stream()
            .map(c -> new BatchQuery.JoinedColumn(c.join().target().ref(), c.column().name()))
            .toList(),
        step.task().where(),
        step.key().stream().filter(ColumnInfo::nullable).map(ColumnInfo::name).toList());
  }
}
