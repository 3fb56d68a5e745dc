package dev.guise.plan;

import dev.guise.ruleset.MaskUniqueKeyTask;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans {@code mask_unique_key}: the key must be the table's primary key or a unique key; each of
 * its columns becomes one key rewrite (the column, every column whose foreign key references it,
 * and the declared {@code additional_cascades}), which is what a unique mask on a key column in
 * {@code mask_table} plans into. A composite key is rewritten column by column: each column's
 * mapping is a bijection on its own values, so the key's tuples stay distinct too.
 */
public final class MaskUniqueKeyPlanner {
  private MaskUniqueKeyPlanner() {}

  public static Step plan(MaskUniqueKeyTask task, String id, PlanContext ctx) {
    TableInfo t = ctx.table(task.table(), task.location().toString());
    if (t == null) {
      return null;
    }
    List<String> key = new ArrayList<>();
    for (String k : task.key()) {
      ctx.column(t, k, task.location().toString()).ifPresent(c -> key.add(c.name()));
    }
    if (key.size() == task.key().size() && !key.isEmpty() && !t.isUniqueKey(key)) {
      ctx.diagnostics()
          .error(
              "key-not-unique",
              t.ref() + "." + String.join(",", key),
              "mask_unique_key masks a primary key or unique key, and these columns are neither;"
                  + " name the table's primary key or the columns of one of its unique indexes"
                  + " (task at "
                  + task.location()
                  + ")");
      return null;
    }
    Map<String, List<KeyRewriteStep.KeyColumn>> declared = new LinkedHashMap<>();
    for (MaskUniqueKeyTask.Cascade c : task.cascades()) {
      String where = c.location().toString();
      TableInfo to = ctx.table(c.table(), where);
      if (to == null) {
        continue;
      }
      for (int i = 0; i < c.sourceColumns().size(); i++) {
        Optional<ColumnInfo> source = ctx.column(t, c.sourceColumns().get(i), where);
        Optional<ColumnInfo> target = ctx.column(to, c.targetColumns().get(i), where);
        if (source.isEmpty() || target.isEmpty()) {
          continue;
        }
        if (!key.contains(source.get().name())) {
          ctx.diagnostics()
              .error(
                  "bad-cascade",
                  t.ref() + "." + source.get().name(),
                  "is named in source_columns but is not a column of the task's key ("
                      + String.join(", ", key)
                      + "); a cascade carries the key's new values (cascade at "
                      + where
                      + ")");
          continue;
        }
        declared
            .computeIfAbsent(source.get().name(), k -> new ArrayList<>())
            .add(new KeyRewriteStep.KeyColumn(to, target.get()));
      }
    }
    return MaskTablePlanner.plan(task.asMaskTable(), task, id, ctx, declared);
  }
}
