package dev.guise.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one conversion path for values: what {@code typecast} returns and what write-back stores in a
 * column of another type. Text parses by ISO-8601 and plain or scientific notation; zoned
 * timestamps convert in UTC; booleans are 1 and 0 as numbers. Null is never passed in: callers
 * decide what null means for them.
 */
public final class Conversions {
  private Conversions() {}

  /**
   * Why a value does not convert, as a hint for the user; it never contains the value, which is the
   * data being masked.
   */
  public static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed(String hint) {
      super(hint);
    }
  }

  /**
   * The text form: numbers in plain notation, dates and timestamps in ISO-8601, bytes as UTF-8, so
   * the same value renders the same on every engine.
   */
  public static String toText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? toDecimal(value).toPlainString() : Double.toString(d);
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

  /** A decimal from a number, a boolean (1 or 0) or text. */
  public static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new Failed("only finite numbers convert");
      }
      // a float by its shortest decimal form, not its binary expansion
      return value instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d);
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw new Failed("the text is not a number");
      }
    }
    throw new Failed("only text, numbers and booleans convert");
  }

  /**
   * A 64-bit integer; fractions are dropped by {@code rounding} ({@code typecast} truncates like a
   * cast in code, write-back rounds like the database would).
   */
  public static Long toLong(Object value, RoundingMode rounding) {
    if (value instanceof Long l) {
      return l;
    }
    try {
      return toDecimal(value).setScale(0, rounding).longValueExact();
    } catch (ArithmeticException e) {
      throw new Failed("the number is outside the 64-bit integer range");
    }
  }

  /** A double; text may also be {@code NaN}, {@code Infinity} or {@code -Infinity}. */
  public static Double toDouble(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "nan":
          return Double.NaN;
        case "infinity", "+infinity", "inf":
          return Double.POSITIVE_INFINITY;
        case "-infinity", "-inf":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    return toDecimal(value).doubleValue();
  }

  /** A boolean from a number (non-zero is true) or the usual words for yes and no. */
  public static Boolean toBoolean(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      return switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true", "t", "yes", "y", "on", "1" -> true;
        case "false", "f", "no", "n", "off", "0" -> false;
        default -> throw new Failed("use true/false, yes/no, y/n, t/f, on/off or 1/0");
      };
    }
    if (value instanceof Number) {
      return toDecimal(value).signum() != 0;
    }
    throw new Failed("only text, numbers and booleans convert");
  }

  /** A date; a zoned timestamp gives its date in UTC. */
  public static LocalDate toDate(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    return toDateTime(value).toLocalDate();
  }

  /** A date-time; a date starts at midnight, a zoned timestamp converts to UTC. */
  public static LocalDateTime toDateTime(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof String s) {
      return parseIso(s.strip());
    }
    throw new Failed("only text, dates and timestamps convert");
  }

  /** A zoned timestamp; its offset is kept, one without an offset is taken as UTC. */
  public static OffsetDateTime toOffsetDateTime(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof String s) {
      try {
        return OffsetDateTime.parse(isoT(s.strip()));
      } catch (DateTimeException withoutOffset) {
        // parsed below as a local date-time
      }
    }
    return toDateTime(value).atOffset(ZoneOffset.UTC);
  }

  /** A time of day from a time or ISO-8601 text. */
  public static LocalTime toTime(Object value) {
    if (value instanceof LocalTime t) {
      return t;
    }
    if (value instanceof String s) {
      try {
        return LocalTime.parse(s.strip());
      } catch (DateTimeException e) {
        throw new Failed("the text is not an ISO-8601 time (12:30:00)");
      }
    }
    throw new Failed("only text and times convert");
  }

  /** Bytes as they are; anything else as the UTF-8 of its text form. */
  public static byte[] toBytes(Object value) {
    return value instanceof byte[] b ? b : toText(value).getBytes(StandardCharsets.UTF_8);
  }

  /** ISO-8601 date or date-time (a space may replace 'T'; an offset converts to UTC). */
  private static LocalDateTime parseIso(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay();
      }
      String iso = isoT(text);
      try {
        return LocalDateTime.parse(iso);
      } catch (DateTimeException e) {
        return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
    } catch (DateTimeException e) {
      throw new Failed("the text is not an ISO-8601 date or date-time (2020-01-31T12:00:00)");
    }
  }

  private static String isoT(String text) {
    return text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
  }
}
