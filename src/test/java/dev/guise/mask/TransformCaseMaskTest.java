package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransformCaseMaskTest {
  private static Object apply(String transform, Object value) {
    return MaskFixture.of(TransformCaseMask.DEFINITION, "transform", transform).apply(value);
  }

  @Test
  void transformsLikePython() {
    assertThat(apply("uppercase", "hello World")).isEqualTo("HELLO WORLD");
    assertThat(apply("lowercase", "Hello WORLD")).isEqualTo("hello world");
    assertThat(apply("title", "hello wORLD they're abc1def"))
        .isEqualTo("Hello World They'Re Abc1Def");
    assertThat(apply("capitalize", "hELLO World")).isEqualTo("Hello world");
    assertThat(apply("UPPERCASE", "x")).isEqualTo("X");
  }

  @Test
  void nullEmptyAndNonText() {
    for (String t : new String[] {"uppercase", "lowercase", "title", "capitalize"}) {
      assertThat(apply(t, null)).isNull();
      assertThat(apply(t, "")).isEqualTo("");
      assertThat(apply(t, 42L)).isEqualTo(42L);
    }
  }

  @Test
  void unicodeAndSurrogatePairs() {
    assertThat(apply("uppercase", "émile 😀 ß")).isEqualTo("ÉMILE 😀 SS");
    assertThat(apply("title", "𐐨𐐨 élan"))
        .isEqualTo("𐐀𐐨 Élan"); // Deseret: supplementary letters
    assertThat(apply("capitalize", "😀abc")).isEqualTo("😀abc");
    assertThat(apply("lowercase", "ǅ")).isEqualTo("ǆ");
    assertThat(apply("title", "ǆemal")).isEqualTo("ǅemal");
  }

  @Test
  void deterministicRegardlessOfSecretAndLongText() {
    MaskFixture m = MaskFixture.of(TransformCaseMask.DEFINITION, "transform", "uppercase");
    assertThat(m.withSecret(MaskFixture.OTHER_SECRET).apply("abc")).isEqualTo(m.apply("abc"));
    assertThat(m.apply("a".repeat(100_000))).isEqualTo("A".repeat(100_000));
    assertThat(m.shape()).isEqualTo(OutputShape.SAME);
  }

  @Test
  void unknownTransformIsRejected() {
    assertThatThrownBy(() -> MaskFixture.create(TransformCaseMask.DEFINITION, "transform", "snake"))
        .isInstanceOf(MaskArgs.InvalidArgument.class)
        .hasMessageContaining("unknown transform 'snake'")
        .hasMessageContaining("uppercase, lowercase, title or capitalize");
  }
}
