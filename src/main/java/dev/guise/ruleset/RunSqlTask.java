package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;

/**
 * {@code run_sql}: the user's SQL, possibly several statements; skipped in a dry run.
 *
 * @param always run it even after a failure or a cancel (a Guise extension)
 */
public record RunSqlTask(String sql, String sqlFile, boolean always, Location location)
    implements Task {
  public static final String TYPE = "run_sql";

  public static RunSqlTask read(YNode.YMap map, TaskReading ctx) {
    MapFields f = ctx.fields(map, TYPE, "sql", "sql_file", "always");
    String sql = f.string("sql", false);
    String sqlFile = f.string("sql_file", false);
    if ((sql == null) == (sqlFile == null)) {
      ctx.diagnostics()
          .error("missing-key", map.location(), "run_sql needs exactly one of 'sql' or 'sql_file'");
    }
    return new RunSqlTask(sql, sqlFile, Boolean.TRUE.equals(f.bool("always")), map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
