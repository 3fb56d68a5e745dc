package dev.guise.exec;

import dev.guise.secret.RunKey;
import dev.guise.secret.SeedEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyed fingerprints of the original values a table task masks, per batch, for {@code guise
 * verify}: of (row key, value) and of the value alone, under labels of their own in the run key's
 * HMAC, so they match nothing another secret made. A value counts when a rule on its column applies
 * to the row; nulls never do (masks keep them). Used by the masking thread; {@link Survivors}
 * computes the same fingerprints from the values read back.
 */
public final class OriginalPrints {
  static final byte[] SAME_ROW = "guise/verify/v1/same-row".getBytes(StandardCharsets.UTF_8);
  static final byte[] ANY_ROW = "guise/verify/v1/any-row".getBytes(StandardCharsets.UTF_8);

  private final RunKey key;
  private final String taskId;
  private final RowLayout layout;
  private final int keySize;
  private final String table;
  private final List<String> keyNames;
  private final List<Column> columns = new ArrayList<>();

  private record Column(String name, int index, List<CompiledRule> rules, boolean alwaysChanges) {}

  OriginalPrints(
      RunKey key, String taskId, RowLayout layout, List<CompiledRule> rules, String table) {
    this.key = key;
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
                    rs.size() == 1 && rs.get(0).planned.pipeline().alwaysChanges())));
  }

  /** The fingerprints of one batch's originals (the rows as read, before masking). */
  RunEvent.OriginalsFingerprinted of(List<Object[]> rows, long batch) {
    List<RunEvent.ColumnPrints> out = new ArrayList<>(columns.size());
    for (Column c : columns) {
      long[] same = new long[rows.size()];
      long[] any = new long[rows.size()];
      int n = 0;
      for (Object[] row : rows) {
        Object v = row[c.index];
        if (v == null || !applies(c, row)) {
          continue;
        }
        same[n] = sameRow(key, scope(table, c.name), row, keySize, v);
        any[n] = anyRow(key, scope(table, c.name), v);
        n++;
      }
      same = Arrays.copyOf(same, n);
      any = Arrays.copyOf(any, n);
      Arrays.sort(same);
      Arrays.sort(any);
      out.add(new RunEvent.ColumnPrints(c.name, c.alwaysChanges, same, any));
    }
    return new RunEvent.OriginalsFingerprinted(taskId, table, keyNames, batch, out);
  }

  private boolean applies(Column c, Object[] row) {
    for (CompiledRule r : c.rules) {
      if (r.applies(row[c.index], layout.view(row))) {
        return true;
      }
    }
    return false;
  }

  /** The column a fingerprint belongs to: equal values of two columns print differently. */
  static String scope(String table, String column) {
    return table + "\0" + column;
  }

  static long sameRow(RunKey key, String scope, Object[] row, int keySize, Object value) {
    SeedEncoder e = new SeedEncoder().add(scope);
    for (int i = 0; i < keySize; i++) {
      e.add(row[i]);
    }
    return key.fingerprint64(SAME_ROW, e.add(value).toBytes());
  }

  static long anyRow(RunKey key, String scope, Object value) {
    return key.fingerprint64(ANY_ROW, new SeedEncoder().add(scope).add(value).toBytes());
  }
}
