package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FromChoicesMaskTest {
  private final MaskFixture plain =
      MaskFixture.of(FromChoicesMask.DEFINITION, "choices", List.of("red", "green", "blue"));

  @Test
  void deterministicAndSecretDependent() {
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    List<Object> c = new ArrayList<>();
    for (long i = 0; i < 30; i++) {
      a.add(plain.apply("v", i));
      b.add(plain.apply("v", i));
      c.add(plain.withSecret(MaskFixture.OTHER_SECRET).apply("v", i));
    }
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void uniformPickHitsEveryChoiceAndFitsShape() {
    Map<Object, Integer> counts = new HashMap<>();
    for (long i = 0; i < 3000; i++) {
      Object out = plain.apply(null, i);
      plain.assertFitsShape(out);
      counts.merge(out, 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys("red", "green", "blue");
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    assertThat(plain.shape()).isEqualTo(OutputShape.text(5));
  }

  @Test
  void weightsAreRoughlyRespected() {
    MaskFixture weighted =
        MaskFixture.of(
            FromChoicesMask.DEFINITION,
            "choices",
            List.of(
                Map.of("value", "A", "weight", 8L),
                Map.of("value", "B", "weight", new BigDecimal("1.5")),
                "C"));
    Map<Object, Integer> counts = new HashMap<>();
    for (long i = 0; i < 10_500; i++) {
      counts.merge(weighted.apply("x", i), 1, Integer::sum);
    }
    // expected 8000 / 1500 / 1000
    assertThat(counts.get("A")).isBetween(7700, 8300);
    assertThat(counts.get("B")).isBetween(1350, 1650);
    assertThat(counts.get("C")).isBetween(880, 1120);
  }

  @Test
  void numbersAndNullsAreValidChoices() {
    MaskFixture numbers =
        MaskFixture.of(FromChoicesMask.DEFINITION, "choices", List.of(1L, 250L, 7));
    assertThat(numbers.shape()).isEqualTo(new OutputShape(OutputShape.Kind.INTEGER, 3));
    for (long i = 0; i < 50; i++) {
      Object out = numbers.apply("", i);
      assertThat(out).isIn(1L, 250L, 7L);
    }
    MaskFixture withNull =
        MaskFixture.of(FromChoicesMask.DEFINITION, "choices", Arrays.asList(null, "x"));
    assertThat(withNull.apply("a", 1L)).isIn(null, "x");
    MaskFixture one = MaskFixture.of(FromChoicesMask.DEFINITION, "choices", List.of("only"));
    assertThat(one.apply(null)).isEqualTo("only");
    assertThat(MaskFixture.of(FromChoicesMask.DEFINITION, "choices", List.of("a", 1L)).shape())
        .isEqualTo(OutputShape.ANY);
  }

  @Test
  void rejectsBadChoices() {
    assertThatThrownBy(() -> MaskFixture.create(FromChoicesMask.DEFINITION, "choices", List.of()))
        .isInstanceOf(MaskArgs.InvalidArgument.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromChoicesMask.DEFINITION,
                    "choices",
                    List.of(Map.of("value", "a", "weight", 0L))))
        .isInstanceOf(MaskArgs.InvalidArgument.class)
        .hasMessageContaining("greater than 0");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromChoicesMask.DEFINITION,
                    "choices",
                    List.of(Map.of("value", "a", "weight", -2L))))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromChoicesMask.DEFINITION, "choices", List.of(Map.of("weight", 2L))))
        .hasMessageContaining("no 'value'");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromChoicesMask.DEFINITION,
                    "choices",
                    List.of(Map.of("value", "a", "wieght", 2L))))
        .hasMessageContaining("unknown key 'wieght'");
  }
}
