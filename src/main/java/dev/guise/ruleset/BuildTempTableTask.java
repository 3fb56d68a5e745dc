package dev.guise.ruleset;

import dev.guise.yaml.Location;

/**
 * {@code build_temp_table}: creates a table from a SELECT for later tasks (a lookup); dropped when
 * the run ends, also when it fails. Skipped in a dry run. The name is a plain identifier used
 * unquoted, so raw SQL of the ruleset ({@code where}, {@code run_sql}) finds it as written.
 */
public record BuildTempTableTask(String table, String sqlSelect, Location location)
    implements Task {
  public static final String TYPE = "build_temp_table";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String target() {
    return table;
  }
}
