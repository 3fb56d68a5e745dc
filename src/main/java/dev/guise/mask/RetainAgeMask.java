package dev.guise.mask;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code retain_age}: replaces a date of birth with a random date that gives the same age in whole
 * years on the run's start date (UTC), so age-based logic and statistics still hold. The time of
 * day of a date-time is kept. The output differs from the input whenever another date qualifies
 * (always, as a year holds 365 or more of them).
 */
public final class RetainAgeMask implements Mask {
  public static final String NAME = "retain_age";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "date",
          "Replace a date of birth with a random one giving the same age in whole years at the"
              + " run's start.",
          List.of(DateValues.DATE_FORMAT),
          "type: retain_age",
          RetainAgeMask::create);

  private final DateTimeFormatter format;

  RetainAgeMask(DateTimeFormatter format) {
    this.format = format;
  }

  private static RetainAgeMask create(MaskArgs args) {
    return new RetainAgeMask(DateValues.formatter(args));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return DateValues.apply(value, format, NAME, ctx, RetainAgeMask::change);
  }

  private static LocalDateTime change(LocalDateTime in, boolean dateOnly, MaskContext ctx) {
    LocalDate ref = LocalDate.ofInstant(ctx.runStart(), ZoneOffset.UTC);
    LocalDate birth = in.toLocalDate();
    LocalDate[] range = sameAge(birth, ref);
    long days = ChronoUnit.DAYS.between(range[0], range[1]) + 1;
    long pick;
    if (days <= 1) {
      pick = 0;
    } else {
      // any date of the range but the input itself
      long skip = ChronoUnit.DAYS.between(range[0], birth);
      pick = ctx.rng().nextLong(days - 1);
      if (pick >= skip) {
        pick++;
      }
    }
    return range[0].plusDays(pick).atTime(in.toLocalTime());
  }

  /**
   * First and last date (inclusive) whose age in whole years on {@code ref} equals that of {@code
   * birth}. Dates after {@code ref} keep their whole years ahead of it.
   */
  static LocalDate[] sameAge(LocalDate birth, LocalDate ref) {
    if (!birth.isAfter(ref)) {
      long age = ChronoUnit.YEARS.between(birth, ref);
      return new LocalDate[] {ref.minusYears(age + 1).plusDays(1), ref.minusYears(age)};
    }
    // after ref, whole years truncate toward zero and 29 February shifts the edges: start from
    // estimates and walk them to the exact first and last date of the same (negative) age
    long age = ChronoUnit.YEARS.between(birth, ref);
    LocalDate lo = ref.minusYears(age).minusDays(3);
    while (lo.isAfter(ref) && ChronoUnit.YEARS.between(lo.minusDays(1), ref) == age) {
      lo = lo.minusDays(1);
    }
    while (!lo.isAfter(ref) || ChronoUnit.YEARS.between(lo, ref) != age) {
      lo = lo.plusDays(1);
    }
    LocalDate hi = ref.minusYears(age - 1).plusDays(3);
    while (ChronoUnit.YEARS.between(hi, ref) != age) {
      hi = hi.minusDays(1);
    }
    return new LocalDate[] {lo, hi};
  }

  @Override
  public OutputShape shape() {
    return format == null ? OutputShape.SAME : OutputShape.text(-1);
  }
}
