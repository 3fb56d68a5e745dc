package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.time.LocalDate;
import java.util.List;

/** {@code from_random_date}: a random date, uniform over [min, max] (both inclusive). */
public final class FromRandomDateMask implements Mask {
  public static final String NAME = "from_random_date";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "date",
          "Replace the value with a random date between min and max (inclusive).",
          List.of(
              ParamSpec.required(
                  "min",
                  ParamType.SCALAR,
                  "Earliest date: ISO-8601 (2020-01-31) or now / current_date_time (the run's"
                      + " start, UTC)."),
              ParamSpec.required(
                  "max",
                  ParamType.SCALAR,
                  "Latest date: ISO-8601 or now / current_date_time (the run's start date, UTC)."),
              DateValues.OUTPUT_FORMAT),
          "type: from_random_date\nmin: '1970-01-01'\nmax: now",
          FromRandomDateMask::create);

  private final DateBound min;
  private final DateBound max;
  private final java.time.format.DateTimeFormatter format; // null: a LocalDate value

  FromRandomDateMask(DateBound min, DateBound max) {
    this(min, max, null);
  }

  FromRandomDateMask(DateBound min, DateBound max, java.time.format.DateTimeFormatter format) {
    this.min = min;
    this.max = max;
    this.format = format;
  }

  private static FromRandomDateMask create(MaskArgs args) {
    DateBound min = DateBound.parse(args.raw("min"), "min");
    DateBound max = DateBound.parse(args.raw("max"), "max");
    if (!min.isNow()
        && !max.isNow()
        && max.fixed().toLocalDate().isBefore(min.fixed().toLocalDate())) {
      throw new MaskArgs.InvalidArgument(
          "max",
          "max ("
              + max.fixed().toLocalDate()
              + ") is before min ("
              + min.fixed().toLocalDate()
              + "); make max on or after min");
    }
    return new FromRandomDateMask(min, max, DateValues.formatter(args));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    LocalDate lo = min.date(ctx.runStart());
    LocalDate hi = max.date(ctx.runStart());
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
    LocalDate out =
        LocalDate.ofEpochDay(ctx.rng().nextLongInclusive(lo.toEpochDay(), hi.toEpochDay()));
    return format == null ? out : format.format(out);
  }

  @Override
  public OutputShape shape() {
    return format == null ? OutputShape.of(OutputShape.Kind.DATE) : OutputShape.text(-1);
  }
}
