package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FromRandomTextMaskTest {
  private final MaskFixture mask =
      MaskFixture.of(FromRandomTextMask.DEFINITION, "min", 3L, "max", 6L);

  @Test
  void deterministicAndSecretDependent() {
    assertThat(mask.apply("a", 5L)).isEqualTo(mask.apply("b", 5L));
    assertThat(mask.apply("a", 5L))
        .isNotEqualTo(mask.withSecret(MaskFixture.OTHER_SECRET).apply("a", 5L));
  }

  @Test
  void lengthsStayInRangeAndHitBothEnds() {
    Set<Integer> lengths = new HashSet<>();
    for (long i = 0; i < 2000; i++) {
      Object out = mask.apply(null, i);
      assertThat((String) out).matches("[A-Za-z]{3,6}");
      mask.assertFitsShape(out);
      lengths.add(((String) out).length());
    }
    assertThat(lengths).containsExactlyInAnyOrder(3, 4, 5, 6);
    assertThat(mask.shape()).isEqualTo(OutputShape.text(6));
  }

  @Test
  void boundaries() {
    assertThat(MaskFixture.of(FromRandomTextMask.DEFINITION, "min", 4L, "max", 4L).apply(""))
        .asString()
        .hasSize(4);
    assertThat(MaskFixture.of(FromRandomTextMask.DEFINITION, "min", 0L, "max", 0L).apply("x"))
        .isEqualTo("");
    assertThat(MaskFixture.of(FromRandomTextMask.DEFINITION, "max", 2L).apply("x"))
        .asString()
        .hasSizeBetween(1, 2);
    assertThat(MaskFixture.of(FromRandomTextMask.DEFINITION, "min", 5000L, "max", 5000L).apply("x"))
        .asString()
        .hasSize(5000);
  }

  @Test
  void rejectsBadRanges() {
    assertThatThrownBy(
            () -> MaskFixture.create(FromRandomTextMask.DEFINITION, "min", 5L, "max", 2L))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("max"));
    assertThatThrownBy(
            () -> MaskFixture.create(FromRandomTextMask.DEFINITION, "min", -1L, "max", 2L))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    assertThatThrownBy(() -> MaskFixture.create(FromRandomTextMask.DEFINITION, "max", 100_000L))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
  }
}
