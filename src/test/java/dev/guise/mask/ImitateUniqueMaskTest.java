package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImitateUniqueMaskTest {
  private final MaskFixture mask = MaskFixture.of(ImitateUniqueMask.DEFINITION);

  private Object m(Object v) {
    return mask.apply(v, 1L);
  }

  @Test
  void everyThreeDigitCodeMapsToAnotherDistinctOne() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String in = String.format("%03d", i);
      String out = (String) m(in);
      assertThat(out).matches("[0-9]{3}").isNotEqualTo(in);
      assertThat(seen.add(out)).as("collision at %s", in).isTrue();
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void everyTwoLetterCodeOfEachCaseIsABijectionThatKeepsCase() {
    for (String[] alphabet : new String[][] {{"A", "Z"}, {"a", "z"}}) {
      Set<String> seen = new HashSet<>();
      char from = alphabet[0].charAt(0);
      for (char a = from; a < from + 26; a++) {
        for (char b = from; b < from + 26; b++) {
          String in = "" + a + b;
          String out = (String) m(in);
          assertThat(out).isNotEqualTo(in);
          assertThat(out)
              .matches(Character.isUpperCase(from) ? "[A-Z]{2}" : "[a-z]{2}")
              .isNotEqualTo(in);
          assertThat(seen.add(out)).as("collision at %s", in).isTrue();
        }
      }
      assertThat(seen).hasSize(676);
    }
  }

  @Test
  void everyLetterDigitCodeIsABijection() {
    Set<String> seen = new HashSet<>();
    for (char a = 'A'; a <= 'Z'; a++) {
      for (char d = '0'; d <= '9'; d++) {
        String out = (String) m("" + a + d);
        assertThat(out).matches("[A-Z][0-9]").isNotEqualTo("" + a + d);
        assertThat(seen.add(out)).isTrue();
      }
    }
    assertThat(seen).hasSize(260);
  }

  @Test
  void oneLetterIsABijectionOfItsSmallDomain() {
    Set<String> seen = new HashSet<>();
    for (char a = 'a'; a <= 'z'; a++) {
      String out = (String) m(String.valueOf(a));
      assertThat(out).matches("[a-z]").isNotEqualTo(String.valueOf(a));
      seen.add(out);
    }
    assertThat(seen).hasSize(26);
  }

  @Test
  void noCollisionInALargeSampleOfKeys() {
    // CU######## keys: 10^8 domain, FF1 with cycle-walking
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String in = String.format("CU%08d", (long) i * 997 % 100_000_000);
      String out = (String) m(in);
      assertThat(out).matches("[A-Z]{2}[0-9]{8}").isNotEqualTo(in);
      assertThat(seen.add(out)).as("collision at %s", in).isTrue();
    }
  }

  @Test
  void caseIsKeptAndOutputsAreUniqueIgnoringCase() {
    String upper = (String) m("AB-12x");
    String mixed = (String) m("aB-12X");
    assertThat(upper).matches("[A-Z]{2}-[0-9]{2}[a-z]");
    assertThat(mixed).matches("[a-z][A-Z]-[0-9]{2}[A-Z]");
    // ab and AB are one value under a case-insensitive collation: so are their images
    assertThat(mixed.toLowerCase(Locale.ROOT)).isEqualTo(upper.toLowerCase(Locale.ROOT));
    // and values that differ ignoring case stay different ignoring case
    Set<String> folded = new HashSet<>();
    for (char a = 'a'; a <= 'z'; a++) {
      for (char b = 'A'; b <= 'Z'; b++) {
        String out = (String) m("" + a + b + "9");
        assertThat(folded.add(out.toLowerCase(Locale.ROOT))).isTrue();
      }
    }
  }

  @Test
  void otherCharactersStayWhereTheyAre() {
    String out = (String) m("Zoë-42 😀 Müller.x");
    assertThat(out.codePoints().count()).isEqualTo("Zoë-42 😀 Müller.x".codePoints().count());
    assertThat(out).matches("[A-Z][a-z]ë-[0-9]{2} 😀 [A-Z]ü[a-z]{4}\\.[a-z]");
    assertThat(m("--- ...")).isEqualTo("--- ...");
  }

  @Test
  void nullEmptyAndPadding() {
    assertThat(m(null)).isNull();
    assertThat(m("")).isEqualTo("");
    assertThat(m("   ")).isEqualTo("   ");
    // PostgreSQL reads CHAR(6) 'ab1' as 'ab1   ', MariaDB as 'ab1': the same code either way
    String stripped = (String) m("ab1");
    assertThat(m("ab1   ")).isEqualTo(stripped + "   ");
  }

  @Test
  void sameKeySameOutputAnywhereAndSeedsSeparate() {
    // the fixture's per-call seed value stands for another row, table or column: it must not
    // matter
    assertThat(mask.apply("CU00000042", 1L)).isEqualTo(mask.apply("CU00000042", "other row"));
    MaskFixture again = MaskFixture.of(ImitateUniqueMask.DEFINITION);
    assertThat(again.apply("CU00000042", 7L)).isEqualTo(m("CU00000042"));
    MaskFixture seeded = MaskFixture.of(ImitateUniqueMask.DEFINITION, "seed", "customers");
    MaskFixture other = MaskFixture.of(ImitateUniqueMask.DEFINITION, "seed", "orders");
    int same = 0;
    for (int i = 0; i < 200; i++) {
      String in = "CU" + (10_000_000 + i);
      Object a = seeded.apply(in, 1L);
      assertThat(MaskFixture.of(ImitateUniqueMask.DEFINITION, "seed", "customers").apply(in, 2L))
          .isEqualTo(a);
      same += a.equals(other.apply(in, 1L)) ? 1 : 0;
      same += a.equals(m(in)) ? 1 : 0;
    }
    assertThat(same).isLessThan(3);
    assertThat(mask.withSecret(MaskFixture.OTHER_SECRET).apply("CU00000042", 1L))
        .isNotEqualTo(m("CU00000042"));
  }

  @Test
  void integersKeepSignDigitCountAndType() {
    Set<Long> seen = new HashSet<>();
    for (long v = 100; v < 1000; v++) {
      Object out = m(v);
      assertThat(out).isInstanceOf(Long.class);
      long o = (Long) out;
      assertThat(o).isBetween(100L, 999L).isNotEqualTo(v);
      assertThat(seen.add(o)).isTrue();
    }
    for (long v = -9; v <= 9; v++) {
      long o = (Long) m(v);
      assertThat(o < 0).isEqualTo(v < 0); // non-negative one-digit values include 0
      assertThat(Math.abs(o)).isLessThanOrEqualTo(9);
      assertThat(o).isNotEqualTo(v);
    }
    assertThat((Long) m(-4096L)).isBetween(-9999L, -1000L);
    long big = (Long) m(Long.MAX_VALUE);
    assertThat(big).isGreaterThanOrEqualTo(1_000_000_000_000_000_000L).isNotEqualTo(Long.MAX_VALUE);
    long small = (Long) m(Long.MIN_VALUE);
    assertThat(small).isLessThanOrEqualTo(-1_000_000_000_000_000_000L);
  }

  @Test
  void aColumnRangeKeepsIntegersInsideIt() {
    ImitateUniqueMask plain = (ImitateUniqueMask) MaskFixture.create(ImitateUniqueMask.DEFINITION);
    ImitateUniqueMask intColumn =
        plain.withIntegerRange(BigInteger.valueOf(-2147483648L), BigInteger.valueOf(2147483647L));
    MaskContext ctx = mask.context(1L);
    Set<Long> seen = new HashSet<>();
    int outsideWithoutRange = 0;
    for (long v = 2_147_483_647L; v > 2_147_483_647L - 2000; v--) {
      long o = (Long) intColumn.apply(v, ctx);
      assertThat(o).isBetween(1_000_000_000L, 2_147_483_647L).isNotEqualTo(v);
      assertThat(seen.add(o)).isTrue();
      outsideWithoutRange += (Long) plain.apply(v, ctx) > 2_147_483_647L ? 1 : 0;
    }
    assertThat(outsideWithoutRange).isGreaterThan(1000); // the range is what keeps them inside
    for (long v = 2_147_483_000L; v < 2_147_483_100L; v++) {
      // an engine that reads the INT as a decimal gets the same bound and the same value
      BigDecimal d = (BigDecimal) intColumn.apply(BigDecimal.valueOf(v), ctx);
      assertThat(d.longValueExact())
          .isEqualTo(intColumn.apply(v, ctx))
          .isLessThanOrEqualTo(2_147_483_647L);
    }
    UniqueMask uuid = (UniqueMask) MaskFixture.create(ImitateUuidMask.DEFINITION);
    assertThat(uuid.withIntegerRange(BigInteger.ZERO, BigInteger.TEN)).isSameAs(uuid);
    assertThatThrownBy(() -> intColumn.apply(3_000_000_000L, ctx))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("range")
        .hasMessageNotContaining("3000000000");
  }

  @Test
  void longDecimalAndIntegerTextMaskAlike() {
    // engines read one integer column as Long, BigDecimal or text: the same canonical value
    for (long v : new long[] {0, 7, -7, 42, 123, -4096, 99_999, 123_456_789_012L}) {
      Object asLong = m(v);
      assertThat(m(BigDecimal.valueOf(v))).isEqualTo(new BigDecimal(asLong.toString()));
      assertThat(m(String.valueOf(v))).isEqualTo(asLong.toString());
      assertThat(m(BigInteger.valueOf(v))).isEqualTo(new BigInteger(asLong.toString()));
    }
    BigDecimal d = (BigDecimal) m(new BigDecimal("12.50"));
    assertThat(d.scale()).isEqualTo(2);
    assertThat(d.unscaledValue().toString()).matches("[1-9][0-9]{3}");
  }

  @Test
  void leadingZeroTextNeverMeetsIntegerText() {
    // "007" must not map onto what "123" maps to: leading-zero digit strings stay among themselves
    Map<String, String> images = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      for (String in : new String[] {String.format("%03d", i), String.valueOf(i)}) {
        String out = (String) m(in);
        String before = images.put(out, in);
        assertThat(before == null || before.equals(in)).as("%s and %s", before, in).isTrue();
      }
    }
    assertThat((String) m("007")).startsWith("0");
    assertThat(m("-0")).isEqualTo("-0");
  }

  @Test
  void knownAnswersPinTheConstruction() {
    // changing any of these changes every key ever masked: a breaking change
    assertThat(m("CU00000042")).isEqualTo("JE61028296");
    assertThat(m("Ada Lovelace")).isEqualTo("Zyy Xhokbyug");
    assertThat(m("ab-12")).isEqualTo("eg-71");
    assertThat(m(123L)).isEqualTo(969L);
    assertThat(m(-4096L)).isEqualTo(-3066L);
    assertThat(m("007")).isEqualTo("063");
  }

  @Test
  void refusesOtherTypes() {
    assertThatThrownBy(() -> m(1.5d))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("imitate_unique")
        .hasMessageContaining("Double");
    assertThat(MaskFixture.create(ImitateUniqueMask.DEFINITION))
        .isInstanceOf(UniqueMask.class)
        .extracting(x -> ((UniqueMask) x).assignment())
        .isEqualTo(UniqueMask.Assignment.BIJECTION);
  }
}
