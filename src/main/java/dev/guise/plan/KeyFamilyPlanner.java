package dev.guise.plan;

import dev.guise.mask.Pipeline;
import dev.guise.mask.UniqueMask;
import dev.guise.ruleset.Task;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableInfo;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a unique mask on a key column: walks the foreign keys that reference the column, and the
 * ones that reference those columns in turn (a grandchild through a composite key), and claims
 * every column reached for the rule, so that an explicit rule on one of them is refused.
 */
final class KeyFamilyPlanner {
  private KeyFamilyPlanner() {}

  /** The pipeline's mask when the pipeline is exactly one unique mask; else null. */
  static UniqueMask uniqueMask(Pipeline p) {
    return p.masks().size() == 1 && p.masks().get(0).mask() instanceof UniqueMask u ? u : null;
  }

  /** True when the column is part of a primary or unique key, or a foreign key references it. */
  static boolean isKeyColumn(TableInfo t, ColumnInfo c, PlanContext ctx) {
    for (List<String> k : t.uniqueKeys()) {
      if (k.contains(c.name())) {
        return true;
      }
    }
    return ctx.referencing(t.ref()).stream().anyMatch(f -> f.parentColumns().contains(c.name()));
  }

  static KeyRewriteStep plan(
      String id,
      Task task,
      TableInfo t,
      PlannedRule rule,
      UniqueMask mask,
      List<KeyRewriteStep.KeyColumn> declared,
      PlanContext ctx) {
    List<KeyRewriteStep.KeyColumn> columns = new ArrayList<>();
    List<ForeignKey> fks = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> seenFk = new HashSet<>();
    Deque<KeyRewriteStep.KeyColumn> todo = new ArrayDeque<>();
    KeyRewriteStep.KeyColumn root = new KeyRewriteStep.KeyColumn(t, rule.column());
    todo.add(root);
    seen.add(root.toString());
    // columns the ruleset says hold the key's values without a foreign key (additional_cascades)
    for (KeyRewriteStep.KeyColumn d : declared) {
      if (seen.add(d.toString())) {
        todo.add(d);
      }
    }
    String where = rule.rule().location().toString();
    while (!todo.isEmpty()) {
      KeyRewriteStep.KeyColumn k = todo.poll();
      columns.add(k);
      OutputFit.check(k.table().ref().toString(), k.column(), rule.pipeline(), ctx.diagnostics());
      for (ForeignKey fk : ctx.referencing(k.table().ref())) {
        String childColumn = fk.childColumnFor(k.column().name());
        if (childColumn == null) {
          continue;
        }
        if (seenFk.add(fk.child() + "." + fk.name())) {
          fks.add(fk);
        }
        Optional<TableInfo> child = ctx.table(fk.child());
        Optional<ColumnInfo> col = child.flatMap(c -> c.column(childColumn));
        if (col.isEmpty()) {
          ctx.diagnostics()
              .error(
                  "unknown-table",
                  fk.child() + "." + childColumn,
                  "references "
                      + k
                      + " (foreign key "
                      + fk.name()
                      + ") but cannot be read; grant the run's user access to it (rule at "
                      + where
                      + ")");
          continue;
        }
        KeyRewriteStep.KeyColumn next = new KeyRewriteStep.KeyColumn(child.get(), col.get());
        if (seen.add(next.toString())) {
          todo.add(next);
        }
      }
    }
    for (KeyRewriteStep.KeyColumn k : columns) {
      ctx.claimKeyColumn(k, root, rule);
    }
    return new KeyRewriteStep(id, task, rule, ranged(mask, columns), columns, fks);
  }

  /** The mask kept inside the narrowest integer type of the family (every column holds it). */
  private static UniqueMask ranged(UniqueMask mask, List<KeyRewriteStep.KeyColumn> columns) {
    BigInteger min = null;
    BigInteger max = null;
    for (KeyRewriteStep.KeyColumn k : columns) {
      BigInteger[] r = k.column().integerRange();
      if (r != null) {
        min = min == null ? r[0] : min.max(r[0]);
        max = max == null ? r[1] : max.min(r[1]);
      }
    }
    return min == null ? mask : mask.withIntegerRange(min, max);
  }
}
