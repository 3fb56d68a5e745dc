package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImitateNzIrdMaskTest {
  private final MaskFixture mask = MaskFixture.of(ImitateNzIrdMask.DEFINITION);

  private Object m(Object v) {
    return mask.apply(v, 1L);
  }

  private static boolean valid(String s) {
    return ImitateNzIrdMask.isValid(Long.parseLong(s.replaceAll("[^0-9]", "")));
  }

  @Test
  void inlandRevenueCheckDigits() {
    assertThat(ImitateNzIrdMask.isValid(49091850L)).isTrue(); // primary weights
    assertThat(ImitateNzIrdMask.isValid(49098576L)).isTrue();
    assertThat(ImitateNzIrdMask.isValid(49091851L)).isFalse();
    assertThat(ImitateNzIrdMask.isValid(9_999_999L)).isFalse(); // below the issued range
    assertThat(ImitateNzIrdMask.isValid(150_000_001L)).isFalse();
    // some bases need the secondary weights; some have no check digit at all
    int secondary = 0;
    int none = 0;
    for (long b = 1_000_000; b < 1_010_000; b++) {
      int primary = 0;
      long x = b;
      int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
      for (int i = 7; i >= 0; i--) {
        primary += (int) (x % 10) * w[i];
        x /= 10;
      }
      secondary += (11 - primary % 11) % 11 == 10 ? 1 : 0;
      none += ImitateNzIrdMask.checkDigit(b) == 10 ? 1 : 0;
    }
    assertThat(secondary).isGreaterThan(0);
    assertThat(none).isGreaterThan(0).isLessThan(secondary);
  }

  @Test
  void validNumbersStayValidDistinctAndChanged() {
    Set<Long> seen = new HashSet<>();
    int n = 0;
    for (long b = 4_000_000; n < 3000; b += 7) {
      int c = ImitateNzIrdMask.checkDigit(b);
      if (c == 10) {
        continue;
      }
      long in = b * 10 + c;
      long out = (Long) m(in);
      assertThat(ImitateNzIrdMask.isValid(out)).as("%d -> %d", in, out).isTrue();
      assertThat(Long.toString(out)).hasSize(8);
      assertThat(out).isNotEqualTo(in);
      assertThat(seen.add(out)).isTrue();
      n++;
    }
  }

  @Test
  void layoutIsKeptAndTextMasksLikeTheNumber() {
    String out = (String) m("49-091-850");
    assertThat(out).matches("[0-9]{2}-[0-9]{3}-[0-9]{3}");
    assertThat(valid(out)).isTrue();
    assertThat(out.replace("-", "")).isEqualTo(m(49091850L).toString());
    String nine = (String) m("136 410 132");
    assertThat(nine).matches("[0-9]{3} [0-9]{3} [0-9]{3}");
    assertThat(valid(nine)).isEqualTo(valid("136410132"));
    assertThat((String) m("049-091-850")).matches("[0-9]{3}-[0-9]{3}-[0-9]{3}");
  }

  @Test
  void invalidNumbersMapAmongInvalidOnes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String in = String.format("%08d", 10_000_000 + i * 13);
      if (valid(in)) {
        continue;
      }
      String out = (String) m(in);
      assertThat(out).hasSize(8).isNotEqualTo(in);
      assertThat(valid(out)).isFalse();
      assertThat(seen.add(out)).isTrue();
    }
  }

  @Test
  void keyedNullsAndBadShapes() {
    assertThat(m(null)).isNull();
    assertThat(m("")).isEqualTo("");
    assertThat(mask.apply(49091850L, "other row")).isEqualTo(m(49091850L));
    assertThat(mask.withSecret(MaskFixture.OTHER_SECRET).apply(49091850L, 1L))
        .isNotEqualTo(m(49091850L));
    assertThat(MaskFixture.of(ImitateNzIrdMask.DEFINITION, "seed", "s").apply(49091850L, 1L))
        .isNotEqualTo(m(49091850L));
    for (Object bad : new Object[] {"1234567", "IRD 49091850", 1234567L, -49091850L}) {
      assertThatThrownBy(() -> m(bad))
          .isInstanceOf(GuiseException.class)
          .hasMessageContaining("imitate_nz_ird")
          .hasMessageNotContaining(bad.toString());
    }
  }
}
