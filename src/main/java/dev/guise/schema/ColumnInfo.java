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

  /** A fixed-width integer column's type range {min, max}; null for any other column. */
  public java.math.BigInteger[] integerRange() {
    boolean unsigned =
        typeName != null && typeName.toUpperCase(java.util.Locale.ROOT).contains("UNSIGNED");
    int bits =
        switch (jdbcType) {
          case java.sql.Types.TINYINT -> 8;
          case java.sql.Types.SMALLINT -> 16;
          case java.sql.Types.INTEGER -> 32;
          case java.sql.Types.BIGINT -> 64;
          default -> 0;
        };
    if (bits == 0) {
      return null;
    }
    return unsigned
        ? new java.math.BigInteger[] {
          java.math.BigInteger.ZERO,
          java.math.BigInteger.TWO.pow(bits).subtract(java.math.BigInteger.ONE)
        }
        : new java.math.BigInteger[] {
          java.math.BigInteger.TWO.pow(bits - 1).negate(),
          java.math.BigInteger.TWO.pow(bits - 1).subtract(java.math.BigInteger.ONE)
        };
  }
}
