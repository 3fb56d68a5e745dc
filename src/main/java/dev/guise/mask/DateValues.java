package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How the date masks ({@code retain_age}, {@code retain_year}, {@code retain_date_component}) read
 * their input and give back a value of the input's own type: a date stays a date, a date-time a
 * date-time (an offset is kept), and text stays text in the same format: {@code date_format} when
 * given, ISO-8601 otherwise.
 */
final class DateValues {
  private DateValues() {}

  /** The change a date mask makes; {@code dateOnly} when the input has no time of day. */
  @FunctionalInterface
  interface Change {
    LocalDateTime apply(LocalDateTime in, boolean dateOnly, MaskContext ctx);
  }

  static final ParamSpec DATE_FORMAT =
      ParamSpec.optional(
          "date_format",
          ParamType.STRING,
          null,
          "For dates stored as text: their pattern, Java DateTimeFormatter (dd/MM/yyyy) or Python"
              + " strftime (%d/%m/%Y). The output is text in the same pattern. Without it, text"
              + " must be ISO-8601 (2020-01-31, 2020-01-31T12:00:00).");

  /** {@code date_format} of the masks that generate dates. */
  static final ParamSpec OUTPUT_FORMAT =
      ParamSpec.optional(
          "date_format",
          ParamType.STRING,
          null,
          "Output text in this pattern (Java DateTimeFormatter dd/MM/yyyy or Python strftime"
              + " %d/%m/%Y) instead of a date value, for dates stored as text.");

  /** The {@code date_format} argument as a formatter, or null when absent. */
  static DateTimeFormatter formatter(MaskArgs args) {
    if (!args.has("date_format")) {
      return null;
    }
    String pattern = TypecastMask.javaPattern(args.string("date_format"));
    try {
      return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    } catch (IllegalArgumentException e) {
      throw new MaskArgs.InvalidArgument(
          "date_format",
          "invalid date pattern: "
              + e.getMessage()
              + "; use a Java DateTimeFormatter pattern like yyyy-MM-dd or strftime like %Y-%m-%d");
    }
  }

  /** Applies {@code change} to {@code value}, which may be a date, date-time or date text. */
  static Object apply(
      Object value, DateTimeFormatter format, String mask, MaskContext ctx, Change change) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return change.apply(d.atStartOfDay(), true, ctx).toLocalDate();
    }
    if (value instanceof LocalDateTime t) {
      return change.apply(t, false, ctx);
    }
    if (value instanceof OffsetDateTime t) {
      return change.apply(t.toLocalDateTime(), false, ctx).atOffset(t.getOffset());
    }
    if (value instanceof String s) {
      if (s.isBlank()) {
        return s;
      }
      return format == null ? iso(s, mask, ctx, change) : formatted(s, format, mask, ctx, change);
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        mask
            + " - cannot read a "
            + value.getClass().getSimpleName()
            + " value as a date; use it on date, timestamp or text columns");
  }

  private static Object formatted(
      String text, DateTimeFormatter format, String mask, MaskContext ctx, Change change) {
    TemporalAccessor parsed;
    try {
      parsed =
          format.parseBest(
              text.strip(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    } catch (DateTimeException e) {
      throw unreadable(mask, "check the values against date_format");
    }
    Object out = apply(parsed, null, mask, ctx, change); // the parsed value's own type decides
    try {
      return format.format((TemporalAccessor) out);
    } catch (DateTimeException e) {
      throw unreadable(mask, "date_format cannot render the masked value; check the pattern");
    }
  }

  private static Object iso(String text, String mask, MaskContext ctx, Change change) {
    String t = text.strip();
    boolean space = t.length() > 10 && t.charAt(10) == ' ';
    String iso = space ? t.substring(0, 10) + "T" + t.substring(11) : t;
    try {
      if (iso.length() == 10) {
        return apply(LocalDate.parse(iso), null, mask, ctx, change).toString();
      }
      Object out;
      try {
        out =
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                (LocalDateTime) apply(LocalDateTime.parse(iso), null, mask, ctx, change));
      } catch (DateTimeException e) {
        out =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                (OffsetDateTime) apply(OffsetDateTime.parse(iso), null, mask, ctx, change));
      }
      String s = (String) out;
      return space ? s.substring(0, 10) + " " + s.substring(11) : s;
    } catch (DateTimeException e) {
      throw unreadable(mask, "give date_format for dates that are not ISO-8601");
    }
  }

  private static GuiseException unreadable(String mask, String hint) {
    // the value itself stays out of the message: it is the data being masked
    return new GuiseException(
        ErrorCode.RUN_FAILED, mask + " - a text value is not a date; " + hint);
  }
}
