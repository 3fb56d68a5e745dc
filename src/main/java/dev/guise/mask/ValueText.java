package dev.guise.mask;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The text form of a value wherever a mask needs one (concatenation, substrings, regex replacement,
 * typecast to string): numbers in plain notation, dates and timestamps in ISO-8601, bytes as UTF-8.
 * Engine-independent, so the same value renders the same everywhere.
 */
final class ValueText {
  private ValueText() {}

  static String of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : Double.toString(d);
    }
    if (value instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value.toString();
  }

  /** Length in characters (code points), the unit column lengths are declared in. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
