package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.secret.Rng;
import dev.guise.secret.RunKey;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatStringTest {
  private static Rng rng(int i) {
    return RunKey.derive(null, MaskFixture.SECRET).rng(new byte[] {1}, new byte[] {(byte) i});
  }

  @Test
  void generatesLiteralsAndPlaceholders() {
    FormatString f = FormatString.parse("+1-{[0-9],3}-{[0-9],4}");
    for (int i = 0; i < 200; i++) {
      assertThat(f.generate(rng(i))).matches("\\+1-[0-9]{3}-[0-9]{4}");
    }
    assertThat(f.maxLength()).isEqualTo(11);
    assertThat(f.outputSpace()).isEqualTo(BigInteger.TEN.pow(7));
  }

  @Test
  void classesWithRangesAndSingles() {
    FormatString f = FormatString.parse("{[ACGT],8}/{[a-c0-1],2}");
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String s = f.generate(rng(i));
      assertThat(s).matches("[ACGT]{8}/[abc01]{2}");
      s.chars().forEach(c -> seen.add((char) c));
    }
    assertThat(seen).contains('A', 'C', 'G', 'T', 'a', 'b', 'c', '0', '1');
    assertThat(f.outputSpace())
        .isEqualTo(BigInteger.valueOf(4).pow(8).multiply(BigInteger.valueOf(25)));
  }

  @Test
  void variableLengthCoversTheRange() {
    FormatString f = FormatString.parse("{[x],2-5}");
    Set<Integer> lengths = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      lengths.add(f.generate(rng(i)).length());
    }
    assertThat(lengths).containsExactlyInAnyOrder(2, 3, 4, 5);
    assertThat(f.maxLength()).isEqualTo(5);
    assertThat(f.outputSpace()).isEqualTo(BigInteger.valueOf(4));
    // 10^1 + 10^2 + 10^3
    assertThat(FormatString.parse("{[0-9],1-3}").outputSpace()).isEqualTo(BigInteger.valueOf(1110));
  }

  @Test
  void doubledBracesAreLiteral() {
    FormatString f = FormatString.parse("{{id}}-{[0],2}");
    assertThat(f.generate(rng(0))).isEqualTo("{id}-00");
    assertThat(f.isConstant()).isFalse();
    assertThat(FormatString.parse("plain").generate(rng(0))).isEqualTo("plain");
    assertThat(FormatString.parse("plain").outputSpace()).isEqualTo(BigInteger.ONE);
  }

  @Test
  void escapesAndLiteralDashInClass() {
    FormatString f = FormatString.parse("{[-a\\]],40}");
    String s = f.generate(rng(3));
    assertThat(s).matches("[-a\\]]{40}");
    assertThat(f.outputSpace()).isEqualTo(BigInteger.valueOf(3).pow(40));
  }

  @Test
  void unicodeClassesUseWholeCodePoints() {
    FormatString f = FormatString.parse("{[😀😎],5}é");
    String s = f.generate(rng(1));
    assertThat(s.codePointCount(0, s.length())).isEqualTo(6);
    assertThat(f.maxLength()).isEqualTo(6);
  }

  @Test
  void rejectsBadFormatsWithClearMessages() {
    assertThatThrownBy(() -> FormatString.parse("{[],3}"))
        .hasMessageContaining("empty character class");
    assertThatThrownBy(() -> FormatString.parse("{[Z-A],3}"))
        .hasMessageContaining("reversed range 'Z-A'")
        .hasMessageContaining("'A-Z'");
    assertThatThrownBy(() -> FormatString.parse("{[A-Z],5-3}")).hasMessageContaining("MIN > MAX");
    assertThatThrownBy(() -> FormatString.parse("abc}")).hasMessageContaining("unbalanced '}'");
    assertThatThrownBy(() -> FormatString.parse("{[A-Z],3")).hasMessageContaining("unclosed '{'");
    assertThatThrownBy(() -> FormatString.parse("{abc}")).hasMessageContaining("'{{'");
    assertThatThrownBy(() -> FormatString.parse("{[A-Z];3}")).hasMessageContaining("expected ','");
    assertThatThrownBy(() -> FormatString.parse("{[A-Z")).hasMessageContaining("unclosed '['");
    assertThatThrownBy(() -> FormatString.parse("{[A-Z],9999999}"))
        .hasMessageContaining("too large");
  }

  @Test
  void aPlaceholderWithoutACountIsOneCharacter() {
    FormatString f = FormatString.parse("{[A-C]}-{[0-9]}");
    assertThat(f.maxLength()).isEqualTo(3);
    assertThat(f.outputSpace()).isEqualTo(java.math.BigInteger.valueOf(30));
  }

  @Test
  void errorsNamePositions() {
    assertThatThrownBy(() -> FormatString.parse("ab{[Z-A],3}")).hasMessageContaining("position 5");
  }
}
