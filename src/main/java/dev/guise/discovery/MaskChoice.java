package dev.guise.discovery;

import dev.guise.schema.CatalogColumn;
import dev.guise.schema.ColumnCategory;
import java.util.List;

/**
 * The mask a generated rule uses for a finding: fitted to its label and to the column's type and
 * length, and changing every value (names and addresses come from the seed files, free text from
 * random text, anything else shaped like the original with {@code imitate force_change}).
 *
 * @param yaml the {@code masks} list items, indented for a rule
 * @param hashed whether the rule hashes on the column (the same value masks the same way, so joins
 *     and duplicates stay consistent)
 */
record MaskChoice(List<String> yaml, boolean hashed, String why) {
  private static final String I = "              ";

  static MaskChoice of(Finding f) {
    CatalogColumn c = f.column();
    ColumnCategory cat = c.category();
    long len = c.maxLength();
    switch (cat) {
      case DATE -> {
        return f.label().equals("date_of_birth")
            ? new MaskChoice(List.of(I + "- type: retain_age"), false, "keeps the age in years")
            : new MaskChoice(
                List.of(
                    I + "- type: from_random_date", I + "  min: '1950-01-01'", I + "  max: now"),
                false,
                "a random date");
      }
      case TIMESTAMP, TIMESTAMP_TZ -> {
        return new MaskChoice(
            List.of(
                I + "- type: from_random_datetime",
                I + "  min: '1990-01-01T00:00:00'",
                I + "  max: now"),
            false,
            "a random date and time");
      }
      case INTEGER, DECIMAL, FLOAT -> {
        int digits = c.precision() > 0 ? c.precision() - c.scale() : 9;
        long max = digits >= 18 ? 999_999_999_999_999_999L : (long) Math.pow(10, digits) - 1;
        long min = Math.min(max, (long) Math.pow(10, Math.max(0, Math.min(digits, 18) - 2)));
        return new MaskChoice(
            List.of(
                I + "- type: from_random_number",
                I + "  min: " + min,
                I + "  max: " + max,
                I
                    + "  decimal_places: "
                    + (cat == ColumnCategory.INTEGER ? 0 : Math.min(c.scale(), 18))),
            false,
            "a random number that fits " + c.dataType());
      }
      case BOOLEAN -> {
        return new MaskChoice(
            List.of(I + "- type: from_random_boolean"), false, "a random boolean");
      }
      default -> {}
    }
    if (cat != ColumnCategory.TEXT) {
      return imitate();
    }
    MaskChoice m =
        switch (f.label()) {
          case "first_name" ->
              seed("first_names", "first_name", true, "a first name from the seed file");
          case "last_name" ->
              seed("last_names", "last_name", true, "a last name from the seed file");
          case "full_name" ->
              new MaskChoice(
                  List.of(
                      I + "- type: concat",
                      I + "  glue: ' '",
                      I + "  masks:",
                      I
                          + "    - {type: from_file, seed_file: first_names, seed_column: first_name}",
                      I + "    - {type: from_file, seed_file: last_names, seed_column: last_name}"),
                  true,
                  "a first and last name from the seed files");
          case "email" ->
              new MaskChoice(
                  List.of(
                      I + "- type: concat",
                      I + "  glue: '@'",
                      I + "  masks:",
                      I + "    - type: chain",
                      I + "      masks:",
                      I + "        - {type: from_random_text, min: 6, max: 12}",
                      I + "        - {type: transform_case, transform: lowercase}",
                      I + "    - {type: from_file, seed_file: email_domains, seed_column: domain}"),
                  true,
                  "an email address; hashed on the column so the same address masks the same way");
          case "address" ->
              seed(
                  "street_addresses",
                  "street_address",
                  false,
                  "a street address from the seed file");
          case "city" -> seed("cities", "city", false, "a city from the seed file");
          case "card_number" ->
              new MaskChoice(
                  List.of(I + "- type: credit_card"),
                  false,
                  "a Luhn-valid card number of the same layout");
          case "phone" ->
              len == 0 || len >= 15
                  ? new MaskChoice(
                      List.of(
                          I + "- type: from_format_string",
                          I + "  value_format: '+1-{[2-9]}{[0-9],2}-555-01{[0-9],2}'"),
                      false,
                      "a fictional (555) phone number")
                  : imitate();
          case "free_text" ->
              new MaskChoice(
                  List.of(
                      I + "- type: from_random_text",
                      I + "  min: " + Math.min(10, cap(len, 10)),
                      I + "  max: " + cap(len, 200)),
                  false,
                  "random text in place of free text that may hold personal data");
          case "password" ->
              new MaskChoice(
                  List.of(
                      I + "- type: from_random_text",
                      I + "  min: " + cap(len, 20),
                      I + "  max: " + cap(len, 40)),
                  false,
                  "random text: a secret must not survive, even hashed");
          default -> imitate();
        };
    boolean mayRunLong =
        m.yaml().get(0).contains("from_file") || m.yaml().get(0).contains("concat");
    return mayRunLong ? m.truncatedTo(len) : m;
  }

  private static long cap(long len, long want) {
    return len > 0 ? Math.min(len, want) : want;
  }

  private static MaskChoice imitate() {
    return new MaskChoice(
        List.of(I + "- type: imitate", I + "  force_change: true"),
        false,
        "letters and digits replaced by others of the same kind, keeping the layout and length");
  }

  private static MaskChoice seed(String file, String column, boolean hashed, String why) {
    return new MaskChoice(
        List.of(
            I + "- type: from_file", I + "  seed_file: " + file, I + "  seed_column: " + column),
        hashed,
        why);
  }

  /** Cuts the output to the column's length (a seed value may be longer than a short column). */
  private MaskChoice truncatedTo(long len) {
    if (len <= 0 || len >= 1_000) {
      return this;
    }
    List<String> more = new java.util.ArrayList<>(yaml);
    more.add(I + "- {type: take_substring, start_index: 0, end_index: " + len + "}");
    return new MaskChoice(List.copyOf(more), hashed, why + ", cut to " + len + " characters");
  }
}
