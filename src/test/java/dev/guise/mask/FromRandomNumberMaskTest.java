package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FromRandomNumberMaskTest {
  @Test
  void minDefaultsToZeroAndIntegers() {
    // max is required (DataMasque's numeric masks page), min defaults to 0, decimal_places to 0
    assertThat(FromRandomNumberMask.DEFINITION.param("max").required()).isTrue();
    MaskFixture m = MaskFixture.of(FromRandomNumberMask.DEFINITION, "max", 10L);
    assertThat(m.shape()).isEqualTo(new OutputShape(OutputShape.Kind.INTEGER, 2));
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long seed = 0; seed < 2000; seed++) {
      long v = (Long) m.apply(null, seed);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isZero();
    assertThat(max).isEqualTo(10);
  }

  @Test
  void deterministicAndSecretDependent() {
    MaskFixture m = MaskFixture.of(FromRandomNumberMask.DEFINITION, "min", 0L, "max", 1_000_000L);
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    for (long seed = 0; seed < 20; seed++) {
      a.add(m.apply("x", seed));
      b.add(m.withSecret(MaskFixture.OTHER_SECRET).apply("x", seed));
    }
    assertThat(m.apply("x", 3L)).isEqualTo(m.apply("y", 3L));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void staysInRangeHitsBothEndsAndFitsShape() {
    MaskFixture m = MaskFixture.of(FromRandomNumberMask.DEFINITION, "min", -5L, "max", 1000L);
    assertThat(m.shape()).isEqualTo(new OutputShape(OutputShape.Kind.INTEGER, 4));
    boolean low = false;
    boolean high = false;
    for (long seed = 0; seed < 10_000; seed++) {
      MaskFixture narrow =
          seed % 2 == 0
              ? m
              : MaskFixture.of(FromRandomNumberMask.DEFINITION, "min", -5L, "max", 5L);
      Object out = narrow.apply("", seed);
      narrow.assertFitsShape(out);
      long v = (Long) out;
      assertThat(v).isBetween(-5L, 1000L);
      low |= v == -5;
      high |= v == 5 || v == 1000;
    }
    assertThat(low).isTrue();
    assertThat(high).isTrue();
  }

  @Test
  void decimalPlacesGiveBigDecimalsWithThatScale() {
    MaskFixture m =
        MaskFixture.of(
            FromRandomNumberMask.DEFINITION,
            "min",
            new BigDecimal("-1.5"),
            "max",
            new BigDecimal("99.99"),
            "decimal_places",
            2L);
    assertThat(m.shape()).isEqualTo(new OutputShape(OutputShape.Kind.DECIMAL, 5));
    boolean sawLow = false;
    boolean sawHigh = false;
    for (long seed = 0; seed < 10_000; seed++) {
      BigDecimal v = (BigDecimal) m.apply(null, seed);
      assertThat(v.scale()).isEqualTo(2);
      assertThat(v).isBetween(new BigDecimal("-1.50"), new BigDecimal("99.99"));
      m.assertFitsShape(v);
      sawLow |= v.compareTo(new BigDecimal("-1.40")) <= 0;
      sawHigh |= v.compareTo(new BigDecimal("99.90")) >= 0;
    }
    assertThat(sawLow).isTrue();
    assertThat(sawHigh).isTrue();
  }

  @Test
  void minEqualsMax() {
    assertThat(MaskFixture.of(FromRandomNumberMask.DEFINITION, "min", 7L, "max", 7L).apply("x"))
        .isEqualTo(7L);
    assertThat(
            MaskFixture.of(
                    FromRandomNumberMask.DEFINITION, "min", 7L, "max", 7L, "decimal_places", 1L)
                .apply("x"))
        .isEqualTo(new BigDecimal("7.0"));
  }

  @Test
  void extremeRangeWorks() {
    MaskFixture m =
        MaskFixture.of(
            FromRandomNumberMask.DEFINITION, "min", Long.MIN_VALUE, "max", Long.MAX_VALUE);
    assertThat(m.apply("x")).isInstanceOf(Long.class);
    assertThat(m.shape().maxLength()).isEqualTo(20);
  }

  @Test
  void modeSkewsTowardsThePeak() {
    MaskFixture m =
        MaskFixture.of(FromRandomNumberMask.DEFINITION, "min", 0L, "max", 100L, "mode", 90L);
    int above50 = 0;
    double sum = 0;
    for (long seed = 0; seed < 10_000; seed++) {
      long v = (Long) m.apply(null, seed);
      assertThat(v).isBetween(0L, 100L);
      above50 += v > 50 ? 1 : 0;
      sum += v;
    }
    // triangular(0, 100, 90): mean 63.3, P(X > 50) = 1 - 50^2/(100*90) = 0.722
    assertThat(sum / 10_000).isBetween(61.5, 65.0);
    assertThat(above50).isBetween(7000, 7450);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(
            () -> MaskFixture.create(FromRandomNumberMask.DEFINITION, "min", 10L, "max", 1L))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("max"))
        .hasMessageContaining("less than min");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromRandomNumberMask.DEFINITION, "min", 0L, "max", 5L, "mode", 6L))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("mode"));
    assertThatThrownBy(
            () -> MaskFixture.create(FromRandomNumberMask.DEFINITION, "decimal_places", -1L))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromRandomNumberMask.DEFINITION,
                    "min",
                    new BigDecimal("0.11"),
                    "max",
                    new BigDecimal("0.19"),
                    "decimal_places",
                    0L))
        .hasMessageContaining("no number with 0 decimal places");
  }
}
