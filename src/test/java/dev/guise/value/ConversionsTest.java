package dev.guise.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one conversion that typecast and write-back share. */
class ConversionsTest {
  private static final OffsetDateTime LATE_IN_TOKYO =
      OffsetDateTime.of(2020, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(9));

  @Test
  void textIsPlainNotationAndIso() {
    assertThat(Conversions.toText(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Conversions.toText(1e20d)).isEqualTo("100000000000000000000");
    assertThat(Conversions.toText(0.1f)).isEqualTo("0.1");
    assertThat(Conversions.toText(Double.NaN)).isEqualTo("NaN");
    assertThat(Conversions.toText(LocalDateTime.of(2020, 1, 2, 3, 4)))
        .isEqualTo("2020-01-02T03:04:00");
    assertThat(Conversions.toText(LATE_IN_TOKYO)).isEqualTo("2020-01-01T01:00:00+09:00");
    assertThat(Conversions.toText("ä".getBytes(StandardCharsets.UTF_8))).isEqualTo("ä");
    assertThat(Conversions.toText(42L)).isEqualTo("42");
  }

  @Test
  void integersRoundAsAskedAndStayIn64Bits() {
    assertThat(Conversions.toLong(-2.5d, RoundingMode.HALF_UP)).isEqualTo(-3L);
    assertThat(Conversions.toLong(-2.5d, RoundingMode.DOWN)).isEqualTo(-2L);
    assertThat(Conversions.toLong(" 2.5 ", RoundingMode.HALF_UP)).isEqualTo(3L);
    assertThat(Conversions.toLong(new BigInteger("12"), RoundingMode.DOWN)).isEqualTo(12L);
    assertThat(Conversions.toLong(true, RoundingMode.DOWN)).isEqualTo(1L);
    assertThatThrownBy(() -> Conversions.toLong(1e30d, RoundingMode.HALF_UP))
        .isInstanceOf(Conversions.Failed.class)
        .hasMessageContaining("64-bit");
    assertThatThrownBy(() -> Conversions.toLong(Double.NaN, RoundingMode.HALF_UP))
        .isInstanceOf(Conversions.Failed.class);
    assertThatThrownBy(() -> Conversions.toLong(LocalDate.EPOCH, RoundingMode.HALF_UP))
        .isInstanceOf(Conversions.Failed.class);
  }

  @Test
  void decimalsAndDoubles() {
    assertThat(Conversions.toDecimal(0.1d)).isEqualTo(new BigDecimal("0.1"));
    assertThat(Conversions.toDecimal(0.1f)).isEqualTo(new BigDecimal("0.1"));
    assertThat(Conversions.toDecimal(" 1.50 ")).isEqualTo(new BigDecimal("1.50"));
    assertThat(Conversions.toDecimal(false)).isEqualTo(BigDecimal.ZERO);
    assertThatThrownBy(() -> Conversions.toDecimal("1,5"))
        .hasMessage("the text is not a number")
        .hasMessageNotContaining("1,5");
    assertThat(Conversions.toDouble(7L)).isEqualTo(7.0d);
    assertThat(Conversions.toDouble("1e3")).isEqualTo(1000.0d);
    assertThat(Conversions.toDouble("NaN")).isNaN();
    assertThat(Conversions.toDouble("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    // Double.parseDouble would take these; they are no numbers a user writes
    assertThatThrownBy(() -> Conversions.toDouble("1.5f")).isInstanceOf(Conversions.Failed.class);
    assertThatThrownBy(() -> Conversions.toDouble("0x1p3")).isInstanceOf(Conversions.Failed.class);
  }

  @Test
  void booleansTakeTheUsualWordsAndAnyNonZeroNumber() {
    assertThat(Conversions.toBoolean(" On ")).isTrue();
    assertThat(Conversions.toBoolean("off")).isFalse();
    assertThat(Conversions.toBoolean("Y")).isTrue();
    assertThat(Conversions.toBoolean(0.5d)).isTrue(); // not truncated to 0 first
    assertThat(Conversions.toBoolean(1L << 32)).isTrue(); // not cut to its low 32 bits
    assertThat(Conversions.toBoolean(new BigDecimal("0.00"))).isFalse();
    assertThatThrownBy(() -> Conversions.toBoolean("maybe"))
        .hasMessageContaining("on/off")
        .hasMessageNotContaining("maybe");
  }

  @Test
  void zonedTimestampsConvertInUtc() {
    assertThat(Conversions.toDate(LATE_IN_TOKYO)).isEqualTo(LocalDate.of(2019, 12, 31));
    assertThat(Conversions.toDateTime(LATE_IN_TOKYO))
        .isEqualTo(LocalDateTime.of(2019, 12, 31, 16, 0));
    assertThat(Conversions.toDate("2020-01-01T01:00:00+09:00"))
        .isEqualTo(LocalDate.of(2019, 12, 31));
    assertThat(Conversions.toOffsetDateTime(LATE_IN_TOKYO)).isSameAs(LATE_IN_TOKYO);
    assertThat(Conversions.toOffsetDateTime("2020-01-01 01:00:00+09:00")).isEqualTo(LATE_IN_TOKYO);
    assertThat(Conversions.toOffsetDateTime("2020-01-01"))
        .isEqualTo(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void datesAndTimesFromIsoText() {
    assertThat(Conversions.toDate(" 2020-01-31 ")).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(Conversions.toDate("2020-01-31 23:59:59")).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(Conversions.toDateTime(LocalDate.of(2020, 1, 31)))
        .isEqualTo(LocalDateTime.of(2020, 1, 31, 0, 0));
    assertThat(Conversions.toTime("12:30")).isEqualTo(LocalTime.of(12, 30));
    assertThatThrownBy(() -> Conversions.toDate("31/01/2020"))
        .isInstanceOf(Conversions.Failed.class)
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> Conversions.toDate(5L)).isInstanceOf(Conversions.Failed.class);
    assertThatThrownBy(() -> Conversions.toTime(5L)).isInstanceOf(Conversions.Failed.class);
  }

  @Test
  void bytesAreTheUtf8OfTheTextForm() {
    byte[] raw = {1, 2};
    assertThat(Conversions.toBytes(raw)).isSameAs(raw);
    assertThat(Conversions.toBytes(new BigDecimal("1E+2")))
        .isEqualTo("100".getBytes(StandardCharsets.UTF_8));
  }
}
