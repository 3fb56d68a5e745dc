package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TakeSubstringMaskTest {
  private static MaskFixture slice(Long start, Long end) {
    return MaskFixture.of(TakeSubstringMask.DEFINITION, "start_index", start, "end_index", end);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "0, 3, abc",
        "2, null, cdefg",
        "-3, null, efg",
        "0, -2, abcde",
        "-4, -1, def",
        "5, 2, ''",
        "0, 100, abcdefg",
        "-100, 2, ab",
        "100, null, ''",
        "3, 3, ''"
      })
  void pythonSliceSemantics(Long start, Long end, String expected) {
    assertThat(slice(start, end).apply("abcdefg")).isEqualTo(expected);
  }

  @Test
  void defaultsKeepEverything() {
    assertThat(MaskFixture.of(TakeSubstringMask.DEFINITION).apply("abc")).isEqualTo("abc");
  }

  @Test
  void nullEmptyAndNonText() {
    MaskFixture m = slice(0L, 2L);
    assertThat(m.apply(null)).isNull();
    assertThat(m.apply("")).isEqualTo("");
    assertThat(m.apply(12345L)).isEqualTo("12");
    assertThat(m.apply(new BigDecimal("1E+3"))).isEqualTo("10");
    assertThat(m.withSecret(MaskFixture.OTHER_SECRET).apply("xyz")).isEqualTo("xy");
  }

  @Test
  void neverSplitsSurrogatePairs() {
    assertThat(slice(0L, 2L).apply("😀😎x")).isEqualTo("😀😎");
    assertThat(slice(-1L, null).apply("x😎")).isEqualTo("😎");
    assertThat(slice(1L, 2L).apply("é😀z")).isEqualTo("😀");
  }

  @Test
  void shapeBoundsTheLength() {
    assertThat(slice(2L, 6L).shape()).isEqualTo(OutputShape.text(4));
    assertThat(slice(-3L, null).shape()).isEqualTo(OutputShape.text(3));
    assertThat(slice(-5L, -2L).shape()).isEqualTo(OutputShape.text(3));
    assertThat(slice(-5L, 2L).shape()).isEqualTo(OutputShape.text(2));
    assertThat(slice(1L, null).shape()).isEqualTo(OutputShape.text(-1));
    assertThat(slice(1L, -1L).shape()).isEqualTo(OutputShape.text(-1));
    MaskFixture m = slice(10L, 5000L);
    String out = (String) m.apply("z".repeat(100_000));
    assertThat(out).hasSize(4990);
    m.assertFitsShape(out);
  }
}
