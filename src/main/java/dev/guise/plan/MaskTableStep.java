package dev.guise.plan;

import dev.guise.ruleset.MaskTableTask;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.util.List;
import java.util.Map;

/**
 * A {@code mask_table} task resolved against the table.
 *
 * @param key the key columns (real names)
 * @param read every other column of the table the rules need, in select order after the key
 * @param joins tables joined for their columns
 * @param joined columns of join targets the rules need, selected after {@code read}
 * @param written the columns written back, in order (one per distinct rule column)
 * @param references every column name the rules read, as the ruleset writes it (quoted or not,
 *     {@code table.column}), to the name the row knows it by: a column's real name, or a {@link
 *     JoinedColumn#reference()}
 */
public record MaskTableStep(
    String id,
    MaskTableTask task,
    TableInfo table,
    List<ColumnInfo> key,
    List<ColumnInfo> read,
    List<PlannedJoin> joins,
    List<JoinedColumn> joined,
    List<ColumnInfo> written,
    List<PlannedRule> rules,
    Map<String, String> references)
    implements Step {

  @Override
  public String describe() {
    return "mask_table "
        + table.ref()
        + " key ("
        + String.join(", ", key.stream().map(ColumnInfo::name).toList())
        + ") "
        + rules.size()
        + (rules.size() == 1 ? " rule" : " rules")
        + (joins.isEmpty()
            ? ""
            : " joining "
                + String.join(", ", joins.stream().map(j -> j.target().ref().toString()).toList()))
        + (task.where() == null ? "" : " where " + task.where());
  }
}
