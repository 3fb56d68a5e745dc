package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FromColumnMaskTest {
  @Test
  void copiesTheSourceColumnFromTheRow() {
    MaskFixture mask =
        MaskFixture.of(FromColumnMask.DEFINITION, "source_column", "other")
            .withRow(Map.of("OTHER", "copied", "customers.id", 7L));
    assertThat(mask.apply("original")).isEqualTo("copied");
    assertThat(mask.apply(null)).isEqualTo("copied");
    assertThat(mask.withSecret(MaskFixture.OTHER_SECRET).apply("")).isEqualTo("copied");
    assertThat(mask.shape()).isEqualTo(OutputShape.ANY);
    MaskFixture joined =
        MaskFixture.of(FromColumnMask.DEFINITION, "source_column", "customers.id")
            .withRow(Map.of("customers.id", 7L));
    assertThat(joined.apply("x")).isEqualTo(7L);
  }

  @Test
  void missingColumnGivesNull() {
    assertThat(MaskFixture.of(FromColumnMask.DEFINITION, "source_column", "nope").apply("x"))
        .isNull();
  }

  @Test
  void blankColumnIsRejected() {
    assertThatThrownBy(() -> MaskFixture.create(FromColumnMask.DEFINITION, "source_column", " "))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
  }
}
