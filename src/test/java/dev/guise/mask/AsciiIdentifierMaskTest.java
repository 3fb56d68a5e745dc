package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsciiIdentifierMaskTest {
  @Test
  void foldsDiacriticsLowersAndJoinsParts() {
    MaskFixture joined = MaskFixture.of(AsciiIdentifierMask.DEFINITION);
    assertThat(joined.apply("Rían")).isEqualTo("rian");
    assertThat(joined.apply("JIA WOEI")).isEqualTo("jiawoei");
    assertThat(joined.apply("O'Brien-Smith")).isEqualTo("obriensmith");
    assertThat(joined.apply("Straße Ørsted Łukasz Æsa")).isEqualTo("strasseorstedlukaszaesa");
    assertThat(joined.apply("Ｆｕｌｌ１")).isEqualTo("full1");
    MaskFixture dotted = MaskFixture.of(AsciiIdentifierMask.DEFINITION, "separator", ".");
    assertThat(dotted.apply("  Jia   Woei  ")).isEqualTo("jia.woei");
    assertThat(dotted.apply("Zoë-Ann O'Neil")).isEqualTo("zoe.ann.o.neil");
  }

  @Test
  void sameForEverySecretAndNullEmptyAndOtherScriptsPolicy() {
    MaskFixture mask = MaskFixture.of(AsciiIdentifierMask.DEFINITION, "separator", "_");
    assertThat(mask.withSecret(MaskFixture.OTHER_SECRET).apply("Ana María"))
        .isEqualTo(mask.apply("Ana María"))
        .isEqualTo("ana_maria");
    assertThat(mask.apply(null)).isNull();
    assertThat(mask.apply("")).isEqualTo("");
    assertThat(mask.apply("李 Wei")).isEqualTo("wei");
    assertThat(mask.apply("李")).isEqualTo("");
    assertThat(mask.apply(42L)).isEqualTo(42L);
    String longText = " É".repeat(10_000);
    assertThat((String) mask.apply(longText)).hasSize(20_000 - 1).matches("[a-z_]+");
  }

  @Test
  void aSeparatorThatAnEmailCannotHoldIsRejected() {
    assertThatThrownBy(() -> MaskFixture.create(AsciiIdentifierMask.DEFINITION, "separator", " "))
        .isInstanceOf(MaskArgs.InvalidArgument.class)
        .hasMessageContaining("use '', '.', '_' or '-'");
  }
}
