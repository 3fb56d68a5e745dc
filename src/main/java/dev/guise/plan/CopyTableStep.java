package dev.guise.plan;

import dev.guise.ruleset.CopyTableTask;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code copy_table} resolved to its table and the key its rows are read in order of.
 *
 * @param key the task's key, else the primary key, else the first unique key without NULLs
 */
public record CopyTableStep(String id, CopyTableTask task, TableInfo table, List<ColumnInfo> key)
    implements Step {

  public static CopyTableStep plan(CopyTableTask t, String id, PlanContext ctx) {
    String where = t.location().toString();
    TableInfo info = ctx.table(t.table(), where);
    if (info == null) {
      return null;
    }
    List<String> names = !t.key().isEmpty() ? t.key() : defaultKey(info);
    if (names.isEmpty()) {
      ctx.diagnostics()
          .error(
              "no-key",
              info.ref().toString(),
              "has no primary key or unique key to copy its rows in order by (and to resume"
                  + " after); name one as 'key' (task at "
                  + where
                  + ")");
      return null;
    }
    List<ColumnInfo> key = new ArrayList<>();
    for (String k : names) {
      ctx.column(info, k, where).ifPresent(key::add);
    }
    if (key.size() != names.size()) {
      return null;
    }
    if (!info.isUniqueKey(key.stream().map(ColumnInfo::name).toList())) {
      ctx.diagnostics()
          .error(
              "key-not-unique",
              info.ref() + "." + String.join(",", names),
              "the key is neither the primary key nor a unique index, so a resumed copy could"
                  + " skip or repeat rows; name a unique key as 'key' (task at "
                  + where
                  + ")");
      return null;
    }
    if (t.where() != null) {
      String problem = ctx.whereProblem(t.where());
      if (problem != null) {
        ctx.diagnostics()
            .error(
                "unsafe-where",
                t.location(),
                "the where of " + t.table() + " " + problem + "; nothing was run");
        return null;
      }
    }
    return new CopyTableStep(id, t, info, List.copyOf(key));
  }

  private static List<String> defaultKey(TableInfo info) {
    if (!info.primaryKey().isEmpty()) {
      return info.primaryKey();
    }
    for (List<String> k : info.uniqueKeys()) {
      if (k.stream().allMatch(n -> info.column(n).map(c -> !c.nullable()).orElse(false))) {
        return k;
      }
    }
    return List.of();
  }

  @Override
  public String describe() {
    return "copy_table "
        + table.ref()
        + " key ("
        + String.join(", ", key.stream().map(ColumnInfo::name).toList())
        + ")"
        + (task.where() == null ? "" : " where " + task.where());
  }
}
