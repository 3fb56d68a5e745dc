package dev.guise.ruleset;

import dev.guise.yaml.Location;

/** {@code truncate_table}: deletes every row; skipped in a dry run. */
public record TruncateTableTask(String table, Location location) implements Task {
  public static final String TYPE = "truncate_table";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String target() {
    return table;
  }
}
