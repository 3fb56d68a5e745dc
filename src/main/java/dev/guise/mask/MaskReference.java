package dev.guise.mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the mask reference ({@code docs/masks.md}) from a registry, so the docs say exactly what
 * the validator accepts. A test compares the committed file with this output.
 */
public final class MaskReference {
  /** Category order and headings. */
  private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put("generic", "Generic");
    CATEGORIES.put("string", "String");
    CATEGORIES.put("numeric", "Numeric");
    CATEGORIES.put("date", "Date and time");
    CATEGORIES.put("data_pattern", "Data patterns");
    CATEGORIES.put("unique", "Unique");
    CATEGORIES.put("document", "Documents");
    CATEGORIES.put("transformation", "Transformation");
    CATEGORIES.put("combination", "Combination");
  }

  /** Behaviour worth knowing beyond the summary and parameters, by mask name. */
  private static final Map<String, String> NOTES =
      Map.ofEntries(
          Map.entry(
              FromFileMask.NAME,
              "Seed files are read once, when the ruleset is validated; a missing file or column is"
                  + " reported then. Files in `--seeds-dir` take precedence over the built-ins"
                  + " (`guise seeds list`). With the filter pair, only seed rows whose"
                  + " `seed_filter_column` equals the row's `table_filter_column` value (ignoring"
                  + " case and surrounding spaces) are candidates; when none matches, or the row's"
                  + " value is null, every row of the file is. The output never equals the input"
                  + " while another candidate exists."),
          Map.entry(
              FromBlobMask.NAME,
              "The file is read once, at validation. Bytes suit binary columns (BLOB, BYTEA,"
                  + " VARBINARY); `as_text: true` suits text columns."),
          Map.entry(
              FromJsonPathMask.NAME,
              "Text, numbers and booleans come out as such; an object or array as its JSON text."
                  + " With `source_column` the value comes from that column's original value,"
                  + " otherwise from the value being masked."),
          Map.entry(
              ImitateUniqueMask.NAME,
              "Keyed by the run secret and `seed` only (never the table, column or rule), so equal"
                  + " values mask alike everywhere, on every engine. Letters are permuted"
                  + " case-folded and keep their case, so outputs are unique under case-insensitive"
                  + " collations too; trailing spaces are kept. No value maps to itself unless"
                  + " nothing else fits its format (`-0`, text without letters or digits). Integers"
                  + " keep sign and digit count; integer text (`123`) masks like the integer."
                  + " Construction: [unique-masks.md](unique-masks.md)."),
          Map.entry(
              ImitateUuidMask.NAME,
              "Accepts `8-4-4-4-12` or 32 hex digits, in braces or not, in either case, and keeps"
                  + " that layout (mixed-case text comes out lowercase). Keyed like"
                  + " `imitate_unique`; no UUID maps to itself."),
          Map.entry(
              FromUniqueMask.NAME,
              "Runs on the key path: every distinct value of the column gets its own output (equal"
                  + " values the same one), a keyed permutation of the format's outputs, so they do"
                  + " not count up. It must be the only mask of its rule; a format with fewer"
                  + " outputs than the column has distinct values is refused before writing. Values"
                  + " are text (chaining a `typecast` is not supported yet)."),
          Map.entry(
              ImitateNzIrdMask.NAME,
              "A valid IRD number (Inland Revenue's modulus-11 check, primary and secondary"
                  + " weights, 10,000,000-150,000,000) becomes another valid one of the same digit"
                  + " count; any other 8- or 9-digit number becomes another invalid one, so outputs"
                  + " never collide. Hyphens and spaces stay in place. Keyed like `imitate_unique`."),
          Map.entry(
              NumericBucketMask.NAME,
              "Bucket i is [bound i, bound i+1). The output keeps the input's type and decimal"
                  + " places; integers stay integers."),
          Map.entry(
              RetainAgeMask.NAME,
              "Age is counted in whole years on the run's start date (UTC), never the wall clock."
                  + " The time of day of a date-time is kept; the output never equals the input."),
          Map.entry(
              RetainDateComponentMask.NAME,
              "The output is always a valid date: a kept 31st lands only in 31-day months, a kept"
                  + " 29 February only in leap years. Dates stay dates, date-times stay date-times"
                  + " (an offset is kept), text stays text in `date_format` (or ISO-8601)."),
          Map.entry(
              CreditCardMask.NAME,
              "Spaces, dashes and other non-digits stay where they were, and the number keeps its"
                  + " length. Without `retain_prefix_length` a generated number starts with a real"
                  + " issuer prefix for its length (16: Visa, Mastercard, Discover, JCB; 15: Amex;"
                  + " 14: Diners; 13 and 19: Visa). A generated number never equals the input."),
          Map.entry(
              SocialSecurityNumberMask.NAME,
              "Area 001-899 except 666, group 01-99, serial 0001-9999. Nine-digit text keeps its"
                  + " layout; other text becomes AAA-GG-SSSS. The output never equals the input."),
          Map.entry(
              JsonMask.NAME,
              "Works on text, JSON and JSONB columns (and bytes); the output is compact JSON with"
                  + " keys in their original order. Transforms run in order. Masks nested in"
                  + " `transforms` are checked like any other mask when the ruleset is validated."),
          Map.entry(
              XmlMask.NAME,
              "Documents are parsed without namespaces (match namespaced names with"
                  + " `local-name()`); a DOCTYPE is refused, so no external entity or DTD is ever"
                  + " read. Selecting an element that holds other elements is an error."));

  private MaskReference() {}

  /** The whole reference as Markdown. */
  public static String markdown(MaskRegistry registry) {
    StringBuilder md = new StringBuilder();
    md.append("# Mask reference\n\n");
    md.append(
        "<!-- Generated from the mask registry by dev.guise.mask.MaskReference; do not edit."
            + " Regenerate with:\n"
            + "     mvn -o test -Dtest=MaskReferenceTest -Dguise.regenerateDocs=true -->\n\n");
    md.append(
        "Each rule's `masks` list is a pipeline: the first mask sees the column's original value,"
            + " each later one the previous output. Parameters not given take the default shown."
            + " All randomness comes from the run's keyed generator (see the ruleset spec, §4)."
            + " `guise masks show NAME` prints the same information.\n\n");
    Map<String, List<MaskDefinition>> byCategory = new LinkedHashMap<>();
    CATEGORIES.keySet().forEach(c -> byCategory.put(c, new ArrayList<>()));
    for (MaskDefinition d : registry.all()) {
      byCategory.computeIfAbsent(d.category(), c -> new ArrayList<>()).add(d);
    }
    md.append("| mask | category | summary |\n|---|---|---|\n");
    byCategory.forEach(
        (category, defs) -> {
          for (MaskDefinition d : defs) {
            md.append("| [`")
                .append(d.name())
                .append("`](#")
                .append(d.name())
                .append(") | ")
                .append(category)
                .append(" | ")
                .append(cell(d.summary()))
                .append(" |\n");
          }
        });
    if (!registry.deprecatedNames().isEmpty()) {
      md.append(
          "\nDeprecated names, accepted with a warning and run as their replacement (as in"
              + " DataMasque):");
      registry
          .deprecatedNames()
          .forEach(
              (old, now) ->
                  md.append(" `")
                      .append(old)
                      .append("` → [`")
                      .append(now)
                      .append("`](#")
                      .append(now)
                      .append(")."));
      md.append('\n');
    }
    byCategory.forEach(
        (category, defs) -> {
          if (defs.isEmpty()) {
            return;
          }
          md.append("\n## ").append(CATEGORIES.getOrDefault(category, category)).append('\n');
          for (MaskDefinition d : defs) {
            section(md, d);
          }
        });
    return md.toString();
  }

  private static void section(StringBuilder md, MaskDefinition d) {
    md.append("\n### ").append(d.name()).append("\n\n");
    md.append(d.summary()).append('\n');
    String note = NOTES.get(d.name());
    if (note != null) {
      md.append('\n').append(note).append('\n');
    }
    md.append('\n');
    if (d.params().isEmpty()) {
      md.append("No parameters.\n");
    } else {
      md.append("| parameter | type | required | default | description |\n");
      md.append("|---|---|---|---|---|\n");
      for (ParamSpec p : d.params()) {
        String name = "`" + p.name() + "`";
        if (!p.aliases().isEmpty()) {
          name +=
              " (also "
                  + String.join(", ", p.aliases().stream().map(a -> "`" + a + "`").toList())
                  + ")";
        }
        md.append("| ")
            .append(name)
            .append(" | ")
            .append(p.type().description())
            .append(" | ")
            .append(p.required() ? "yes" : "no")
            .append(" | ")
            .append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
            .append(" | ")
            .append(cell(p.description()))
            .append(" |\n");
      }
    }
    md.append("\nExample:\n\n```yaml\n").append(d.example().strip()).append("\n```\n");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
