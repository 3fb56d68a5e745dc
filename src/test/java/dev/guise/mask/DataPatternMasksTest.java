package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DataPatternMasksTest {
  private final MaskFixture card = MaskFixture.of(CreditCardMask.DEFINITION);

  /** A Luhn-valid 16-digit number made from {@code i}, like real stored card numbers. */
  private static String realLooking(long i) {
    String body = String.format("4%014d", (i * 982_451_653L) % 100_000_000_000_000L);
    int[] d = body.chars().map(c -> c - '0').toArray();
    return body + SetChecksumMask.luhn(d, d.length);
  }

  @Test
  void cardKeepsLayoutIsLuhnValidAndDeterministic() {
    String in = "4111 1111-1111 1111";
    String out = (String) card.apply(in);
    assertThat(out).matches("[0-9]{4} [0-9]{4}-[0-9]{4} [0-9]{4}").isNotEqualTo(in);
    assertThat(SetChecksumMask.luhnValid(out.replaceAll("[^0-9]", ""))).isTrue();
    assertThat(card.apply(in)).isEqualTo(out);
    assertThat(card.withSecret(MaskFixture.OTHER_SECRET).apply(in)).isNotEqualTo(out);
    assertThat(card.apply(null)).isNull();
    assertThat(card.apply("")).isEqualTo("");
    assertThat(card.apply("n/a")).isEqualTo("n/a");
    assertThat(card.shape()).isEqualTo(OutputShape.SAME);
  }

  @Test
  void cardUsesIssuerPrefixesForTheLength() {
    for (long seed = 0; seed < 300; seed++) {
      String sixteen = (String) card.apply("5500000000000004", seed);
      assertThat(sixteen).matches("(4|5[1-5]|2[2-7]|6011|35)[0-9]+").hasSize(16);
      assertThat((String) card.apply("378282246310005", seed)).matches("3[47][0-9]{13}");
      assertThat((String) card.apply("36148900647913", seed)).matches("3[68][0-9]{12}");
    }
  }

  @Test
  void cardRetainsPrefixNumbersAndPanFormat() {
    MaskFixture bin = MaskFixture.of(CreditCardMask.DEFINITION, "retain_prefix_length", 6L);
    for (long seed = 0; seed < 200; seed++) {
      String out = (String) bin.apply("5425-2334-3010-9903", seed);
      assertThat(out).startsWith("5425-23").isNotEqualTo("5425-2334-3010-9903");
      assertThat(SetChecksumMask.luhnValid(out.replace("-", ""))).isTrue();
      Object n = card.apply(4_111_111_111_111_111L, seed);
      assertThat(n).isInstanceOf(Long.class);
      assertThat(n.toString()).hasSize(16);
      assertThat(SetChecksumMask.luhnValid(n.toString())).isTrue();
    }
    assertThat(card.apply(new BigDecimal("4111111111111111"))).isInstanceOf(BigDecimal.class);
    MaskFixture pan =
        MaskFixture.of(
            CreditCardMask.DEFINITION, "generate_card_number", false, "pan_format", true);
    // '#' by default, as in DataMasque
    assertThat(pan.apply("4111 1111 1111 1234")).isEqualTo("4111 11## #### 1234");
    MaskFixture panStar =
        MaskFixture.of(CreditCardMask.DEFINITION, "pan_format", true, "pan_character", "*");
    assertThat((String) panStar.apply("4111111111111234")).matches("[0-9]{6}\\*{6}[0-9]{4}");
    MaskFixture noLuhn = MaskFixture.of(CreditCardMask.DEFINITION, "generate_luhn", false);
    int valid = 0;
    for (long seed = 0; seed < 1000; seed++) {
      valid += SetChecksumMask.luhnValid((String) noLuhn.apply("4111111111111111", seed)) ? 1 : 0;
    }
    assertThat(valid).isBetween(50, 160); // about one in ten by chance
    assertThatThrownBy(() -> pan.apply(4111111111111234L)).isInstanceOf(GuiseException.class);
  }

  @Test
  void cardArgumentErrorsAndImpossibleChange() {
    assertThatThrownBy(
            () -> MaskFixture.create(CreditCardMask.DEFINITION, "generate_card_number", false))
        .hasMessageContaining("nothing would change");
    assertThatThrownBy(() -> MaskFixture.create(CreditCardMask.DEFINITION, "pan_character", "7"))
        .hasMessageContaining("not a digit");
    assertThatThrownBy(
            () -> MaskFixture.create(CreditCardMask.DEFINITION, "retain_prefix_length", -1L))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    MaskFixture all = MaskFixture.of(CreditCardMask.DEFINITION, "retain_prefix_length", 16L);
    assertThatThrownBy(() -> all.apply("4111111111111111"))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("lower retain_prefix_length")
        .hasMessageNotContaining("4111");
  }

  /** Issue 4, item 3: credit_card guarantees change; the leak rate must be 0. */
  @Test
  void cardLeakRateIsZeroOverTenThousandNumbers() {
    MaskFixture bin = MaskFixture.of(CreditCardMask.DEFINITION, "retain_prefix_length", 12L);
    int leaks = 0;
    int binLeaks = 0;
    int n = 10_000;
    for (long i = 0; i < n; i++) {
      String in = realLooking(i);
      String out = (String) card.apply(in, i);
      assertThat(SetChecksumMask.luhnValid(out)).isTrue();
      leaks += in.equals(out) ? 1 : 0;
      binLeaks += in.equals(bin.apply(in, i)) ? 1 : 0; // only 3 digits free: forced change
    }
    System.out.printf(
        "credit_card leak rate: %d of %d (%.4f%%); with retain_prefix_length 12: %d of %d%n",
        leaks, n, 100.0 * leaks / n, binLeaks, n);
    assertThat(leaks).isZero();
    assertThat(binLeaks).isZero();
  }

  @Test
  void ssnIsValidKeepsLayoutAndNeverLeaks() {
    MaskFixture ssn = MaskFixture.of(SocialSecurityNumberMask.DEFINITION);
    int leaks = 0;
    for (long i = 0; i < 10_000; i++) {
      String in = String.format("%03d-%02d-%04d", 1 + i % 899, 1 + i % 99, 1 + i % 9999);
      String out = (String) ssn.apply(in, i);
      assertThat(out).matches("[0-9]{3}-[0-9]{2}-[0-9]{4}");
      int area = Integer.parseInt(out.substring(0, 3));
      assertThat(area).isBetween(1, 899).isNotEqualTo(666);
      assertThat(out.substring(4, 6)).isNotEqualTo("00");
      assertThat(out.substring(7)).isNotEqualTo("0000");
      leaks += in.equals(out) ? 1 : 0;
    }
    System.out.printf("social_security_number leak rate: %d of 10000%n", leaks);
    assertThat(leaks).isZero();
    assertThat((String) ssn.apply("123456789")).matches("[0-9]{9}");
    assertThat((String) ssn.apply("123 45 6789")).matches("[0-9]{3} [0-9]{2} [0-9]{4}");
    assertThat((String) ssn.apply("unknown")).matches("[0-9]{3}-[0-9]{2}-[0-9]{4}");
    assertThat(ssn.apply(123456789L)).isInstanceOf(Long.class);
    assertThat(ssn.apply("123-45-6789")).isEqualTo(ssn.apply("123-45-6789"));
    assertThat(ssn.withSecret(MaskFixture.OTHER_SECRET).apply("123-45-6789"))
        .isNotEqualTo(ssn.apply("123-45-6789"));
    assertThat(ssn.apply(null)).isNull();
    assertThat(ssn.apply("")).isEqualTo("");
  }

  @Test
  void checksumsAreRecomputed() {
    MaskFixture luhn = MaskFixture.of(SetChecksumMask.DEFINITION);
    assertThat(luhn.apply("4111 1111 1111 1112")).isEqualTo("4111 1111 1111 1111");
    assertThat(luhn.apply(79927398710L)).isEqualTo(79927398713L);
    assertThat(luhn.apply("no digits")).isEqualTo("no digits");
    assertThat(luhn.apply("7")).isEqualTo("7"); // a check digit with nothing to check
    assertThat(luhn.apply(null)).isNull();
    MaskFixture ean = MaskFixture.of(SetChecksumMask.DEFINITION, "checksum_type", "EAN");
    assertThat(ean.apply("978-0-306-40615-0")).isEqualTo("978-0-306-40615-7");
    assertThat(ean.apply("4006381333930")).isEqualTo("4006381333931");
    MaskFixture isbn = MaskFixture.of(SetChecksumMask.DEFINITION, "checksum_type", "isbn10");
    assertThat(isbn.apply("0-306-40615-0")).isEqualTo("0-306-40615-2");
    assertThat(isbn.apply("0-8044-2957-0")).isEqualTo("0-8044-2957-X");
    assertThat(isbn.apply("0-8044-2957-X")).isEqualTo("0-8044-2957-X");
    assertThatThrownBy(() -> isbn.apply(123456860L)).isInstanceOf(GuiseException.class);
    assertThatThrownBy(() -> MaskFixture.create(SetChecksumMask.DEFINITION, "checksum_type", "crc"))
        .hasMessageContaining("luhn, ean or isbn10");
    // chained after imitate, the result is valid again
    Pipeline p =
        MaskFixture.pipeline(
            ImitateMask.DEFINITION,
            MaskFixture.args(),
            SetChecksumMask.DEFINITION,
            MaskFixture.args());
    String out =
        (String) p.apply("4111111111111111", MaskFixture.of(ImitateMask.DEFINITION).context(1L));
    assertThat(SetChecksumMask.luhnValid(out)).isTrue();
  }
}
