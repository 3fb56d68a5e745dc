package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FromFormatStringMaskTest {
  private final MaskFixture mask =
      MaskFixture.of(FromFormatStringMask.DEFINITION, "value_format", "ID-{[A-Z0-9],6-8}");

  @Test
  void deterministicPerSecretAndSeed() {
    assertThat(mask.apply("x", 1L)).isEqualTo(mask.apply("y", 1L));
    assertThat(mask.apply("x", 1L)).isNotEqualTo(mask.apply("x", 2L));
    assertThat(mask.apply("x", 1L))
        .isNotEqualTo(mask.withSecret(MaskFixture.OTHER_SECRET).apply("x", 1L));
  }

  @Test
  void generatesForNullAndEmptyAndFitsShape() {
    assertThat(mask.shape()).isEqualTo(OutputShape.text(11));
    for (Object in : new Object[] {null, "", 42L}) {
      Object out = mask.apply(in);
      assertThat((String) out).matches("ID-[A-Z0-9]{6,8}");
      mask.assertFitsShape(out);
    }
  }

  @Test
  void acceptsTheFormatAlias() {
    MaskFixture alias = MaskFixture.of(FromFormatStringMask.DEFINITION, "format", "{[a],2}");
    assertThat(alias.apply(null)).isEqualTo("aa");
  }

  @Test
  void badFormatIsReportedOnTheParameter() {
    assertThatThrownBy(
            () -> MaskFixture.create(FromFormatStringMask.DEFINITION, "value_format", "{[],2}"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("value_format"))
        .hasMessageContaining("empty character class");
  }
}
