package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.secret.SeedEncoder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SeedEncoderTest {
  private static byte[] enc(Object... values) {
    SeedEncoder e = new SeedEncoder();
    for (Object v : values) {
      e.add(v);
    }
    return e.toBytes();
  }

  @Test
  void numbersEncodeByExactValueWhateverTheirJavaType() {
    assertThat(enc(5L)).isEqualTo(enc(5)).isEqualTo(enc(new BigDecimal("5.00")));
    assertThat(enc(new BigDecimal("0.000"))).isEqualTo(enc(0L));
    assertThat(enc(2.5d)).isEqualTo(enc(new BigDecimal("2.50")));
    assertThat(enc(5L)).isNotEqualTo(enc(new BigDecimal("5.01")));
  }

  @Test
  void fieldsAreLengthPrefixed() {
    assertThat(enc("ab", "c")).isNotEqualTo(enc("a", "bc"));
  }

  @Test
  void typesAreTagged() {
    assertThat(enc(5L)).isNotEqualTo(enc("5"));
    assertThat(enc((Object) null)).isNotEqualTo(enc(""));
    assertThat(enc(LocalDate.of(2020, 1, 2))).isNotEqualTo(enc("2020-01-02"));
  }

  @Test
  void zonedTimestampsEncodeAsTheirInstant() {
    OffsetDateTime plusTwo = OffsetDateTime.of(2020, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
    OffsetDateTime utc = OffsetDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    assertThat(enc(plusTwo)).isEqualTo(enc(utc));
    assertThat(enc(LocalDateTime.of(2020, 1, 1, 10, 0))).isNotEqualTo(enc(utc));
  }
}
