package dev.guise.ruleset;

import dev.guise.yaml.Location;

/** {@code run_sql}: the user's SQL, possibly several statements; skipped in a dry run. */
public record RunSqlTask(String sql, String sqlFile, Location location) implements Task {
  public static final String TYPE = "run_sql";

  @Override
  public String type() {
    return TYPE;
  }
}
