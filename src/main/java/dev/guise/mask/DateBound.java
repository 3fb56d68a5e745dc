package dev.guise.mask;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

/**
 * The {@code min} or {@code max} of a random date mask: ISO-8601 text ({@code 2020-01-31}, {@code
 * 2020-01-31T12:00:00}, a space instead of {@code T}, an offset or {@code Z} converted to UTC) or
 * {@code now} (or {@code current_date_time}), the run's start in UTC (never the wall clock).
 *
 * @param fixed the bound, or null for {@code now}
 * @param dateOnly the text gave a date without a time
 */
record DateBound(LocalDateTime fixed, boolean dateOnly) {
  static final DateBound NOW = new DateBound(null, false);

  static DateBound parse(Object raw, String param) {
    if (raw instanceof LocalDate d) {
      return new DateBound(d.atStartOfDay(), true);
    }
    if (raw instanceof LocalDateTime t) {
      return new DateBound(t, false);
    }
    if (raw instanceof OffsetDateTime t) {
      return new DateBound(utc(t.toInstant()), false);
    }
    if (raw instanceof Instant t) {
      return new DateBound(utc(t), false);
    }
    if (raw instanceof Date d) { // SnakeYAML's reading of an unquoted timestamp
      return new DateBound(utc(d.toInstant()), false);
    }
    String text = raw == null ? "" : raw.toString().strip();
    String lower = text.toLowerCase(Locale.ROOT);
    // DataMasque documents both spellings for the run's start
    if (lower.equals("now") || lower.equals("current_date_time")) {
      return NOW;
    }
    try {
      return new DateBound(LocalDate.parse(text).atStartOfDay(), true);
    } catch (DateTimeParseException e) {
      // not a plain date; try a date-time below
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
    try {
      return new DateBound(utc(OffsetDateTime.parse(iso).toInstant()), false);
    } catch (DateTimeParseException e) {
      // no offset; try a local date-time below
    }
    try {
      return new DateBound(LocalDateTime.parse(iso), false);
    } catch (DateTimeParseException e) {
      throw new MaskArgs.InvalidArgument(
          param,
          "'"
              + text
              + "' is not an ISO-8601 date or date-time, nor now; write e.g. '2020-01-31',"
              + " '2020-01-31T12:00:00' or now");
    }
  }

  boolean isNow() {
    return fixed == null;
  }

  LocalDate date(Instant runStart) {
    return fixed == null ? LocalDate.ofInstant(runStart, ZoneOffset.UTC) : fixed.toLocalDate();
  }

  /**
   * @param upper a date alone as an upper bound means the last second of that day; as a lower bound
   *     its first second
   */
  LocalDateTime dateTime(Instant runStart, boolean upper) {
    if (fixed == null) {
      return utc(runStart).truncatedTo(ChronoUnit.SECONDS);
    }
    if (dateOnly && upper) {
      return fixed.toLocalDate().atTime(LocalTime.of(23, 59, 59));
    }
    LocalDateTime whole = fixed.truncatedTo(ChronoUnit.SECONDS);
    // whole seconds inside the range: round a lower bound up, an upper bound down
    return !upper && whole.isBefore(fixed) ? whole.plusSeconds(1) : whole;
  }

  private static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
