package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;

/**
 * {@code mask_table}: read rows in key order, run each rule's pipeline, write back keyed on {@code
 * key}.
 *
 * @param table as written, possibly {@code schema.table}
 * @param key one column, or several for a composite key
 * @param hashColumns task-level hash columns; empty when none
 * @param where raw SQL predicate or null
 * @param joins tables joined to read their columns as {@code table.column}; empty when none
 */
public record MaskTableTask(
    String table,
    List<String> key,
    List<RuleItem> rules,
    List<HashColumn> hashColumns,
    String where,
    List<TableJoin> joins,
    Location location)
    implements Task {
  public static final String TYPE = "mask_table";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String target() {
    return table;
  }

  @Override
  public MaskTableTask asMaskTable() {
    return this;
  }
}
