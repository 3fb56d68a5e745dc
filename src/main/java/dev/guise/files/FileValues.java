package dev.guise.files;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Locale;

/**
 * A file column's declared type ({@code text} unless the task says otherwise): the column as masks
 * see it, and its text turned into the value a database of that type would hand them, and back. An
 * integer column reads {@code 42} as the number 42, so {@code hash_columns} seeds alike in a file
 * and in the table it was exported from.
 */
public final class FileValues {
  private FileValues() {}

  /** The column of a file as the planner's rules see it. */
  public static ColumnInfo column(String name, String declaredType) {
    String t = declaredType == null ? "text" : declaredType;
    return switch (t) {
      case "integer" ->
          new ColumnInfo(name, Types.BIGINT, "BIGINT", 0, 0, true, ColumnCategory.INTEGER);
      case "decimal" ->
          new ColumnInfo(name, Types.DECIMAL, "DECIMAL", 0, 0, true, ColumnCategory.DECIMAL);
      case "float" ->
          new ColumnInfo(name, Types.DOUBLE, "DOUBLE", 0, 0, true, ColumnCategory.FLOAT);
      case "boolean" ->
          new ColumnInfo(name, Types.BOOLEAN, "BOOLEAN", 0, 0, true, ColumnCategory.BOOLEAN);
      case "date" -> new ColumnInfo(name, Types.DATE, "DATE", 0, 0, true, ColumnCategory.DATE);
      case "datetime" ->
          new ColumnInfo(name, Types.TIMESTAMP, "TIMESTAMP", 0, 0, true, ColumnCategory.TIMESTAMP);
      default -> new ColumnInfo(name, Types.VARCHAR, "TEXT", 0, 0, true, ColumnCategory.TEXT);
    };
  }

  /**
   * The field's value for its column: text stays text (an empty field is the empty string); for
   * other types an empty field is null.
   *
   * @throws IllegalArgumentException naming the expected type, never the value
   */
  public static Object parse(String text, ColumnCategory category) {
    if (category == ColumnCategory.TEXT) {
      return text;
    }
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return switch (category) {
        case INTEGER -> Long.valueOf(text.trim());
        case DECIMAL -> new BigDecimal(text.trim());
        case FLOAT -> Double.valueOf(text.trim());
        case BOOLEAN -> bool(text.trim());
        case DATE -> LocalDate.parse(text.trim());
        case TIMESTAMP -> LocalDateTime.parse(text.trim().replace(' ', 'T'));
        default -> text;
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "is not " + article(category) + " " + category.name().toLowerCase(Locale.ROOT));
    }
  }

  /** A masked value as the file's text. */
  public static String render(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate() + " " + t.toLocalTime();
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    return v.toString();
  }

  private static Boolean bool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "t", "1", "yes", "y" -> Boolean.TRUE;
      case "false", "f", "0", "no", "n" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException();
    };
  }

  private static String article(ColumnCategory c) {
    return c == ColumnCategory.INTEGER ? "an" : "a";
  }
}
