package dev.guise.mask;

import static dev.guise.mask.MaskFixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplaceRegexMaskTest {
  private static final String PHONE = "call 555-1234 or 555-9876";

  @Test
  void fixedValueReplacesEveryMatchLiterally() {
    MaskFixture m = MaskFixture.of(ReplaceRegexMask.DEFINITION, "regex", "[0-9]", "value", "$1\\");
    assertThat(m.apply("a1b22")).isEqualTo("a$1\\b$1\\$1\\");
    assertThat(m.apply(null)).isNull();
    assertThat(m.apply("")).isEqualTo("");
    assertThat(m.apply(1203L)).isEqualTo("$1\\$1\\$1\\$1\\");
    MaskFixture number = MaskFixture.of(ReplaceRegexMask.DEFINITION, "regex", "x", "value", 0L);
    assertThat(number.apply("axb")).isEqualTo("a0b");
  }

  @Test
  void nestedMasksMaskEachMatchIndependently() {
    MaskFixture m =
        MaskFixture.of(
            ReplaceRegexMask.DEFINITION,
            "regex",
            "[0-9]+",
            "masks",
            MaskFixture.pipeline(ImitateMask.DEFINITION, args("force_change", true)));
    String out = (String) m.apply(PHONE);
    assertThat(out).matches("call [0-9]{3}-[0-9]{4} or [0-9]{3}-[0-9]{4}").isNotEqualTo(PHONE);
    assertThat(m.apply(PHONE)).isEqualTo(out);
    assertThat(m.withSecret(MaskFixture.OTHER_SECRET).apply(PHONE)).isNotEqualTo(out);
    // the two "555" matches draw from different generators
    int same = 0;
    for (long seed = 0; seed < 200; seed++) {
      String o = (String) m.apply(PHONE, seed);
      same += o.substring(5, 8).equals(o.substring(17, 20)) ? 1 : 0;
    }
    assertThat(same).isLessThan(10);
    assertThat(m.shape().kind()).isEqualTo(OutputShape.Kind.TEXT);
  }

  @Test
  void nullFromNestedMasksRemovesTheMatch() {
    MaskFixture m =
        MaskFixture.of(
            ReplaceRegexMask.DEFINITION,
            "regex",
            "secret",
            "masks",
            MaskFixture.pipeline(FromFixedMask.DEFINITION, args("value", null)));
    assertThat(m.apply("a secret b")).isEqualTo("a  b");
  }

  @Test
  void unicodeAndLongText() {
    MaskFixture m = MaskFixture.of(ReplaceRegexMask.DEFINITION, "regex", "😀", "value", "*");
    assertThat(m.apply("a😀b😀")).isEqualTo("a*b*");
    assertThat(m.apply("😀".repeat(50_000))).isEqualTo("*".repeat(50_000));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(
            () -> MaskFixture.create(ReplaceRegexMask.DEFINITION, "regex", "(", "value", "x"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("regex"))
        .hasMessageContaining("invalid regular expression");
    assertThatThrownBy(() -> MaskFixture.create(ReplaceRegexMask.DEFINITION, "regex", "a"))
        .hasMessageContaining("neither masks nor value");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    ReplaceRegexMask.DEFINITION,
                    "regex",
                    "a",
                    "value",
                    "x",
                    "masks",
                    MaskFixture.pipeline(DoNothingMask.DEFINITION, args())))
        .hasMessageContaining("both masks and value");
  }
}
