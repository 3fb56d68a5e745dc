package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.schema.ColumnCategory;
import dev.guise.secret.KeyedPermutation;
import dev.guise.secret.TokenKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenizeMaskTest {
  private static final TokenKey KEY = key(1);
  private static final TokenKey OTHER = key(2);
  private static final TokenizeMask PRESERVE =
      TokenizeMask.of("k", TokenizeMask.Format.PRESERVE, null);
  private static final TokenizeMask PREFIXED =
      TokenizeMask.of("k", TokenizeMask.Format.PREFIXED, null);

  private static TokenKey key(int seed) {
    byte[] b = new byte[32];
    b[0] = (byte) seed;
    return TokenKey.of("k", b);
  }

  @Test
  void wholeSmallDomainsAreBijectionsWithoutFixedPoints() {
    // three letters (17,576 values) and a letter then four digits (10,000), whole
    for (String shape : List.of("LLL", "LDDDD")) {
      int n = shape.equals("LLL") ? 26 * 26 * 26 : 10_000;
      Set<String> tokens = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String v = shape.equals("LLL") ? letters(i) : "A" + String.format("%04d", i);
        String t = (String) PRESERVE.tokenize(v, KEY);
        assertThat(t).isNotEqualTo(v).hasSameSizeAs(v);
        if (i % 997 == 0) {
          assertThat(PRESERVE.reidentify(t, KEY)).isEqualTo(v);
        }
        tokens.add(t);
      }
      assertThat(tokens).as(shape + " is a bijection").hasSize(n);
    }
  }

  @Test
  void predecessorUndoesSuccessorOverAWholeDomain() {
    KeyedPermutation p = KEY.permutations().permutation("test", BigInteger.valueOf(5000));
    for (int i = 0; i < 5000; i++) {
      BigInteger x = BigInteger.valueOf(i);
      assertThat(p.predecessor(p.successor(x))).isEqualTo(x);
    }
  }

  private static String letters(int i) {
    return "" + (char) ('a' + i / 676) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
  }

  @Test
  void everyTypeRoundTrips() {
    List<Object> values =
        List.of(
            "Alice Smith",
            "ABC-123 x",
            "007",
            "12345",
            "Zoë 李 😀 Ngā",
            "padded   ",
            "",
            42L,
            -9_000_000_000L,
            0L,
            new BigDecimal("1234.56"),
            new BigDecimal("0.00"),
            new BigDecimal("-5.01"),
            new BigDecimal("700031"),
            LocalDate.of(1000, 1, 1),
            LocalDate.of(9999, 12, 31),
            LocalDate.of(1980, 2, 3),
            LocalDateTime.of(2020, 5, 6, 7, 8, 9, 123_456_000),
            LocalDateTime.of(1000, 1, 1, 0, 0));
    for (Object v : values) {
      Object t = PRESERVE.tokenize(v, KEY);
      assertThat(t).as("type of " + v).isInstanceOf(v.getClass());
      assertThat(PRESERVE.reidentify(t, KEY)).as("round trip").isEqualTo(v);
      assertThat(PRESERVE.tokenize(v, KEY)).as("deterministic").isEqualTo(t);
      if (!"".equals(v) && !(v instanceof String s && !s.matches(".*[A-Za-z0-9].*"))) {
        assertThat(t).as("changed: " + v).isNotEqualTo(v);
        if (v.toString().length() > 4) { // small domains (0..9) may agree by chance
          assertThat(PRESERVE.tokenize(v, OTHER)).as("another key: " + v).isNotEqualTo(t);
        }
      }
    }
    assertThat(PRESERVE.tokenize(null, KEY)).isNull();
    Object date = PRESERVE.tokenize(LocalDate.of(1980, 2, 3), KEY);
    assertThat((LocalDate) date).isBetween(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31));
    BigDecimal d = (BigDecimal) PRESERVE.tokenize(new BigDecimal("1234.56"), KEY);
    assertThat(d.scale()).isEqualTo(2);
    assertThat(d.unscaledValue().toString()).hasSize(6);
  }

  @Test
  void integerColumnsKeepTheirRange() {
    TokenizeMask smallInt =
        PRESERVE.withIntegerRange(BigInteger.valueOf(-32768), BigInteger.valueOf(32767));
    for (long v = 10_000; v < 32_768; v += 7) {
      long t = (Long) smallInt.tokenize(v, KEY);
      assertThat(t).isBetween(10_000L, 32_767L);
      assertThat(smallInt.reidentify(t, KEY)).isEqualTo(v);
    }
  }

  @Test
  void prefixedTokensAreBase32AfterThePrefixAndReverse() {
    for (String v : List.of("a", "ab", "abc", "alice@example.com", "Zoë 李 😀", "")) {
      String t = (String) PREFIXED.tokenize(v, KEY);
      assertThat(t).startsWith("tok_").matches("tok_[a-z2-7]*");
      assertThat(t.length()).isEqualTo(4 + TokenDomains.base32Length(v.getBytes().length));
      assertThat(PREFIXED.reidentify(t, KEY)).isEqualTo(v);
    }
    assertThatThrownBy(() -> PREFIXED.reidentify("nope", KEY)).hasMessageContaining("tok_");
    assertThatThrownBy(() -> PREFIXED.reidentify("tok_1", KEY)).hasMessageContaining("base32");
  }

  @Test
  void theWrongKeyIsDetectedOnPrefixedTokensMostOfTheTime() {
    int refused = 0;
    for (int i = 0; i < 50; i++) {
      String t = (String) PREFIXED.tokenize("Zoë Ærøskøbing number " + i, KEY);
      try {
        Object back = PREFIXED.reidentify(t, OTHER);
        assertThat(back).isNotEqualTo("Zoë Ærøskøbing number " + i);
      } catch (dev.guise.GuiseException e) {
        assertThat(e.getMessage()).contains("another key").doesNotContain("Zoë");
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(40); // random bytes are rarely valid UTF-8
  }

  @Test
  void columnsThatCannotHoldTokensAreRefusedAtPlanTime() {
    assertThat(PREFIXED.columnProblem(ColumnCategory.INTEGER, 0, "INT")).contains("text tokens");
    assertThat(PREFIXED.columnProblem(ColumnCategory.TEXT, 10, "VARCHAR(10)")).contains("widen it");
    assertThat(PREFIXED.columnProblem(ColumnCategory.TEXT, 0, "TEXT")).isNull();
    assertThat(PREFIXED.longestFitting(100)).isEqualTo(60);
    assertThat(PRESERVE.columnProblem(ColumnCategory.FLOAT, 0, "DOUBLE")).contains("DECIMAL");
    assertThat(PRESERVE.columnProblem(ColumnCategory.BOOLEAN, 0, "BOOLEAN")).isNotNull();
    assertThat(PRESERVE.columnProblem(ColumnCategory.DATE, 0, "DATE")).isNull();
  }

  @Test
  void base32IsCanonical() {
    for (int n = 0; n < 12; n++) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = (byte) (i * 37 + 5);
      }
      assertThat(TokenDomains.unbase32(TokenDomains.base32(b))).isEqualTo(b);
    }
    assertThat(TokenDomains.unbase32("mb")).isNull(); // trailing bits set
    assertThat(TokenDomains.unbase32("mfr")).isNull(); // no byte count gives 3 characters
  }
}
