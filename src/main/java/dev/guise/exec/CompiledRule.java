package dev.guise.exec;

import dev.guise.mask.SecureShuffleMask;
import dev.guise.plan.PlannedRule;
import dev.guise.schema.RowView;
import dev.guise.secret.SeedEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A rule with its column positions resolved once per task. */
final class CompiledRule {
  final PlannedRule planned;
  final int columnIndex;
  final int[] hashIdx;
  final byte[] ruleId;
  final SecureShuffleMask shuffle;
  final int[] groupIdx;

  /** secure_shuffle: the permuted values per group, and how many each group has handed out. */
  final Map<List<Object>, List<Object>> shuffled = new HashMap<>();

  final Map<List<Object>, Integer> handedOut = new HashMap<>();

  CompiledRule(PlannedRule planned, int ruleIndex, RowLayout index) {
    this.planned = planned;
    this.shuffle = planned.pipeline().shuffle();
    List<String> groups = shuffle == null ? List.of() : shuffle.groups();
    this.groupIdx = new int[groups.size()];
    for (int i = 0; i < groups.size(); i++) {
      groupIdx[i] = index.position(groups.get(i));
    }
    this.columnIndex = index.position(planned.column().name());
    List<String> hash = planned.hashColumnNames();
    this.hashIdx = new int[hash.size()];
    for (int i = 0; i < hash.size(); i++) {
      hashIdx[i] = index.position(hash.get(i));
    }
    this.ruleId =
        new SeedEncoder()
            .add(ruleIndex)
            .add(planned.rule().column().toLowerCase(Locale.ROOT))
            .toBytes();
  }

  boolean applies(Object original, RowView view) {
    return !planned.skips(original) && (planned.guard() == null || planned.guard().test(view));
  }

  List<Object> group(Object[] row) {
    List<Object> g = new ArrayList<>(groupIdx.length);
    for (int i : groupIdx) {
      g.add(row[i]);
    }
    return g;
  }

  /** The shuffled value for the next row of this row's group, in key order. */
  Object nextShuffled(Object[] row) {
    List<Object> g = group(row);
    int n = handedOut.merge(g, 1, Integer::sum) - 1;
    List<Object> values = shuffled.get(g);
    if (values == null || n >= values.size()) {
      throw new IllegalStateException(
          "the table changed between secure_shuffle's two passes; run again when it is quiet");
    }
    return values.get(n);
  }

  /**
   * With hash columns: only their (normalised) values, so equal inputs mask equally anywhere.
   * Without: the table as the ruleset names it, the row's key and the rule, so a run is
   * reproducible whatever the engine, batch size or worker count.
   */
  byte[] seedMaterial(Object[] row, String tableSeed, int nKey) {
    SeedEncoder e = new SeedEncoder();
    if (hashIdx.length == 0) {
      e.add("row").add(tableSeed);
      for (int i = 0; i < nKey; i++) {
        e.add(row[i]);
      }
      byte[] head = e.toBytes();
      byte[] out = Arrays.copyOf(head, head.length + ruleId.length);
      System.arraycopy(ruleId, 0, out, head.length, ruleId.length);
      return out;
    }
    e.add("hash");
    for (int i = 0; i < hashIdx.length; i++) {
      e.add(planned.hashInput(i, row[hashIdx[i]]));
    }
    return e.toBytes();
  }
}
