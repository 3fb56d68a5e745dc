package dev.guise.plan;

import dev.guise.ruleset.RunSqlTask;

/** {@code run_sql} with its SQL text loaded. */
public record RunSqlStep(String id, RunSqlTask task, String sql) implements Step {
  @Override
  public String describe() {
    String first = sql.strip().lines().findFirst().orElse("");
    return "run_sql " + (first.length() > 60 ? first.substring(0, 57) + "..." : first);
  }
}
