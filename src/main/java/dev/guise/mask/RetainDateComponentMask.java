package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.Rng;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code retain_date_component}: keeps the chosen parts of a date or date-time and draws the others
 * at random, always giving a valid date (a kept 31st only lands in 31-day months, a kept 29
 * February only in leap years). A year not kept is drawn from 1950 to the run's start year; a
 * second not kept also drops fractions of a second.
 */
public final class RetainDateComponentMask implements Mask {
  public static final String NAME = "retain_date_component";
  static final int MIN_RANDOM_YEAR = 1950;
  private static final String[] PARTS = {"year", "month", "day", "hour", "minute", "second"};

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "date",
          "Keep the chosen parts of a date or date-time and randomise the rest.",
          List.of(
              part("year", "the year; otherwise drawn from 1950 to the run's start year"),
              part("month", "the month"),
              part("day", "the day of the month"),
              part("hour", "the hour (date-times only)"),
              part("minute", "the minute (date-times only)"),
              part("second", "the second and its fraction (date-times only)"),
              DateValues.DATE_FORMAT),
          "type: retain_date_component\nyear: true\nmonth: true",
          RetainDateComponentMask::create);

  private static ParamSpec part(String name, String what) {
    return ParamSpec.optional(name, ParamType.BOOLEAN, false, "true keeps " + what + ".");
  }

  /** Which parts are kept, in {@link #PARTS} order. */
  record Keep(
      boolean year, boolean month, boolean day, boolean hour, boolean minute, boolean second) {
    static final Keep YEAR = new Keep(true, false, false, false, false, false);
  }

  private final Keep keep;
  private final DateTimeFormatter format;

  RetainDateComponentMask(Keep keep, DateTimeFormatter format) {
    this.keep = keep;
    this.format = format;
  }

  private static RetainDateComponentMask create(MaskArgs args) {
    boolean[] k = new boolean[PARTS.length];
    boolean all = true;
    for (int i = 0; i < PARTS.length; i++) {
      k[i] = args.bool(PARTS[i], false);
      all &= k[i];
    }
    if (all) {
      throw new MaskArgs.InvalidArgument(
          "year", "every part is kept, so nothing would change; set at least one part to false");
    }
    return new RetainDateComponentMask(
        new Keep(k[0], k[1], k[2], k[3], k[4], k[5]), DateValues.formatter(args));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return DateValues.apply(
        value, format, NAME, ctx, (in, dateOnly, c) -> randomize(in, dateOnly, keep, c, NAME));
  }

  /** A random valid date-time that agrees with {@code in} on every kept part. */
  static LocalDateTime randomize(
      LocalDateTime in, boolean dateOnly, Keep keep, MaskContext ctx, String mask) {
    Rng rng = ctx.rng();
    int lastYear = Math.max(MIN_RANDOM_YEAR, ctx.runStart().atOffset(ZoneOffset.UTC).getYear());
    // only a kept day can be invalid for the drawn month; for a kept 29 February about one
    // draw in four succeeds, so the limit is never reached in practice
    for (int attempt = 0; attempt < 10_000; attempt++) {
      int year =
          keep.year() ? in.getYear() : (int) rng.nextLongInclusive(MIN_RANDOM_YEAR, lastYear);
      int month = keep.month() ? in.getMonthValue() : 1 + rng.nextInt(12);
      int length = YearMonth.of(year, month).lengthOfMonth();
      int day;
      if (keep.day()) {
        if (in.getDayOfMonth() > length) {
          continue;
        }
        day = in.getDayOfMonth();
      } else {
        day = 1 + rng.nextInt(length);
      }
      if (dateOnly) {
        return LocalDateTime.of(year, month, day, 0, 0);
      }
      int hour = keep.hour() ? in.getHour() : rng.nextInt(24);
      int minute = keep.minute() ? in.getMinute() : rng.nextInt(60);
      int second = keep.second() ? in.getSecond() : rng.nextInt(60);
      int nano = keep.second() ? in.getNano() : 0;
      return LocalDateTime.of(year, month, day, hour, minute, second, nano);
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED, mask + " - found no valid date keeping the chosen parts");
  }

  @Override
  public OutputShape shape() {
    return format == null ? OutputShape.SAME : OutputShape.text(-1);
  }
}
