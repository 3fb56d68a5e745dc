package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts a mask's output to the Java type of the column it is written to, or explains why it
 * cannot. Engine-independent: dialects bind the result.
 */
public final class ColumnValues {
  /** Above this, a reported precision means "unconstrained" (PostgreSQL allows 1000 digits). */
  private static final int MAX_DECLARED_PRECISION = 1000;

  private ColumnValues() {}

  /** Why a value does not fit; the message names no value (it may be sensitive). */
  public static final class DoesNotFit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DoesNotFit(String message) {
      super(message);
    }
  }

  public static Object coerce(Object v, ColumnInfo c) {
    if (v == null) {
      if (!c.nullable()) {
        throw new DoesNotFit("the mask produced null but the column is NOT NULL");
      }
      return null;
    }
    try {
      return switch (c.category()) {
        case TEXT, JSON, OTHER, UUID -> text(v, c);
        case INTEGER -> integer(v);
        case DECIMAL -> {
          BigDecimal d = decimal(v);
          // an unconstrained NUMERIC reports scale 0 too: rounding to it would destroy fractions
          boolean declared = c.scale() > 0 || (c.size() > 0 && c.size() <= MAX_DECLARED_PRECISION);
          yield declared && (c.scale() > 0 || d.scale() > 0)
              ? d.setScale(Math.max(0, c.scale()), RoundingMode.HALF_UP)
              : d;
        }
        case FLOAT ->
            v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        case BOOLEAN -> bool(v);
        case DATE -> date(v);
        case TIMESTAMP -> timestamp(v);
        case TIMESTAMP_TZ ->
            v instanceof OffsetDateTime o ? o : timestamp(v).atOffset(ZoneOffset.UTC);
        case TIME -> v instanceof LocalTime t ? t : LocalTime.parse(v.toString().trim());
        case BINARY ->
            v instanceof byte[] b
                ? b
                : v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new DoesNotFit(
          "a "
              + kind(v)
              + " output cannot be stored in "
              + c.displayType()
              + "; use typecast or a mask of the column's type");
    }
  }

  private static String text(Object v, ColumnInfo c) {
    String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    int max = c.maxTextLength();
    if (max > 0 && s.codePointCount(0, s.length()) > max) {
      throw new DoesNotFit(
          "the masked value is "
              + s.codePointCount(0, s.length())
              + " characters, longer than the column's "
              + c.displayType()
              + "; shorten the mask's output (e.g. take_substring)");
    }
    return s;
  }

  private static Long integer(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.longValueExact();
    }
    if (v instanceof BigDecimal d) {
      return d.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
    if (v instanceof Double d) {
      return Math.round(d);
    }
    if (v instanceof Boolean) {
      throw new NumberFormatException();
    }
    return new BigDecimal(v.toString().trim()).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Boolean) {
      throw new NumberFormatException();
    }
    return new BigDecimal(v.toString().trim());
  }

  private static Boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.intValue() != 0;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw new NumberFormatException();
    };
  }

  private static LocalDate date(Object v) {
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toLocalDate();
    }
    String s = v.toString().trim();
    return s.length() > 10
        ? LocalDateTime.parse(s.replace(' ', 'T')).toLocalDate()
        : LocalDate.parse(s);
  }

  private static LocalDateTime timestamp(Object v) {
    if (v instanceof LocalDateTime t) {
      return t;
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (v instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    String s = v.toString().trim();
    return s.length() <= 10
        ? LocalDate.parse(s).atStartOfDay()
        : LocalDateTime.parse(s.replace(' ', 'T'));
  }

  private static String kind(Object v) {
    if (v instanceof String) {
      return "text";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    return "date/time";
  }
}
