package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;

/**
 * {@code build_temp_table}: creates a table from a SELECT for later tasks (a lookup); dropped when
 * the run ends, also when it fails. Skipped in a dry run. The name is a plain identifier used
 * unquoted, so raw SQL of the ruleset ({@code where}, {@code run_sql}) finds it as written.
 */
public record BuildTempTableTask(String table, String sqlSelect, Location location)
    implements Task {
  public static final String TYPE = "build_temp_table";

  public static BuildTempTableTask read(YNode.YMap map, TaskReading ctx) {
    MapFields f = ctx.fields(map, TYPE, "table", "sql_select", "select");
    String table = f.string("table", true);
    if (table != null && !table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      ctx.diagnostics()
          .error(
              "invalid-parameter",
              f.locationOf("table"),
              "build_temp_table's table '"
                  + table
                  + "' must be a plain name (letters, digits, _)"
                  + " so that SQL in the ruleset finds it unquoted");
    }
    String select = f.string("sql_select", false);
    String alias = f.string("select", false);
    if ((select == null) == (alias == null)) {
      ctx.diagnostics()
          .error(
              "missing-key",
              map.location(),
              "build_temp_table needs exactly one of 'sql_select' or 'select'");
    }
    return new BuildTempTableTask(table, select != null ? select : alias, map.location());
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
