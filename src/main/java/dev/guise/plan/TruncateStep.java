package dev.guise.plan;

import dev.guise.ruleset.TruncateTableTask;
import dev.guise.schema.TableInfo;

/** {@code truncate_table} resolved to its table. */
public record TruncateStep(String id, TruncateTableTask task, TableInfo table) implements Step {
  public static TruncateStep plan(TruncateTableTask t, String id, PlanContext ctx) {
    TableInfo info = ctx.table(t.table(), t.location().toString());
    return info == null ? null : new TruncateStep(id, t, info);
  }

  @Override
  public String describe() {
    return "truncate_table " + table.ref();
  }
}
