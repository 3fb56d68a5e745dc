package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;

/** {@code truncate_table}: deletes every row; skipped in a dry run. */
public record TruncateTableTask(String table, Location location) implements Task {
  public static final String TYPE = "truncate_table";

  public static TruncateTableTask read(YNode.YMap map, TaskReading ctx) {
    return new TruncateTableTask(
        ctx.fields(map, TYPE, "table").string("table", true), map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String target() {
    return table;
  }
}
