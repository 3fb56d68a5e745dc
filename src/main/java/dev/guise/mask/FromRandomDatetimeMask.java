package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code from_random_datetime}: a random date-time in whole seconds, uniform over [min, max] (both
 * inclusive), as a local date-time in UTC.
 */
public final class FromRandomDatetimeMask implements Mask {
  public static final String NAME = "from_random_datetime";
  static final String DEFAULT_MIN = "1950-01-01T00:00:00";
  static final String DEFAULT_MAX = "now";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "date",
          "Replace the value with a random date-time (whole seconds) between min and max.",
          List.of(
              ParamSpec.optional(
                  "min",
                  ParamType.SCALAR,
                  DEFAULT_MIN,
                  "Earliest date-time: ISO-8601 (2020-01-31T08:00:00; an offset or Z is converted"
                      + " to UTC; a date alone means its first second) or now (the run's start,"
                      + " UTC). Default "
                      + DEFAULT_MIN
                      + "."),
              ParamSpec.optional(
                  "max",
                  ParamType.SCALAR,
                  DEFAULT_MAX,
                  "Latest date-time: ISO-8601 (a date alone means its last second, 23:59:59) or"
                      + " now (the run's start, UTC). Default now."),
              DateValues.OUTPUT_FORMAT),
          "type: from_random_datetime\nmin: '2020-01-01T00:00:00'\nmax: now",
          FromRandomDatetimeMask::create);

  private final DateBound min;
  private final DateBound max;
  private final java.time.format.DateTimeFormatter format; // null: a LocalDateTime value

  FromRandomDatetimeMask(DateBound min, DateBound max) {
    this(min, max, null);
  }

  FromRandomDatetimeMask(DateBound min, DateBound max, java.time.format.DateTimeFormatter format) {
    this.min = min;
    this.max = max;
    this.format = format;
  }

  private static FromRandomDatetimeMask create(MaskArgs args) {
    DateBound min = DateBound.parse(args.has("min") ? args.raw("min") : DEFAULT_MIN, "min");
    DateBound max = DateBound.parse(args.has("max") ? args.raw("max") : DEFAULT_MAX, "max");
    if (!min.isNow() && !max.isNow()) {
      LocalDateTime lo = min.dateTime(null, false);
      LocalDateTime hi = max.dateTime(null, true);
      if (hi.isBefore(lo)) {
        throw new MaskArgs.InvalidArgument(
            "max", "max (" + hi + ") is before min (" + lo + "); make max on or after min");
      }
    }
    return new FromRandomDatetimeMask(min, max, DateValues.formatter(args));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    LocalDateTime lo = min.dateTime(ctx.runStart(), false);
    LocalDateTime hi = max.dateTime(ctx.runStart(), true);
    if (hi.isBefore(lo)) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - max ("
              + hi
              + ") is before min ("
              + lo
              + ") at this run's start; make max on or after min");
    }
    long second =
        ctx.rng()
            .nextLongInclusive(lo.toEpochSecond(ZoneOffset.UTC), hi.toEpochSecond(ZoneOffset.UTC));
    LocalDateTime out = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
    return format == null ? out : format.format(out);
  }

  @Override
  public OutputShape shape() {
    return format == null ? OutputShape.of(OutputShape.Kind.DATETIME) : OutputShape.text(-1);
  }
}
