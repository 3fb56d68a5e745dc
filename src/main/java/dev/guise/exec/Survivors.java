package dev.guise.exec;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.BatchQuery;
import dev.guise.db.ConnectionPool;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.secret.RunKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Reads a masked table back (keyset reads, one batch in memory) and counts, per column, the values
 * whose fingerprint is among the originals' that the run kept ({@link OriginalPrints}): in the same
 * row (key and value) and in any row (the value alone). Values are never kept nor shown.
 */
public final class Survivors {
  private Survivors() {}

  /** What {@link #count} looks the fingerprints up in, per column. */
  public record ColumnLookup(String column, LongPredicate sameRow, LongPredicate anyRow) {}

  /** A column's counts: non-null values read, and those that equal an original. */
  public record ColumnCount(String column, long values, long sameRow, long anyRow) {}

  /**
   * @param table the table as the ruleset names it
   * @param key the task's key columns
   */
  public static List<ColumnCount> count(
      ConnectionPool pool,
      RunKey runKey,
      String table,
      List<String> key,
      List<ColumnLookup> columns,
      int batchSize) {
    TableInfo info = new LiveSchema(pool).lookup(table).asOptional().orElse(null);
    if (info == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "connection '"
              + pool.config().name()
              + "' - table "
              + table
              + " that the run masked does not exist; check the connection (-c)");
    }
    List<ColumnInfo> keyCols = resolve(info, key);
    List<ColumnInfo> read = resolve(info, columns.stream().map(ColumnLookup::column).toList());
    List<ColumnInfo> layout = new ArrayList<>(keyCols);
    layout.addAll(read);
    BatchQuery q =
        new BatchQuery(
            info.ref(),
            keyCols.stream().map(ColumnInfo::name).toList(),
            read.stream().map(ColumnInfo::name).toList(),
            List.of(),
            List.of(),
            null,
            keyCols.stream().filter(ColumnInfo::nullable).map(ColumnInfo::name).toList());
    long[] values = new long[columns.size()];
    long[] same = new long[columns.size()];
    long[] any = new long[columns.size()];
    int nKey = keyCols.size();
    try (JdbcRowSource source =
        new JdbcRowSource(
            pool.connection(), pool.dialect(), q, layout, keyCols, batchSize, table, null)) {
      Object[] after = null;
      while (true) {
        List<Object[]> rows = source.read(after, batchSize);
        for (Object[] row : rows) {
          for (int i = 0; i < columns.size(); i++) {
            Object v = row[nKey + i];
            if (v == null) {
              continue;
            }
            values[i]++;
            String scope = OriginalPrints.scope(table, columns.get(i).column());
            if (columns
                .get(i)
                .sameRow()
                .test(OriginalPrints.sameRow(runKey, scope, row, nKey, v))) {
              same[i]++;
            }
            if (columns.get(i).anyRow().test(OriginalPrints.anyRow(runKey, scope, v))) {
              any[i]++;
            }
          }
        }
        if (rows.size() < batchSize) {
          break;
        }
        after = java.util.Arrays.copyOf(rows.get(rows.size() - 1), nKey);
      }
    }
    List<ColumnCount> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(new ColumnCount(columns.get(i).column(), values[i], same[i], any[i]));
    }
    return out;
  }

  private static List<ColumnInfo> resolve(TableInfo info, List<String> names) {
    List<ColumnInfo> out = new ArrayList<>();
    for (String n : names) {
      out.add(
          info.column(n)
              .orElseThrow(
                  () ->
                      new GuiseException(
                          ErrorCode.INVALID_CONFIGURATION,
                          info.ref()
                              + "."
                              + n
                              + " - the run masked this column but it does not exist now;"
                              + " verify against the database the run masked")));
    }
    return out;
  }
}
