package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FromRandomBooleanMaskTest {
  private final MaskFixture m = MaskFixture.of(FromRandomBooleanMask.DEFINITION);

  @Test
  void deterministicSecretDependentAndBalanced() {
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    int trues = 0;
    for (long seed = 0; seed < 10_000; seed++) {
      Object out = m.apply(null, seed);
      m.assertFitsShape(out);
      trues += (Boolean) out ? 1 : 0;
      if (seed < 40) {
        a.add(out);
        b.add(m.withSecret(MaskFixture.OTHER_SECRET).apply(null, seed));
      }
    }
    assertThat(trues).isBetween(4800, 5200);
    assertThat(m.apply("", 9L)).isEqualTo(m.apply("", 9L));
    assertThat(a).isNotEqualTo(b);
    assertThat(m.shape().kind()).isEqualTo(OutputShape.Kind.BOOLEAN);
  }
}
