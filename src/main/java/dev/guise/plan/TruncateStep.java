package dev.guise.plan;

import dev.guise.ruleset.TruncateTableTask;
import dev.guise.schema.TableInfo;

/** {@code truncate_table} resolved to its table. */
public record TruncateStep(String id, TruncateTableTask task, TableInfo table) implements Step {
  @Override
  public String describe() {
    return "truncate_table " + table.ref();
  }
}
