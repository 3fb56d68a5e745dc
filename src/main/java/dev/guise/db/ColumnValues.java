package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import dev.guise.value.Conversions;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts a mask's output to the Java type of the column it is written to, or explains why it
 * cannot. The conversion itself is {@link Conversions}, the one {@code typecast} uses; this class
 * adds what the column declares (NOT NULL, length, scale). Engine-independent: dialects bind the
 * result.
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
    if (v instanceof RawField) {
      return v; // the source's own bulk form of a same-typed column: it fits as it is
    }
    try {
      return switch (c.category()) {
        case TEXT, JSON, OTHER, UUID -> text(v, c);
        // half away from zero, as the engines round a fraction stored in an integer column
        case INTEGER -> Conversions.toLong(v, RoundingMode.HALF_UP);
        case DECIMAL -> decimal(Conversions.toDecimal(v), c);
        case FLOAT -> Conversions.toDouble(v);
        case BOOLEAN -> Conversions.toBoolean(v);
        case DATE -> Conversions.toDate(v);
        case TIMESTAMP -> Conversions.toDateTime(v);
        case TIMESTAMP_TZ -> Conversions.toOffsetDateTime(v);
        case TIME -> Conversions.toTime(v);
        case BINARY -> Conversions.toBytes(v);
      };
    } catch (Conversions.Failed | ArithmeticException e) {
      throw new DoesNotFit(
          "a "
              + kind(v)
              + " output cannot be stored in "
              + c.displayType()
              + "; use typecast or a mask of the column's type");
    }
  }

  private static String text(Object v, ColumnInfo c) {
    String s = Conversions.toText(v);
    int max = c.maxTextLength();
    // chars bound code points from above: most values need no count
    if (max > 0 && s.length() > max && s.codePointCount(0, s.length()) > max) {
      throw new DoesNotFit(
          "the masked value is "
              + s.codePointCount(0, s.length())
              + " characters, longer than the column's "
              + c.displayType()
              + "; shorten the mask's output (e.g. take_substring)");
    }
    return s;
  }

  private static BigDecimal decimal(BigDecimal d, ColumnInfo c) {
    // an unconstrained NUMERIC reports scale 0 too: rounding to it would destroy fractions
    boolean declared = c.scale() > 0 || (c.size() > 0 && c.size() <= MAX_DECLARED_PRECISION);
    return declared && (c.scale() > 0 || d.scale() > 0)
        ? d.setScale(Math.max(0, c.scale()), RoundingMode.HALF_UP)
        : d;
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
