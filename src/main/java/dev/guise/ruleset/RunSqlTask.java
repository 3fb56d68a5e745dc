package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;

/** {@code run_sql}: the user's SQL, possibly several statements; skipped in a dry run. */
public record RunSqlTask(String sql, String sqlFile, Location location) implements Task {
  public static final String TYPE = "run_sql";

  public static RunSqlTask read(YNode.YMap map, TaskReading ctx) {
    MapFields f = ctx.fields(map, TYPE, "sql", "sql_file");
    String sql = f.string("sql", false);
    String sqlFile = f.string("sql_file", false);
    if ((sql == null) == (sqlFile == null)) {
      ctx.diagnostics()
          .error("missing-key", map.location(), "run_sql needs exactly one of 'sql' or 'sql_file'");
    }
    return new RunSqlTask(sql, sqlFile, map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
