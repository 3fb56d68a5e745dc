package dev.guise.exec;

import dev.guise.mask.MaskContext;
import dev.guise.plan.PlannedRule;
import dev.guise.schema.RowView;
import dev.guise.secret.RunKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the rows of one table task: compiled rules over a {@link RowLayout}. Knows nothing of where
 * rows come from or go: it takes rows as the layout orders them and returns, per masked row, the
 * key followed by the written columns' new values. Used by one thread at a time.
 */
final class RowMasker {
  private final RowLayout layout;
  private final List<CompiledRule> rules = new ArrayList<>();
  private final RunKey key;
  private final Instant runStart;
  private final String table;
  private final String tableSeed;
  private final int sampleRows;
  private final boolean showOriginals;
  private final List<Map<String, Object>> sample = new ArrayList<>();
  private final OnValueError onValueError;
  private final ValueErrors valueErrors = new ValueErrors();

  /** The rows of one batch to write, and how many of the batch's rows were masked. */
  record Masked(List<Object[]> rows, long masked) {}

  /**
   * @param table the table for messages, as the dialect names it
   * @param tableSeed the table as the ruleset names it, lower case: part of every row's seed
   */
  RowMasker(
      RowLayout layout,
      List<PlannedRule> planned,
      RunKey key,
      Instant runStart,
      String table,
      String tableSeed,
      int sampleRows,
      boolean showOriginals,
      OnValueError onValueError) {
    this.layout = layout;
    this.onValueError = onValueError;
    for (int r = 0; r < planned.size(); r++) {
      rules.add(new CompiledRule(planned.get(r), r, layout));
    }
    this.key = key;
    this.runStart = runStart;
    this.table = table;
    this.tableSeed = tableSeed;
    this.sampleRows = sampleRows;
    this.showOriginals = showOriginals;
  }

  int keySize() {
    return layout.keySize;
  }

  List<CompiledRule> rules() {
    return rules;
  }

  /** The rules of a secure_shuffle, which needs a first pass over the table before masking. */
  List<CompiledRule> shuffles() {
    return rules.stream().filter(r -> r.shuffle != null).toList();
  }

  /** Masks a batch; rows that every rule skipped are left out. */
  Masked mask(List<Object[]> rows) {
    int nKey = layout.keySize;
    int[] written = layout.written;
    List<Object[]> out = new ArrayList<>(rows.size());
    long masked = 0;
    for (Object[] row : rows) {
      Object[] result = maskRow(row);
      if (result == null) {
        continue;
      }
      masked++;
      Object[] w = new Object[nKey + written.length];
      System.arraycopy(row, 0, w, 0, nKey);
      for (int i = 0; i < written.length; i++) {
        w[nKey + i] = result[written[i]];
      }
      out.add(w);
      if (sample.size() < sampleRows) {
        sample.add(sampleRow(row, result));
      }
    }
    return new Masked(out, masked);
  }

  /** The values masks could not mask that the policy let through, so far. */
  ValueErrors valueErrors() {
    return valueErrors;
  }

  OnValueError onValueError() {
    return onValueError;
  }

  /**
   * Masks a batch into whole rows (a source → target run writes every row, masked or not): each
   * row's first {@code own} columns, the masked values in place of the originals.
   *
   * @param own the table's own columns at the start of the layout (joined ones follow)
   */
  Masked maskWhole(List<Object[]> rows, int own) {
    List<Object[]> out = new ArrayList<>(rows.size());
    long masked = 0;
    for (Object[] row : rows) {
      Object[] result = maskRow(row);
      if (result == null) {
        out.add(row.length == own ? row : Arrays.copyOf(row, own));
        continue;
      }
      masked++;
      out.add(result.length == own ? result : Arrays.copyOf(result, own));
      if (sample.size() < sampleRows) {
        sample.add(sampleRow(row, result));
      }
    }
    return new Masked(out, masked);
  }

  /** Before/after rows of the first rows masked, up to the run's sample size. */
  List<Map<String, Object>> sample() {
    return sample;
  }

  /** Returns the row with masked values, or null when every rule skipped it. */
  private Object[] maskRow(Object[] row) {
    Object[] current = row.clone();
    RowView view = layout.view(row);
    // reads the array that the loop below updates, so a rule sees the rules before it
    RowView maskedView = layout.view(current);
    boolean any = false;
    for (CompiledRule r : rules) {
      // a shuffle decides on the original value, as its first pass did
      Object in = r.shuffle != null ? row[r.columnIndex] : current[r.columnIndex];
      if (!r.applies(in, view)) {
        continue;
      }
      byte[] material = r.seedMaterial(row, tableSeed, layout.keySize);
      MaskContext ctx =
          new MaskContext(digest -> key.rng(digest, material), view, maskedView, key, runStart);
      try {
        current[r.columnIndex] =
            r.shuffle == null
                ? r.planned.pipeline().apply(in, ctx)
                : r.planned.pipeline().apply(r.nextShuffled(row), ctx, 1);
      } catch (RuntimeException e) {
        String reason = TaskFailure.reason(e);
        String rowKey = TaskFailure.key(row, layout.keySize);
        if (onValueError == OnValueError.FAIL || r.shuffle != null) {
          throw new TaskFailure(
              table
                  + "."
                  + r.planned.column().name()
                  + " - masking the row with key "
                  + rowKey
                  + " failed: "
                  + reason
                  + " (rule at "
                  + r.planned.rule().location()
                  + "); fix the value, or run with --on-value-error skip|null to go on and count"
                  + " such values",
              e);
        }
        valueErrors.add(r.planned.column().name(), rowKey, reason);
        if (onValueError == OnValueError.SKIP) {
          continue; // the value stays as the rules before this one left it
        }
        current[r.columnIndex] = null;
      }
      any = true;
    }
    return any ? current : null;
  }

  private Map<String, Object> sampleRow(Object[] row, Object[] result) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < layout.keySize; i++) {
      m.put(layout.columns.get(i).name(), shown(row[i]));
    }
    for (int idx : layout.written) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("before", showOriginals ? shown(row[idx]) : redacted(row[idx]));
      change.put("after", shown(result[idx]));
      m.put(layout.columns.get(idx).name(), change);
    }
    return m;
  }

  /** Bytes are no sight for a reader (JSON would print them as base64): their size stands in. */
  private static Object shown(Object v) {
    return v instanceof byte[] b ? "<" + b.length + (b.length == 1 ? " byte>" : " bytes>") : v;
  }

  private static Object redacted(Object v) {
    return v == null ? null : "<redacted>";
  }
}
