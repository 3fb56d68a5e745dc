package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FromUniqueMaskTest {
  private static FromUniqueMask mask(String format) {
    return (FromUniqueMask) MaskFixture.create(FromUniqueMask.DEFINITION, "format", format);
  }

  private final MaskContext ctx = MaskFixture.of(ImitateUniqueMask.DEFINITION).context(1L);

  private static String at(FromUniqueMask m, long n, MaskContext c) {
    return (String) m.valueAt(BigInteger.valueOf(n), c);
  }

  @Test
  void aSmallSpaceIsCoveredExactlyOnce() {
    FromUniqueMask m = mask("X-{[A-C],2}");
    assertThat(m.space()).contains(BigInteger.valueOf(9));
    Set<String> seen = new HashSet<>();
    for (long n = 0; n < 9; n++) {
      String v = at(m, n, ctx);
      assertThat(v).matches("X-[A-C]{2}");
      assertThat(seen.add(v)).isTrue();
    }
    assertThat(seen).hasSize(9);
    assertThat(m.assignment()).isEqualTo(UniqueMask.Assignment.BY_ORDINAL);
  }

  @Test
  void aLargeSpaceGivesNoCollisionInAHundredThousand() {
    FromUniqueMask m = mask("{[A-Z],3}{[0-9],3}");
    assertThat(m.space()).contains(BigInteger.valueOf(17_576_000));
    Set<String> seen = new HashSet<>();
    int sequential = 0;
    String previous = null;
    for (long n = 0; n < 100_000; n++) {
      String v = at(m, n, ctx);
      assertThat(v).matches("[A-Z]{3}[0-9]{3}");
      assertThat(seen.add(v)).isTrue();
      sequential += v.equals(m.format().at(BigInteger.valueOf(n))) ? 1 : 0;
      previous = v;
    }
    assertThat(previous).isNotNull();
    assertThat(sequential).isLessThan(5); // the ordinal is permuted: outputs do not count up
  }

  @Test
  void oneVariableLengthPlaceholderIsExact() {
    FromUniqueMask m = mask("ID-{[0-9],1-3}");
    assertThat(m.space()).contains(BigInteger.valueOf(1110));
    Set<String> seen = new HashSet<>();
    for (long n = 0; n < 1110; n++) {
      String v = at(m, n, ctx);
      assertThat(v).matches("ID-[0-9]{1,3}");
      assertThat(seen.add(v)).isTrue();
    }
    assertThatThrownBy(() -> mask("{[a-z],1-2}{[a-z],1-2}"))
        .isInstanceOf(MaskArgs.InvalidArgument.class)
        .hasMessageContaining("at most one");
  }

  @Test
  void keyedDeterministicAndBounded() {
    FromUniqueMask m = mask("{[A-Z],3}{[0-9],3}");
    MaskContext otherRow = MaskFixture.of(ImitateUniqueMask.DEFINITION).context("row 2");
    assertThat(at(m, 42, otherRow)).isEqualTo(at(m, 42, ctx));
    assertThat(at(mask("{[A-Z],3}{[0-9],3}"), 42, ctx)).isEqualTo(at(m, 42, ctx));
    MaskContext otherSecret =
        MaskFixture.of(ImitateUniqueMask.DEFINITION)
            .withSecret(MaskFixture.OTHER_SECRET)
            .context(1L);
    assertThat(at(m, 42, otherSecret)).isNotEqualTo(at(m, 42, ctx));
    assertThat(at(m, 0, ctx)).isEqualTo("RTE169"); // pinned: a change is a breaking change
    assertThatThrownBy(() -> at(mask("{[0-9],2}"), 100, ctx))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("100 distinct values");
    assertThatThrownBy(() -> m.apply("x", ctx))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("only mask of its rule");
    assertThat(m.shape()).isEqualTo(OutputShape.text(6));
  }

  @Test
  void formatEnumerationIsABijection() {
    FormatString f = FormatString.parse("{[ab],0-2}.{[xyz]}");
    assertThat(f.outputSpace()).isEqualTo(BigInteger.valueOf(21));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 21; i++) {
      seen.add(f.at(BigInteger.valueOf(i)));
    }
    assertThat(seen).hasSize(21).contains(".x", "ab.z", "b.y");
    assertThatThrownBy(() -> f.at(BigInteger.valueOf(21)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
