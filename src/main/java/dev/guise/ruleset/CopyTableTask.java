package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import java.util.List;

/**
 * {@code copy_table}: in a source → target run, copies a table's rows unmasked (a table the target
 * needs, e.g. a parent that foreign keys reference, that holds nothing sensitive).
 *
 * @param table as written, possibly {@code schema.table}
 * @param key the columns rows are read in order of; empty for the primary key
 * @param where raw SQL predicate or null: rows it excludes are not copied
 */
public record CopyTableTask(String table, List<String> key, String where, Location location)
    implements Task {
  public static final String TYPE = "copy_table";

  public static CopyTableTask read(dev.guise.yaml.YNode.YMap map, TaskReading ctx) {
    MapFields f = ctx.fields(map, TYPE, "table", "key", "where");
    String table = f.string("table", true);
    List<String> key = f.has("key") ? f.names("key", false) : List.of();
    return new CopyTableTask(
        table, key == null ? List.of() : key, f.string("where", false), map.location());
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
