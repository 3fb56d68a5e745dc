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
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Reads a masked table back (keyset reads, one batch in memory) and counts, per column, the values
 * whose fingerprint is among the originals' that the run kept ({@link OriginalPrints}): in the same
 * row (key and value) and in any row (the value alone). Values are never kept nor shown.
 */
public final class Survivors {
  private Survivors() {}

  /** What {@link #count} looks the fingerprints up in, per column: one entry per version. */
  public record ColumnLookup(String column, List<Prints> prints) {}

  /** A column's fingerprints of one version ({@link PrintScheme}), as lookups. */
  public record Prints(int version, LongPredicate sameRow, LongPredicate anyRow) {}

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
    Map<Integer, PrintScheme> schemes = new TreeMap<>();
    List<PrintScheme.Scope> scopes = new ArrayList<>();
    for (ColumnLookup c : columns) {
      scopes.add(PrintScheme.Scope.of(table, c.column()));
      for (Prints p : c.prints()) {
        if (!PrintScheme.known(p.version())) {
          throw new GuiseException(
              ErrorCode.INVALID_CONFIGURATION,
              table
                  + "."
                  + c.column()
                  + " - the run kept fingerprints of version "
                  + p.version()
                  + ", which this guise does not know; verify with the release that ran it");
        }
        schemes.computeIfAbsent(p.version(), v -> PrintScheme.of(v, runKey));
      }
    }
    try (JdbcRowSource source =
        new JdbcRowSource(
            pool.connection(), pool.dialect(), q, layout, keyCols, batchSize, table, null)) {
      Object[] after = null;
      while (true) {
        List<Object[]> rows = source.read(after, batchSize);
        for (Object[] row : rows) {
          for (PrintScheme scheme : schemes.values()) {
            scheme.row(row, nKey);
          }
          for (int i = 0; i < columns.size(); i++) {
            Object v = row[nKey + i];
            if (v == null) {
              continue;
            }
            values[i]++;
            boolean inSame = false;
            boolean inAny = false;
            for (Prints p : columns.get(i).prints()) {
              PrintScheme scheme = schemes.get(p.version());
              inSame |= p.sameRow().test(scheme.sameRow(scopes.get(i), v));
              inAny |= p.anyRow().test(scheme.anyRow(scopes.get(i), v));
            }
            same[i] += inSame ? 1 : 0;
            any[i] += inAny ? 1 : 0;
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
