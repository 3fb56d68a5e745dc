package dev.guise.plan;

import dev.guise.mask.Pipeline;
import dev.guise.ruleset.Condition;
import dev.guise.ruleset.HashColumn;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.SkipValue;
import dev.guise.schema.ColumnInfo;
import java.util.List;

/**
 * A rule resolved against its table.
 *
 * @param pipeline the rule's masks, built
 * @param column the column it masks
 * @param hashColumns the effective hash columns (task or rule level); empty: seeded per row
 * @param skip the effective skip list
 * @param guard the condition under which the rule applies, tested on the row's original values;
 *     null when it always applies
 */
public record PlannedRule(
    Rule rule,
    Pipeline pipeline,
    ColumnInfo column,
    List<HashColumn> hashColumns,
    List<SkipValue> skip,
    Condition guard) {

  /** The hash columns as the ruleset names them, in order. */
  public List<String> hashColumnNames() {
    return hashColumns.stream().map(HashColumn::column).toList();
  }

  /** The i-th hash column's value as it seeds the mask (normalised as the ruleset asks). */
  public Object hashInput(int i, Object value) {
    return hashColumns.get(i).normalise(value);
  }

  public boolean skips(Object value) {
    for (SkipValue s : skip) {
      if (s.skips(value)) {
        return true;
      }
    }
    return false;
  }
}
