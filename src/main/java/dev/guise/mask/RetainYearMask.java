package dev.guise.mask;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code retain_year}: a random date (and time of day, for date-times) within the input's year; the
 * same as {@code retain_date_component} with only {@code year: true}.
 */
public final class RetainYearMask implements Mask {
  public static final String NAME = "retain_year";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "date",
          "Replace a date or date-time with a random one in the same year.",
          List.of(DateValues.DATE_FORMAT),
          "type: retain_year\ndate_format: '%d/%m/%Y'",
          RetainYearMask::create);

  private final DateTimeFormatter format;

  RetainYearMask(DateTimeFormatter format) {
    this.format = format;
  }

  private static RetainYearMask create(MaskArgs args) {
    return new RetainYearMask(DateValues.formatter(args));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return DateValues.apply(
        value,
        format,
        NAME,
        ctx,
        (in, dateOnly, c) ->
            RetainDateComponentMask.randomize(
                in, dateOnly, RetainDateComponentMask.Keep.YEAR, c, NAME));
  }

  @Override
  public OutputShape shape() {
    return format == null ? OutputShape.SAME : OutputShape.text(-1);
  }
}
