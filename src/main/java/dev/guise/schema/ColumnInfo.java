package dev.guise.schema;

/**
 * A column as introspected.
 *
 * @param typeName the engine's type name, e.g. {@code VARCHAR} or {@code int8}
 * @param size maximum length for text (characters) or precision for numbers; 0 when unknown
 * @param scale decimal places for DECIMAL
 */
public record ColumnInfo(
    String name,
    int jdbcType,
    String typeName,
    int size,
    int scale,
    boolean nullable,
    ColumnCategory category) {

  /** Longest text that fits, or -1 for unbounded/unknown. */
  public int maxTextLength() {
    return category == ColumnCategory.TEXT && size > 0 && size < 1_000_000_000 ? size : -1;
  }

  /** e.g. {@code VARCHAR(3)} or {@code NUMERIC(10,2)}, for messages. */
  public String displayType() {
    if (category == ColumnCategory.TEXT && maxTextLength() > 0) {
      return typeName + "(" + size + ")";
    }
    if (category == ColumnCategory.DECIMAL && size > 0) {
      return typeName + "(" + size + "," + scale + ")";
    }
    return typeName;
  }
}
