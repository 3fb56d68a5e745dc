package dev.guise.plan;

import dev.guise.db.ColumnInfo;
import dev.guise.db.TableInfo;
import dev.guise.ruleset.MaskTableTask;
import java.util.List;

/**
 * A {@code mask_table} task resolved against the table.
 *
 * @param key the key columns (real names)
 * @param read every other column the rules need, in select order after the key
 * @param written the columns written back, in order (one per distinct rule column)
 */
public record MaskTableStep(
    String id,
    MaskTableTask task,
    TableInfo table,
    List<ColumnInfo> key,
    List<ColumnInfo> read,
    List<ColumnInfo> written,
    List<PlannedRule> rules)
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
        + (task.where() == null ? "" : " where " + task.where());
  }
}
