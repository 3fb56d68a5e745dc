package dev.guise.mask.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the data shipped in {@code src/main/resources/seeds/}. */
class BuiltInSeedsTest {
  private static final SeedCatalog CATALOG = new SeedCatalog();

  private static SeedFile seed(String name) {
    return CATALOG.get(name);
  }

  @Test
  void everyIndexedFileParsesWithConsistentColumnsAndLfEndings() throws Exception {
    List<String> names = CATALOG.builtInNames();
    assertThat(names).hasSize(10);
    for (String n : names) {
      SeedFile f = seed(n);
      assertThat(f.rowCount()).as(n).isPositive();
      for (String col : f.columns()) {
        assertThat(f.column(col)).as(n + "." + col).allSatisfy(v -> assertThat(v).isNotBlank());
      }
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("seeds/" + n + ".csv")) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).as(n).doesNotContain("\r").endsWith("\n").doesNotStartWith("\uFEFF");
      }
    }
  }

  @Test
  void expectedHeaders() {
    assertThat(seed("first_names").columns()).containsExactly("first_name", "gender");
    assertThat(seed("last_names").columns()).containsExactly("last_name");
    assertThat(seed("street_names").columns()).containsExactly("street_name");
    assertThat(seed("street_addresses").columns()).containsExactly("street_address");
    assertThat(seed("cities").columns()).containsExactly("city", "region", "postcode", "country");
    assertThat(seed("countries").columns()).containsExactly("country", "iso2");
    assertThat(seed("companies").columns()).containsExactly("company");
    assertThat(seed("job_titles").columns()).containsExactly("job_title");
    assertThat(seed("email_domains").columns()).containsExactly("domain");
    assertThat(seed("phone_formats").columns()).containsExactly("format");
  }

  @Test
  void firstNamesAreManyAndGendered() {
    SeedFile f = seed("first_names");
    assertThat(new HashSet<>(f.column("first_name"))).hasSizeGreaterThanOrEqualTo(3000);
    assertThat(f.column("first_name")).doesNotHaveDuplicates();
    assertThat(f.column("gender")).allMatch(g -> g.equals("F") || g.equals("M") || g.equals("U"));
    assertThat(f.column("gender").stream().filter("F"::equals).count()).isGreaterThan(500);
    assertThat(f.column("gender").stream().filter("M"::equals).count()).isGreaterThan(500);
  }

  @Test
  void lastNamesAreAtLeastTenThousandDistinct() {
    List<String> names = seed("last_names").column("last_name");
    Set<String> distinct = new HashSet<>();
    names.forEach(n -> distinct.add(n.toLowerCase(Locale.ROOT)));
    assertThat(distinct).hasSizeGreaterThanOrEqualTo(10_000);
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void emailDomainsAreReservedOnly() {
    Pattern label = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    assertThat(seed("email_domains").column("domain"))
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.split("\\.", -1)).allMatch(l -> label.matcher(l).matches());
              assertThat(
                      d.equals("example.com")
                          || d.equals("example.org")
                          || d.equals("example.net")
                          || d.endsWith(".example.com")
                          || d.endsWith(".example.org")
                          || d.endsWith(".example.net")
                          || d.endsWith(".test")
                          || d.endsWith(".invalid")
                          || d.endsWith(".example"))
                  .as(d)
                  .isTrue();
            });
  }

  @Test
  void countriesHaveIsoCodes() {
    SeedFile f = seed("countries");
    assertThat(f.column("iso2")).allMatch(c -> c.matches("[A-Z]{2}")).doesNotHaveDuplicates();
    assertThat(f.column("country")).contains("Canada", "Australia");
  }

  @Test
  void citiesUseKnownCountriesAndPostcodeFormats() {
    SeedFile f = seed("cities");
    Set<String> countries = new HashSet<>(seed("countries").column("country"));
    for (String[] r : f.rows()) {
      assertThat(countries).as(r[0]).contains(r[3]);
      String pattern =
          switch (r[3]) {
            case "United States of America" -> "\\d{5}";
            case "Australia" -> "\\d{4}";
            case "Canada" -> "[A-Z]\\d[A-Z] \\d[A-Z]\\d";
            default -> "[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}";
          };
      assertThat(r[2]).as(String.join(",", r)).matches(pattern);
    }
  }

  @Test
  void streetAddressesStartWithAHouseNumber() {
    assertThat(seed("street_addresses").column("street_address"))
        .allMatch(a -> a.matches("[1-9]\\d* \\S.*"));
  }

  @Test
  void phoneFormatsUseOnlyPlaceholderSyntax() {
    Pattern placeholder = Pattern.compile("\\{\\[[^\\]]+\\](,\\d+(-\\d+)?)?\\}");
    for (String fmt : seed("phone_formats").column("format")) {
      Matcher m = placeholder.matcher(fmt);
      String literal = m.replaceAll("");
      assertThat(literal).as(fmt).matches("[0-9+()\\-. ]+");
      assertThat(fmt).as(fmt).contains("{[");
    }
  }
}
