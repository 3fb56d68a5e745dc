package dev.guise.discovery;

import dev.guise.schema.CatalogColumn;
import dev.guise.schema.TableRef;
import java.util.List;

/**
 * A column discovery flags as sensitive, and why. Never holds a sampled value.
 *
 * @param flaggedBy {@code metadata}, {@code data}, or {@code metadata+data}
 * @param rule the rule that decided the label (a keyword rule's id, or a data rule's name)
 * @param reason one sentence: which keyword or pattern, and the hit ratio of the sample
 * @param hitRatio share of the sampled non-null values a data rule validated; -1 when not sampled
 */
public record Finding(
    TableRef table,
    CatalogColumn column,
    String label,
    List<String> classes,
    String flaggedBy,
    String rule,
    String reason,
    double hitRatio) {

  /** {@code schema.table.column}. */
  public String qualifiedName() {
    return table + "." + column.name();
  }
}
