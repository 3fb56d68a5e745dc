package dev.guise.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPatternsTest {
  @Test
  void cardNumbersNeedANetworkPrefixAndLuhn() {
    assertThat(DataPatterns.cardNumber("4111 1111 1111 1111")).isTrue();
    assertThat(DataPatterns.cardNumber("5500-0000-0000-0004")).isTrue();
    assertThat(DataPatterns.cardNumber("4111111111111112")).isFalse(); // Luhn
    assertThat(DataPatterns.cardNumber("9111111111111111")).isFalse(); // no network
    assertThat(DataPatterns.cardNumber("411111111111")).isFalse(); // too short
  }

  @Test
  void ibanChecksMod97() {
    assertThat(DataPatterns.iban("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(DataPatterns.iban("GB82WEST12345698765433")).isFalse();
    assertThat(DataPatterns.iban("DE89370400440532013000")).isTrue();
  }

  @Test
  void ssnLeavesOutTheRangesNeverIssued() {
    assertThat(DataPatterns.ssn("123-45-6789")).isTrue();
    for (String bad :
        List.of("000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000")) {
      assertThat(DataPatterns.ssn(bad)).as(bad).isFalse();
    }
  }

  @Test
  void phonesInE164AndNationalFormsButNotDatesIpsOrSsns() {
    assertThat(DataPatterns.phone("+14155550123")).isTrue();
    assertThat(DataPatterns.phone("+44 20 7946 0958")).isTrue();
    assertThat(DataPatterns.phone("(415) 555-0123")).isTrue();
    assertThat(DataPatterns.phone("020 7946 0958")).isTrue();
    assertThat(DataPatterns.phone("2020-01-02")).isFalse();
    assertThat(DataPatterns.phone("192.168.100.200")).isFalse();
    assertThat(DataPatterns.phone("123-45-6789")).isFalse();
    assertThat(DataPatterns.phone("4155550123")).isFalse(); // digits alone: an id as likely
  }

  @Test
  void ipAddressesUuidsAndPostcodes() {
    assertThat(DataPatterns.ipv4("10.0.0.255")).isTrue();
    assertThat(DataPatterns.ipv4("10.0.0.256")).isFalse();
    assertThat(DataPatterns.ipv6("2001:db8::8a2e:370:7334")).isTrue();
    assertThat(DataPatterns.ipv6("2001:0db8:0000:0000:0000:ff00:0042:8329")).isTrue();
    assertThat(DataPatterns.ipv6("12:30")).isFalse();
    assertThat(DataPatterns.ipv6("1::2::3")).isFalse();
    assertThat(DataPatterns.uuid("6f9619ff-8b86-d011-b42d-00cf4fc964ff")).isTrue();
    assertThat(DataPatterns.postcode("SW1A 1AA")).isTrue();
    assertThat(DataPatterns.postcode("90210-1234")).isTrue();
    assertThat(DataPatterns.postcode("K1A 0B1")).isTrue();
    assertThat(DataPatterns.postcode("ABCDE")).isFalse();
  }

  @Test
  void birthDatesAreSixteenToAHundredYearsAgo() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    assertThat(DataPatterns.birthDate(DataPatterns.date("1980-05-06"), today)).isTrue();
    assertThat(DataPatterns.birthDate(DataPatterns.date("2015-05-06 00:00:00"), today)).isFalse();
    assertThat(DataPatterns.birthDate(DataPatterns.date("1900-05-06"), today)).isFalse();
    assertThat(DataPatterns.date("not a date")).isNull();
  }
}
