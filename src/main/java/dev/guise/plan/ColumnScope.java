package dev.guise.plan;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a task can address: its table's by name or {@code table.column}, and join targets' as
 * {@code target_table.column}. Collects what must be read.
 */
final class ColumnScope {
  final String asWritten;
  final TableInfo table;
  final Map<String, PlannedJoin> joins = new LinkedHashMap<>();
  final Map<String, ColumnInfo> base = new LinkedHashMap<>();
  final Map<String, JoinedColumn> joined = new LinkedHashMap<>();

  private final PlanContext ctx;

  ColumnScope(String asWritten, TableInfo table, PlanContext ctx) {
    this.asWritten = asWritten.toLowerCase(Locale.ROOT);
    this.table = table;
    this.ctx = ctx;
  }

  void read(String name, String where) {
    if (name == null) {
      return;
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0 && table.column(name).isEmpty()) {
      String prefix = name.substring(0, dot).toLowerCase(Locale.ROOT);
      String col = name.substring(dot + 1);
      PlannedJoin j = joins.get(prefix);
      if (j != null) {
        ctx.column(j.target(), col, where)
            .ifPresent(
                c ->
                    joined.putIfAbsent(
                        name.toLowerCase(Locale.ROOT),
                        new JoinedColumn(name.toLowerCase(Locale.ROOT), j, c)));
        return;
      }
      if (prefix.equals(asWritten) || prefix.equalsIgnoreCase(table.ref().name())) {
        ctx.column(table, col, where).ifPresent(c -> base.putIfAbsent(c.name(), c));
        return;
      }
      ctx.diagnostics()
          .error(
              "unknown-column",
              name,
              "names table '"
                  + name.substring(0, dot)
                  + "', which is neither the task's table nor a"
                  + " join target (named at "
                  + where
                  + "); add a join for it");
      return;
    }
    ctx.column(table, name, where).ifPresent(c -> base.putIfAbsent(c.name(), c));
  }
}
