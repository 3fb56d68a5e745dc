package dev.guise.mask;

import static dev.guise.mask.MaskFixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HashMaskTest {
  private final MaskFixture m = MaskFixture.of(HashMask.DEFINITION);

  @Test
  void keyedHexDeterministicAndIndependentOfSeedAndDefinition() {
    Object out = m.apply("alice@example.com", 1L);
    assertThat((String) out).matches("[0-9a-f]{64}");
    assertThat(m.apply("alice@example.com", 2L)).isEqualTo(out);
    // another definition (another digest) gives the same hash: one value, one hash
    assertThat(MaskFixture.of(HashMask.DEFINITION, "length", 64L).apply("alice@example.com", 9L))
        .isEqualTo(out);
    assertThat(m.withSecret(MaskFixture.OTHER_SECRET).apply("alice@example.com")).isNotEqualTo(out);
    assertThat(m.apply("bob@example.com")).isNotEqualTo(out);
    m.assertFitsShape(out);
  }

  @Test
  void pinnedValue() {
    // HMAC(run key, SeedEncoder("guise/hash/v1", "abc")), cross-checked with Python's hmac module.
    // Users store these hashes: changing this value is a breaking change.
    assertThat(m.apply("abc"))
        .isEqualTo("be375490edc05340ba4935efcf243babec88f6481cd21e9ee6520733c3bdc67b");
  }

  @Test
  void canonicalEncodingOfNumbers() {
    assertThat(m.apply(5L)).isEqualTo(m.apply(new BigDecimal("5.00")));
    assertThat(m.apply(5L)).isNotEqualTo(m.apply("5"));
    // a date hashes as a date: not as its text nor as midnight of that day
    Object date = m.apply(LocalDate.of(2020, 1, 1));
    assertThat((String) date).matches("[0-9a-f]{64}");
    assertThat(m.apply(LocalDate.of(2020, 1, 1))).isEqualTo(date);
    assertThat(date)
        .isNotEqualTo(m.apply(LocalDate.of(2020, 1, 2)))
        .isNotEqualTo(m.apply("2020-01-01"))
        .isNotEqualTo(m.apply(LocalDateTime.of(2020, 1, 1, 0, 0)));
    // bytes hash by content, not by array identity
    Object bytes = m.apply(new byte[] {1, 2});
    assertThat((String) bytes).matches("[0-9a-f]{64}");
    assertThat(m.apply(new byte[] {1, 2})).isEqualTo(bytes);
    assertThat(bytes)
        .isNotEqualTo(m.apply(new byte[] {1, 3}))
        .isNotEqualTo(m.apply("\u0001\u0002"));
  }

  @Test
  void nullEmptyLengthAndBounds() {
    assertThat(m.apply(null)).isNull();
    assertThat((String) m.apply("")).hasSize(64);
    MaskFixture short8 = MaskFixture.of(HashMask.DEFINITION, "length", 8L);
    assertThat(short8.shape()).isEqualTo(OutputShape.text(8));
    assertThat((String) short8.apply("x")).isEqualTo(((String) m.apply("x")).substring(0, 8));
    assertThat((String) MaskFixture.of(HashMask.DEFINITION, "length", 1L).apply("x")).hasSize(1);
    assertThat((String) m.apply("😀".repeat(100_000))).hasSize(64);
    assertThatThrownBy(() -> MaskFixture.create(HashMask.DEFINITION, "length", 0L))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    assertThatThrownBy(() -> MaskFixture.create(HashMask.DEFINITION, "length", 65L))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
  }

  @Test
  void doNothingReturnsItsInput() {
    MaskFixture n = MaskFixture.of(DoNothingMask.DEFINITION, args());
    byte[] bytes = {1};
    assertThat(n.apply(null)).isNull();
    assertThat(n.apply("")).isEqualTo("");
    assertThat(n.apply(bytes)).isSameAs(bytes);
    assertThat(n.withSecret(MaskFixture.OTHER_SECRET).apply(7L)).isEqualTo(7L);
    assertThat(n.shape()).isEqualTo(OutputShape.SAME);
  }
}
