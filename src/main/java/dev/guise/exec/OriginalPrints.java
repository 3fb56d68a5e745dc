package dev.guise.exec;

import dev.guise.secret.RunKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyed fingerprints of the original values a table task masks, per batch, for {@code guise
 * verify}: of (row key, value) and of the value alone, keyed by the run key ({@link PrintScheme}
 * says how, by version), so they match nothing another secret made. A value counts when a rule on
 * its column applies to the row; nulls never do (masks keep them). Used by the masking thread;
 * {@link Survivors} computes the same fingerprints from the values read back. Used by one thread at
 * a time (the reader of one table pipeline).
 */
public final class OriginalPrints {
  // one pipeline's reader thread computes them, a batch at a time; the scheme reuses its buffers
  private final PrintScheme scheme;
  private final String taskId;
  private final RowLayout layout;
  private final int keySize;
  private final String table;
  private final List<String> keyNames;
  private final List<Column> columns = new ArrayList<>();

  private record Column(
      String name,
      int index,
      List<CompiledRule> rules,
      boolean alwaysChanges,
      PrintScheme.Scope scope) {}

  OriginalPrints(
      RunKey key, String taskId, RowLayout layout, List<CompiledRule> rules, String table) {
    this.scheme = PrintScheme.of(PrintScheme.CURRENT, key);
    this.taskId = taskId;
    this.layout = layout;
    this.keySize = layout.keySize;
    this.table = table;
    this.keyNames = layout.columns.subList(0, keySize).stream().map(c -> c.name()).toList();
    Map<Integer, List<CompiledRule>> byColumn = new LinkedHashMap<>();
    for (CompiledRule r : rules) {
      byColumn.computeIfAbsent(r.columnIndex, i -> new ArrayList<>()).add(r);
    }
    byColumn.forEach(
        (i, rs) ->
            columns.add(
                new Column(
                    layout.columns.get(i).name(),
                    i,
                    rs,
                    // a second rule on the column sees the first's output, not the original
                    rs.size() == 1 && rs.get(0).planned.pipeline().alwaysChanges(),
                    PrintScheme.Scope.of(table, layout.columns.get(i).name()))));
  }

  /** The fingerprints of one batch's originals (the rows as read, before masking). */
  RunEvent.OriginalsFingerprinted of(List<Object[]> rows, long batch) {
    long[][] same = new long[columns.size()][rows.size()];
    long[][] any = new long[columns.size()][rows.size()];
    int[] n = new int[columns.size()];
    for (Object[] row : rows) {
      print(row, same, any, n);
    }
    List<RunEvent.ColumnPrints> out = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      // unsorted: verify sorts each chunk as it reads it, not the run as it masks
      long[] s = Arrays.copyOf(same[c], n[c]);
      long[] a = Arrays.copyOf(any[c], n[c]);
      out.add(new RunEvent.ColumnPrints(columns.get(c).name, columns.get(c).alwaysChanges, s, a));
    }
    return new RunEvent.OriginalsFingerprinted(
        taskId, table, keyNames, batch, PrintScheme.CURRENT, out);
  }

  /**
   * One row's fingerprints, appended per column (a method of its own: the JIT compiles it once).
   */
  private void print(Object[] row, long[][] same, long[][] any, int[] n) {
    boolean started = false;
    for (int c = 0; c < columns.size(); c++) {
      Column col = columns.get(c);
      Object v = row[col.index];
      if (v == null || !applies(col, row)) {
        continue;
      }
      if (!started) {
        scheme.row(row, keySize);
        started = true;
      }
      same[c][n[c]] = scheme.sameRow(col.scope, v);
      any[c][n[c]] = scheme.anyRow(col.scope, v);
      n[c]++;
    }
  }

  private boolean applies(Column c, Object[] row) {
    for (CompiledRule r : c.rules) {
      if (r.applies(row[c.index], layout.view(row))) {
        return true;
      }
    }
    return false;
  }
}
