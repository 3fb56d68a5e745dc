package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code brazilian_cpf}: valid check digits, layout kept, never the input, keyed. */
public class BrazilianCpfMaskTest {
  private final MaskFixture cpf = MaskFixture.of(BrazilianCpfMask.DEFINITION);

  /**
   * Whether {@code text} holds a valid CPF: 11 digits (dots, dash and spaces ignored), not one
   * digit repeated, both mod-11 check digits right. Written from the rule, independently of the
   * mask.
   */
  public static boolean isValid(String text) {
    String s = text.replaceAll("[.\\-\\s]", "");
    if (!s.matches("[0-9]{11}") || s.chars().distinct().count() == 1) {
      return false;
    }
    for (int n = 9; n <= 10; n++) {
      int sum = 0;
      for (int i = 0; i < n; i++) {
        sum += (s.charAt(i) - '0') * (n + 1 - i);
      }
      int check = sum % 11 < 2 ? 0 : 11 - sum % 11;
      if (s.charAt(n) - '0' != check) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theValidatorKnowsPublishedExamples() {
    // sanity of the test's own oracle: known valid and invalid numbers
    assertThat(isValid("123.456.789-09")).isTrue();
    assertThat(isValid("52998224725")).isTrue();
    assertThat(isValid("123.456.789-00")).isFalse();
    assertThat(isValid("111.111.111-11")).isFalse();
    assertThat(isValid("1234567890")).isFalse();
  }

  @Test
  void tenThousandOutputsAreValidAndNoneIsItsInput() {
    int leaks = 0;
    int invalid = 0;
    Set<String> distinct = new HashSet<>();
    for (long i = 0; i < 10_000; i++) {
      String in = BrazilianCpfMask.formatted(String.format("%011d", 10_000_000_000L + i * 7919));
      String out = (String) cpf.apply(in, i);
      assertThat(out).matches("[0-9]{3}\\.[0-9]{3}\\.[0-9]{3}-[0-9]{2}");
      invalid += isValid(out) ? 0 : 1;
      leaks += in.equals(out) ? 1 : 0;
      distinct.add(out);
    }
    System.out.printf(
        "brazilian_cpf: 10000 outputs, %d invalid, %d leaks, %d distinct%n",
        invalid, leaks, distinct.size());
    assertThat(invalid).isZero();
    assertThat(leaks).isZero();
    assertThat(distinct.size()).isGreaterThan(9_990);
  }

  @Test
  void keepsTheLayoutOfTheInput() {
    assertThat((String) cpf.apply("12345678909")).matches("[0-9]{11}").satisfies(this::valid);
    assertThat((String) cpf.apply("123 456 789 09"))
        .matches("[0-9]{3} [0-9]{3} [0-9]{3} [0-9]{2}")
        .satisfies(this::valid);
    // not eleven digits: the formatted form, which fits a column sized for it
    String unknown = (String) cpf.apply("unknown");
    assertThat(unknown).matches("[0-9]{3}\\.[0-9]{3}\\.[0-9]{3}-[0-9]{2}").satisfies(this::valid);
    assertThat(unknown).hasSize(BrazilianCpfMask.FORMATTED_LENGTH);
    // the output is as long as an 11-digit input, so it fits the column that held it
    String in = "CPF: 123.456.789-09 (titular)";
    String out = (String) cpf.apply(in);
    assertThat(out).hasSameSizeAs(in).startsWith("CPF: ").endsWith(" (titular)");
    assertThat(isValid(out.substring(5, 19))).isTrue();
  }

  @Test
  void numbersStayNumbersOfElevenDigitsAtMost() {
    Object out = cpf.apply(12345678909L);
    assertThat(out).isInstanceOf(Long.class);
    assertThat((Long) out).isLessThan(100_000_000_000L).isNotEqualTo(12345678909L);
    assertThat(isValid(String.format("%011d", (Long) out))).isTrue();
    assertThatThrownBy(() -> cpf.apply(LocalDate.of(2000, 1, 1)))
        .isInstanceOf(GuiseException.class)
        .hasMessageStartingWith("brazilian_cpf - cannot mask a LocalDate");
  }

  @Test
  void deterministicPerSecretAndNullEmptyKept() {
    assertThat(cpf.apply("123.456.789-09")).isEqualTo(cpf.apply("123.456.789-09"));
    assertThat(cpf.withSecret(MaskFixture.OTHER_SECRET).apply("123.456.789-09"))
        .isNotEqualTo(cpf.apply("123.456.789-09"));
    assertThat(cpf.apply(null)).isNull();
    assertThat(cpf.apply("")).isEqualTo("");
    assertThat(cpf.apply("   ")).isEqualTo("   ");
  }

  @Test
  void unicodeAndVeryLongTextBecomeOneFormattedNumber() {
    // more or fewer than eleven digits is not a CPF to keep the layout of
    assertThat((String) cpf.apply("número ١٢٣ 😀")).satisfies(this::valid).hasSize(14);
    assertThat((String) cpf.apply("9".repeat(100_000))).satisfies(this::valid).hasSize(14);
    // full-width digits are not ASCII digits: the ASCII ones alone count
    String fullWidth = "１２３.456.789-09";
    assertThat((String) cpf.apply(fullWidth)).hasSize(14);
  }

  private void valid(String s) {
    assertThat(isValid(s)).as(s).isTrue();
  }
}
