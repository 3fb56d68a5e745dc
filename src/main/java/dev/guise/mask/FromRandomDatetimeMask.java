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

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "date",
          "Replace the value with a random date-time (whole seconds) between min and max.",
          List.of(
              ParamSpec.required(
                  "min",
                  ParamType.SCALAR,
                  "Earliest date-time: ISO-8601 (2020-01-31T08:00:00; an offset or Z is converted"
                      + " to UTC; a date alone means its first second) or now / current_date_time (the"
                      + " run's start, UTC)."),
              ParamSpec.required(
                  "max",
                  ParamType.SCALAR,
                  "Latest date-time: ISO-8601 (a date alone means its last second, 23:59:59) or"
                      + " now / current_date_time (the run's start, UTC)."),
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
    DateBound min = DateBound.parse(args.raw("min"), "min");
    DateBound max = DateBound.parse(args.raw("max"), "max");
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
