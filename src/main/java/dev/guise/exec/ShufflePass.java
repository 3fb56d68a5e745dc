package dev.guise.exec;

import dev.guise.schema.RowView;
import dev.guise.secret.Rng;
import dev.guise.secret.RunKey;
import dev.guise.secret.SeedEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

/**
 * secure_shuffle's first pass: reads the rows the task will visit, in key order, collects each
 * shuffled column's values by group (those the rule would mask), and permutes every group with a
 * Fisher-Yates shuffle keyed by the run secret, the table, the mask and the group.
 */
final class ShufflePass {
  private ShufflePass() {}

  /**
   * @param limit rows the next batch may hold after the given number of rows; 0 when done
   */
  static void run(
      List<CompiledRule> shuffles,
      RowLayout layout,
      RowSource source,
      LongToIntFunction limit,
      RunKey key,
      String tableSeed) {
    long done = 0;
    Object[] lastKey = null;
    while (true) {
      int n = limit.applyAsInt(done);
      if (n <= 0) {
        break;
      }
      List<Object[]> rows = source.read(lastKey, n);
      for (Object[] row : rows) {
        RowView view = layout.view(row);
        for (CompiledRule r : shuffles) {
          if (r.applies(row[r.columnIndex], view)) {
            r.shuffled
                .computeIfAbsent(r.group(row), g -> new ArrayList<>())
                .add(row[r.columnIndex]);
          }
        }
      }
      done += rows.size();
      if (rows.size() < n) {
        break;
      }
      lastKey = Arrays.copyOf(rows.get(rows.size() - 1), layout.keySize);
    }
    for (CompiledRule r : shuffles) {
      byte[] digest = r.planned.pipeline().masks().get(0).digest();
      for (Map.Entry<List<Object>, List<Object>> e : r.shuffled.entrySet()) {
        SeedEncoder seed = new SeedEncoder().add("shuffle").add(tableSeed);
        seed.addAll(e.getKey());
        Rng rng = key.rng(digest, seed.toBytes());
        List<Object> v = e.getValue();
        for (int i = v.size() - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          Object t = v.get(i);
          v.set(i, v.get(j));
          v.set(j, t);
        }
      }
    }
  }
}
