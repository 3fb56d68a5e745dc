package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FromRandomDateMaskTest {
  private static final LocalDate RUN_DAY = LocalDate.of(2024, 6, 15);

  @Test
  void staysInRangeHitsBothEndsAndIsDeterministic() {
    MaskFixture m =
        MaskFixture.of(FromRandomDateMask.DEFINITION, "min", "2020-01-01", "max", "2020-01-10");
    boolean first = false;
    boolean last = false;
    for (long seed = 0; seed < 2000; seed++) {
      Object out = m.apply(null, seed);
      m.assertFitsShape(out);
      LocalDate d = (LocalDate) out;
      assertThat(d).isBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 10));
      first |= d.getDayOfMonth() == 1;
      last |= d.getDayOfMonth() == 10;
    }
    assertThat(first && last).isTrue();
    assertThat(m.apply("x", 1L)).isEqualTo(m.apply("y", 1L));
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    for (long seed = 0; seed < 20; seed++) {
      a.add(m.apply("", seed));
      b.add(m.withSecret(MaskFixture.OTHER_SECRET).apply("", seed));
    }
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void nowIsTheRunStartNeverTheWallClock() {
    MaskFixture m =
        MaskFixture.of(FromRandomDateMask.DEFINITION, "min", "1950-01-01", "max", "now");
    for (long seed = 0; seed < 1000; seed++) {
      assertThat((LocalDate) m.apply(null, seed)).isBetween(LocalDate.of(1950, 1, 1), RUN_DAY);
    }
    MaskFixture now = MaskFixture.of(FromRandomDateMask.DEFINITION, "min", "NOW", "max", "now");
    assertThat(now.apply("")).isEqualTo(RUN_DAY);
    // DataMasque's other spelling of now
    MaskFixture current =
        MaskFixture.of(
            FromRandomDateMask.DEFINITION, "min", "current_date_time", "max", "current_date_time");
    assertThat(current.apply("")).isEqualTo(RUN_DAY);
  }

  @Test
  void acceptsDateObjectsAndDateTimeText() {
    MaskFixture m =
        MaskFixture.of(
            FromRandomDateMask.DEFINITION,
            "min",
            LocalDate.of(2001, 2, 3),
            "max",
            "2001-02-03T23:00:00");
    assertThat(m.apply(null)).isEqualTo(LocalDate.of(2001, 2, 3));
    assertThat(m.shape()).isEqualTo(OutputShape.of(OutputShape.Kind.DATE));
  }

  @Test
  void rejectsBadBounds() {
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromRandomDateMask.DEFINITION, "min", "2020-02-01", "max", "2020-01-01"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("max"))
        .hasMessageContaining("before min");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromRandomDateMask.DEFINITION, "min", "01/02/2020", "max", "now"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("min"))
        .hasMessageContaining("ISO-8601");
    MaskFixture future =
        MaskFixture.of(FromRandomDateMask.DEFINITION, "min", "2099-01-01", "max", "now");
    assertThatThrownBy(() -> future.apply("x"))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("before min");
  }

  @Test
  void datetimeRangeInWholeSeconds() {
    MaskFixture m =
        MaskFixture.of(
            FromRandomDatetimeMask.DEFINITION,
            "min",
            "2020-01-01 00:00:00",
            "max",
            "2020-01-01T00:00:05Z");
    boolean first = false;
    boolean last = false;
    for (long seed = 0; seed < 500; seed++) {
      Object out = m.apply(null, seed);
      m.assertFitsShape(out);
      LocalDateTime t = (LocalDateTime) out;
      assertThat(t.getNano()).isZero();
      assertThat(t)
          .isBetween(LocalDateTime.of(2020, 1, 1, 0, 0, 0), LocalDateTime.of(2020, 1, 1, 0, 0, 5));
      first |= t.getSecond() == 0;
      last |= t.getSecond() == 5;
    }
    assertThat(first && last).isTrue();
    // another secret draws other values from the same range
    MaskFixture other = m.withSecret(MaskFixture.OTHER_SECRET);
    List<Object> mine = new ArrayList<>();
    List<Object> theirs = new ArrayList<>();
    for (long seed = 0; seed < 40; seed++) {
      mine.add(m.apply(null, seed));
      Object o = other.apply(null, seed);
      assertThat((LocalDateTime) o)
          .isBetween(LocalDateTime.of(2020, 1, 1, 0, 0, 0), LocalDateTime.of(2020, 1, 1, 0, 0, 5));
      theirs.add(o);
    }
    assertThat(theirs).isNotEqualTo(mine);
  }

  @Test
  void datetimeNowAndDateOnlyBounds() {
    MaskFixture now = MaskFixture.of(FromRandomDatetimeMask.DEFINITION, "min", "now", "max", "now");
    assertThat(now.apply(null)).isEqualTo(LocalDateTime.of(2024, 6, 15, 10, 30, 45));
    MaskFixture day =
        MaskFixture.of(FromRandomDatetimeMask.DEFINITION, "min", "2020-03-01", "max", "2020-03-01");
    boolean late = false;
    for (long seed = 0; seed < 200; seed++) {
      LocalDateTime t = (LocalDateTime) day.apply(null, seed);
      assertThat(t.toLocalDate()).isEqualTo(LocalDate.of(2020, 3, 1));
      late |= t.getHour() >= 12;
    }
    assertThat(late).isTrue();
    MaskFixture offset =
        MaskFixture.of(
            FromRandomDatetimeMask.DEFINITION,
            "min",
            "2020-01-01T02:00:00+02:00",
            "max",
            "2020-01-01T00:00:00");
    assertThat(offset.apply(null)).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
    MaskFixture defaults =
        MaskFixture.of(
            FromRandomDatetimeMask.DEFINITION, "min", "1950-01-01", "max", "current_date_time");
    for (long seed = 0; seed < 200; seed++) {
      assertThat((LocalDateTime) defaults.apply(null, seed))
          .isBetween(LocalDateTime.of(1950, 1, 1, 0, 0), LocalDateTime.of(2024, 6, 15, 10, 30, 45));
    }
  }

  @Test
  void datetimeRejectsReversedBounds() {
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromRandomDatetimeMask.DEFINITION,
                    "min",
                    "2020-01-01T00:00:01",
                    "max",
                    "2020-01-01T00:00:00"))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromRandomDatetimeMask.DEFINITION, "min", "2020-01-01", "max", "tomorrow"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("max"));
  }
}
