package dev.guise.discovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The in-data rules: validating patterns applied to a column's sampled values. A column is flagged
 * by the rule whose hit ratio (matching values over non-null sampled ones) is highest and at least
 * the threshold; enumeration-like columns (few distinct values) are never flagged by data, so a
 * status column whose words happen to be surnames stays unflagged.
 */
final class DataRules {
  static final List<String> NAMES =
      List.of(
          "uuid",
          "ipv4",
          "ipv6",
          "email",
          "card_number",
          "iban",
          "ssn",
          "phone",
          "postcode",
          "date_of_birth",
          "full_name",
          "first_name",
          "last_name",
          "free_text");

  /** Free text counts as personal when this share of values embeds an email or phone number. */
  static final double FREE_TEXT_THRESHOLD = 0.3;

  private static final int MIN_VALUES = 5;
  private static final int MIN_DISTINCT = 10;

  /** A data rule's verdict on one column. */
  record Hit(String rule, String label, List<String> classes, double ratio, int sampled) {
    boolean sensitive() {
      return !classes.isEmpty();
    }
  }

  private record Check(String rule, String label, List<String> classes, Predicate<String> test) {}

  private final List<Check> checks;
  private final double threshold;
  private final boolean freeTextOn;

  DataRules(DiscoveryRules rules, LocalDate today) {
    this.threshold = rules.threshold;
    this.freeTextOn = !rules.disabledDataRules.contains("free_text");
    Set<String> first = Names.FIRST;
    Set<String> last = Names.LAST;
    List<Check> all =
        List.of(
            new Check("uuid", "uuid", List.of(), DataPatterns::uuid),
            new Check("ipv4", "ip_address", List.of("PII"), DataPatterns::ipv4),
            new Check("ipv6", "ip_address", List.of("PII"), DataPatterns::ipv6),
            new Check("email", "email", List.of("PII"), DataPatterns::email),
            new Check("card_number", "card_number", List.of("PCI"), DataPatterns::cardNumber),
            new Check("iban", "iban", List.of("PCI"), DataPatterns::iban),
            new Check("ssn", "national_id", List.of("PII"), DataPatterns::ssn),
            new Check("phone", "phone", List.of("PII"), DataPatterns::phone),
            new Check("postcode", "postcode", List.of("PII"), DataPatterns::postcode),
            new Check(
                "date_of_birth",
                "date_of_birth",
                List.of("PII"),
                v -> DataPatterns.birthDate(DataPatterns.date(v), today)),
            new Check("full_name", "full_name", List.of("PII"), v -> fullName(v, first, last)),
            new Check("first_name", "first_name", List.of("PII"), v -> first.contains(low(v))),
            new Check("last_name", "last_name", List.of("PII"), v -> last.contains(low(v))));
    this.checks = all.stream().filter(c -> !rules.disabledDataRules.contains(c.rule())).toList();
  }

  /**
   * The best hit on a column's sampled values, or null.
   *
   * @param dateTyped the column is a DATE: only birth dates are looked for
   */
  Hit classify(List<String> values, boolean dateTyped) {
    if (values.size() < MIN_VALUES
        || new HashSet<>(values).size() < Math.min(MIN_DISTINCT, values.size() / 2)) {
      return null;
    }
    Hit best = null;
    for (Check c : checks) {
      if (dateTyped && !c.rule().equals("date_of_birth")) {
        continue;
      }
      int hits = 0;
      for (String v : values) {
        hits += c.test().test(v.trim()) ? 1 : 0;
      }
      double ratio = (double) hits / values.size();
      if (ratio >= threshold && (best == null || ratio > best.ratio())) {
        best = new Hit(c.rule(), c.label(), c.classes(), ratio, values.size());
      }
    }
    if (best == null && !dateTyped && freeTextOn) {
      best = freeText(values);
    }
    if (best != null && best.rule().equals("date_of_birth") && !spread(values)) {
      return null; // one day or one year repeated is a default, not a birth date
    }
    return best;
  }

  private static Hit freeText(List<String> values) {
    int hits = 0;
    long chars = 0;
    for (String v : values) {
      chars += v.length();
      if (DataPatterns.EMAIL_IN_TEXT.matcher(v).find()
          || DataPatterns.PHONE_IN_TEXT.matcher(v).find()) {
        hits++;
      }
    }
    double ratio = (double) hits / values.size();
    return chars / values.size() >= 20 && ratio >= FREE_TEXT_THRESHOLD
        ? new Hit("free_text", "free_text", List.of("PII"), ratio, values.size())
        : null;
  }

  private static boolean spread(List<String> values) {
    Set<Integer> years = new HashSet<>();
    for (String v : values) {
      LocalDate d = DataPatterns.date(v.trim());
      if (d != null) {
        years.add(d.getYear());
      }
    }
    return years.size() >= 5;
  }

  private static boolean fullName(String v, Set<String> first, Set<String> last) {
    String[] w = v.trim().split("\\s+");
    return w.length >= 2
        && w.length <= 4
        && first.contains(low(w[0]))
        && last.contains(low(w[w.length - 1]));
  }

  private static String low(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** The built-in seed lists of first and last names, lower case. */
  static final class Names {
    static final Set<String> FIRST = load("seeds/first_names.csv");
    static final Set<String> LAST = load("seeds/last_names.csv");

    private Names() {}

    private static Set<String> load(String resource) {
      Set<String> out = new HashSet<>();
      try (InputStream in = DataRules.class.getClassLoader().getResourceAsStream(resource);
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        r.readLine(); // header
        for (String line; (line = r.readLine()) != null; ) {
          int comma = line.indexOf(',');
          String name = (comma < 0 ? line : line.substring(0, comma)).replace("\"", "").trim();
          if (!name.isEmpty()) {
            out.add(name.toLowerCase(Locale.ROOT));
          }
        }
      } catch (IOException | NullPointerException e) {
        throw new IllegalStateException("the built-in seed file " + resource + " is missing", e);
      }
      return Set.copyOf(out);
    }
  }
}
