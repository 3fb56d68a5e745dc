package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class RetainDateMasksTest {
  private static final LocalDate RUN_DAY = LocalDate.of(2024, 6, 15);
  private final MaskFixture age = MaskFixture.of(RetainAgeMask.DEFINITION);

  @Test
  void sameAgeRangeIsExactAroundLeapDaysAndTheFuture() {
    LocalDate[] refs = {
      LocalDate.of(2024, 2, 29), LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 1), RUN_DAY
    };
    for (LocalDate ref : refs) {
      for (LocalDate birth = ref.minusYears(5);
          birth.isBefore(ref.plusYears(3));
          birth = birth.plusDays(1)) {
        LocalDate[] r = RetainAgeMask.sameAge(birth, ref);
        long want = ChronoUnit.YEARS.between(birth, ref);
        assertThat(r[0]).isBeforeOrEqualTo(birth);
        assertThat(r[1]).isAfterOrEqualTo(birth);
        assertThat(ChronoUnit.YEARS.between(r[0], ref)).as("%s %s", birth, ref).isEqualTo(want);
        assertThat(ChronoUnit.YEARS.between(r[1], ref)).as("%s %s", birth, ref).isEqualTo(want);
        if (!birth.isAfter(ref)) {
          // the day before and after the range give another age
          assertThat(ChronoUnit.YEARS.between(r[0].minusDays(1), ref)).isNotEqualTo(want);
          if (r[1].isBefore(ref)) { // after ref, YEARS.between truncates toward 0 again
            assertThat(ChronoUnit.YEARS.between(r[1].plusDays(1), ref)).isNotEqualTo(want);
          }
        }
      }
    }
  }

  @Test
  void retainAgeKeepsAgeNeverLeaksAndIsDeterministic() {
    int n = 10_000;
    int leaks = 0;
    for (int i = 0; i < n; i++) {
      LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i * 3L);
      LocalDate out = (LocalDate) age.apply(birth, (long) i);
      assertThat(ChronoUnit.YEARS.between(out, RUN_DAY))
          .isEqualTo(ChronoUnit.YEARS.between(birth, RUN_DAY));
      leaks += out.equals(birth) ? 1 : 0;
    }
    System.out.printf("retain_age leak rate: %d of %d%n", leaks, n);
    assertThat(leaks).isZero();
    LocalDate d = LocalDate.of(1980, 5, 17);
    assertThat(age.apply(d)).isEqualTo(age.apply(d));
    assertThat(age.withSecret(MaskFixture.OTHER_SECRET).apply(d)).isNotEqualTo(age.apply(d));
    assertThat(age.apply(null)).isNull();
    assertThat(age.apply("")).isEqualTo("");
    assertThat(age.shape()).isEqualTo(OutputShape.SAME);
  }

  @Test
  void retainAgeKeepsTypesTimesAndTextFormats() {
    LocalDateTime t = LocalDateTime.of(1990, 7, 1, 13, 45, 10);
    LocalDateTime out = (LocalDateTime) age.apply(t);
    assertThat(out.toLocalTime()).isEqualTo(LocalTime.of(13, 45, 10));
    assertThat(ChronoUnit.YEARS.between(out.toLocalDate(), RUN_DAY)).isEqualTo(33);
    OffsetDateTime z = OffsetDateTime.of(t, ZoneOffset.ofHours(12));
    assertThat(((OffsetDateTime) age.apply(z)).getOffset()).isEqualTo(ZoneOffset.ofHours(12));
    assertThat((String) age.apply("1990-07-01")).matches("19(90|91)-[0-9]{2}-[0-9]{2}");
    assertThat((String) age.apply("1990-07-01 08:00:00")).matches("19(90|91)-..-.. 08:00:00");
    MaskFixture text = MaskFixture.of(RetainAgeMask.DEFINITION, "date_format", "%d/%m/%Y");
    String s = (String) text.apply("01/07/1990");
    assertThat(s).matches("[0-9]{2}/[0-9]{2}/19(90|91)");
    LocalDate back =
        LocalDate.of(
            Integer.parseInt(s.substring(6)),
            Integer.parseInt(s.substring(3, 5)),
            Integer.parseInt(s.substring(0, 2)));
    assertThat(ChronoUnit.YEARS.between(back, RUN_DAY)).isEqualTo(33);
    assertThat(text.shape().kind()).isEqualTo(OutputShape.Kind.TEXT);
    assertThatThrownBy(() -> text.apply("1990-07-01"))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("date_format")
        .hasMessageNotContaining("1990");
    assertThatThrownBy(() -> age.apply(42L)).isInstanceOf(GuiseException.class);
    assertThatThrownBy(() -> MaskFixture.create(RetainAgeMask.DEFINITION, "date_format", "%Q"))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
  }

  @Test
  void retainYearStaysInTheYear() {
    MaskFixture year = MaskFixture.of(RetainYearMask.DEFINITION);
    int leaks = 0;
    boolean otherTime = false;
    for (long seed = 0; seed < 2000; seed++) {
      LocalDate d = (LocalDate) year.apply(LocalDate.of(2000, 2, 29), seed);
      assertThat(d.getYear()).isEqualTo(2000);
      leaks += d.equals(LocalDate.of(2000, 2, 29)) ? 1 : 0;
      LocalDateTime t = (LocalDateTime) year.apply(LocalDateTime.of(1999, 12, 31, 23, 59), seed);
      assertThat(t.getYear()).isEqualTo(1999);
      otherTime |= t.getHour() != 23;
    }
    System.out.printf("retain_year leak rate: %d of 2000 (about 1 in 365 expected)%n", leaks);
    assertThat(leaks).isLessThan(20);
    assertThat(otherTime).isTrue();
    MaskFixture text = MaskFixture.of(RetainYearMask.DEFINITION, "date_format", "yyyyMMdd");
    assertThat((String) text.apply("20210405")).matches("2021[0-9]{4}");
  }

  @Test
  void retainDateComponentKeepsChosenPartsAndStaysValid() {
    MaskFixture monthDay =
        MaskFixture.of(RetainDateComponentMask.DEFINITION, "month", true, "day", true);
    boolean otherYear = false;
    for (long seed = 0; seed < 500; seed++) {
      LocalDate d = (LocalDate) monthDay.apply(LocalDate.of(2004, 2, 29), seed);
      assertThat(d.getMonthValue()).isEqualTo(2);
      assertThat(d.getDayOfMonth()).isEqualTo(29);
      assertThat(d.isLeapYear()).isTrue();
      assertThat(d.getYear()).isBetween(1950, 2024);
      otherYear |= d.getYear() != 2004;
    }
    assertThat(otherYear).isTrue();
    MaskFixture day = MaskFixture.of(RetainDateComponentMask.DEFINITION, "year", true, "day", true);
    for (long seed = 0; seed < 300; seed++) {
      LocalDate d = (LocalDate) day.apply(LocalDate.of(2021, 1, 31), seed);
      assertThat(d.getDayOfMonth()).isEqualTo(31);
      assertThat(d.getYear()).isEqualTo(2021);
    }
    MaskFixture time =
        MaskFixture.of(
            RetainDateComponentMask.DEFINITION, "year", true, "hour", true, "second", true);
    LocalDateTime in = LocalDateTime.of(2010, 6, 1, 7, 8, 9, 500);
    for (long seed = 0; seed < 300; seed++) {
      LocalDateTime t = (LocalDateTime) time.apply(in, seed);
      assertThat(t.getYear()).isEqualTo(2010);
      assertThat(t.getHour()).isEqualTo(7);
      assertThat(t.getSecond()).isEqualTo(9);
      assertThat(t.getNano()).isEqualTo(500);
    }
    MaskFixture none = MaskFixture.of(RetainDateComponentMask.DEFINITION);
    assertThat(((LocalDateTime) none.apply(in)).getNano()).isZero();
    assertThat(none.apply(in)).isEqualTo(none.apply(in));
    assertThat(none.withSecret(MaskFixture.OTHER_SECRET).apply(in)).isNotEqualTo(none.apply(in));
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    RetainDateComponentMask.DEFINITION,
                    "year",
                    true,
                    "month",
                    true,
                    "day",
                    true,
                    "hour",
                    true,
                    "minute",
                    true,
                    "second",
                    true))
        .hasMessageContaining("nothing would change");
  }

  @Test
  void randomDatesCanBeRenderedAsText() {
    MaskFixture d =
        MaskFixture.of(
            FromRandomDateMask.DEFINITION,
            "min",
            "2020-01-01",
            "max",
            "2020-12-31",
            "date_format",
            "%d/%m/%Y");
    assertThat((String) d.apply(null)).matches("[0-3][0-9]/[01][0-9]/2020");
    assertThat(d.shape().kind()).isEqualTo(OutputShape.Kind.TEXT);
    MaskFixture t =
        MaskFixture.of(
            FromRandomDatetimeMask.DEFINITION,
            "min",
            "2020-01-01",
            "max",
            "now",
            "date_format",
            "yyyy-MM-dd HH:mm");
    assertThat((String) t.apply(null)).matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}");
  }
}
