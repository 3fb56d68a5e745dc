package dev.guise.mask;

import static dev.guise.mask.MaskFixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CombinationMasksTest {
  @Test
  void concatAppliesEachMaskToTheOriginalValue() {
    MaskFixture m =
        MaskFixture.of(
                ConcatMask.DEFINITION,
                "glue",
                " ",
                "masks",
                MaskFixture.pipeline(
                    TakeSubstringMask.DEFINITION, args("end_index", 2L),
                    TransformCaseMask.DEFINITION, args("transform", "uppercase"),
                    FromColumnMask.DEFINITION, args("source_column", "id"),
                    FromFixedMask.DEFINITION, args("value", null)))
            .withRow(Map.of("id", 42L));
    assertThat(m.apply("hello")).isEqualTo("he HELLO 42 ");
    assertThat(m.apply(null)).isEqualTo("  42 ");
    assertThat(m.shape()).isEqualTo(OutputShape.text(-1));
  }

  @Test
  void concatIsDeterministicAndItsShapeAddsUp() {
    MaskFixture m =
        MaskFixture.of(
            ConcatMask.DEFINITION,
            "glue",
            "-",
            "masks",
            MaskFixture.pipeline(
                FromFormatStringMask.DEFINITION, args("value_format", "{[A-Z],3}"),
                FromRandomNumberMask.DEFINITION, args("min", 0L, "max", 999L)));
    assertThat(m.shape()).isEqualTo(OutputShape.text(7));
    Object out = m.apply("x", 1L);
    assertThat((String) out).matches("[A-Z]{3}-[0-9]{1,3}");
    m.assertFitsShape(out);
    assertThat(m.apply("y", 1L)).isEqualTo(out);
    assertThat(m.withSecret(MaskFixture.OTHER_SECRET).apply("x", 1L)).isNotEqualTo(out);
    assertThat(
            MaskFixture.of(
                    ConcatMask.DEFINITION,
                    "masks",
                    MaskFixture.pipeline(DoNothingMask.DEFINITION, args()))
                .apply(""))
        .isEqualTo("");
  }

  @Test
  void chainAppliesMasksInSequence() {
    MaskFixture m =
        MaskFixture.of(
            ChainMask.DEFINITION,
            "masks",
            MaskFixture.pipeline(
                TakeSubstringMask.DEFINITION, args("start_index", 0L, "end_index", 3L),
                TransformCaseMask.DEFINITION, args("transform", "uppercase")));
    assertThat(m.apply("hello")).isEqualTo("HEL");
    assertThat(m.apply(null)).isNull();
    assertThat(m.apply("")).isEqualTo("");
    assertThat(m.shape()).isEqualTo(OutputShape.text(3));
    MaskFixture typed =
        MaskFixture.of(
            ChainMask.DEFINITION,
            "masks",
            MaskFixture.pipeline(
                FromRandomNumberMask.DEFINITION,
                args("max", 99L),
                DoNothingMask.DEFINITION,
                args()));
    assertThat(typed.shape()).isEqualTo(new OutputShape(OutputShape.Kind.INTEGER, 2));
    typed.assertFitsShape(typed.apply("x"));
  }

  @Test
  void emptyMaskListsAreRejected() {
    assertThatThrownBy(
            () -> MaskFixture.create(ConcatMask.DEFINITION, "masks", MaskFixture.pipeline()))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    assertThatThrownBy(
            () -> MaskFixture.create(ChainMask.DEFINITION, "masks", MaskFixture.pipeline()))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
  }
}
