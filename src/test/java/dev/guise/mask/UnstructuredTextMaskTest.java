package dev.guise.mask;

import static dev.guise.mask.MaskFixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import dev.guise.mask.seed.SeedCatalog;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code unstructured_text}: entities found by matchers inside text, each masked by its label. */
class UnstructuredTextMaskTest {
  private static final Map<String, Object> FIXED_ID =
      Map.of("label", "PATIENT_ID", "masks", fixed("[ID]"));

  private static Pipeline fixed(String value) {
    return MaskFixture.pipeline(FromFixedMask.DEFINITION, args("value", value));
  }

  /** One {label, masks} entry whose masks are the one mask given. */
  private static Map<String, Object> labelled(
      String label, MaskDefinition def, Map<String, Object> maskArgs) {
    return Map.of("label", label, "masks", MaskFixture.pipeline(def, maskArgs));
  }

  private static Map<String, Object> regex(String label, String pattern) {
    return Map.of("label", label, "pattern", pattern);
  }

  private static MaskFixture mask(Map<String, Object> matchers, List<Map<String, Object>> masks) {
    return MaskFixture.of(UnstructuredTextMask.DEFINITION, "matchers", matchers, "masks", masks);
  }

  private final MaskFixture ids =
      mask(Map.of("regex", List.of(regex("PATIENT_ID", "P_\\d{3}"))), List.of(FIXED_ID));

  @Test
  void replacesEveryMatchAndKeepsTheTextAround() {
    assertThat(ids.apply("Seen P_001 and P_042 today; P_1 is no id."))
        .isEqualTo("Seen [ID] and [ID] today; P_1 is no id.");
    assertThat(ids.apply("nothing to see")).isEqualTo("nothing to see");
    assertThat(ids.shape().kind()).isEqualTo(OutputShape.Kind.TEXT);
  }

  @Test
  void nullEmptyAndOtherTypes() {
    assertThat(ids.apply(null)).isNull();
    assertThat(ids.apply("")).isEqualTo("");
    assertThat(ids.apply("  ")).isEqualTo("  ");
    assertThatThrownBy(() -> ids.apply(42L))
        .isInstanceOf(GuiseException.class)
        .hasMessageStartingWith("unstructured_text - cannot mask a Long value");
  }

  @Test
  void randomMasksAreKeyedAndARepeatedEntityStaysOne() {
    MaskFixture cpf =
        mask(
            Map.of("regex", List.of(regex("CPF", "\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}"))),
            List.of(labelled("CPF", BrazilianCpfMask.DEFINITION, args())));
    String in = "CPF 123.456.789-09, again 123.456.789-09, spouse 529.982.247-25.";
    String out = (String) cpf.apply(in, 1L);
    assertThat(cpf.apply(in, 1L)).isEqualTo(out);
    assertThat(cpf.withSecret(MaskFixture.OTHER_SECRET).apply(in, 1L)).isNotEqualTo(out);
    var m = Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}").matcher(out);
    List<String> found = m.results().map(r -> r.group()).toList();
    assertThat(found).hasSize(3).doesNotContain("123.456.789-09", "529.982.247-25");
    assertThat(found.get(0)).isEqualTo(found.get(1)).isNotEqualTo(found.get(2));
    found.forEach(c -> assertThat(BrazilianCpfMaskTest.isValid(c)).as(c).isTrue());
    assertThat(out).hasSameSizeAs(in).startsWith("CPF ").endsWith(".");
  }

  @Test
  void contextSourcesMatchWholeWordsOfAnotherColumnIgnoringCase() {
    MaskFixture names =
        mask(
            Map.of("context_sources", List.of(Map.of("label", "FIRST_NAME", "column", "first"))),
            List.of(Map.of("label", "FIRST_NAME", "masks", fixed("Korrie"))));
    assertThat(names.mask().columnsRead()).containsExactly("first");
    MaskFixture row = names.withRow(Map.of("first", "Bradley"));
    assertThat(row.apply("Patient BRADLEY unwell; Bradleys' dog; bradley."))
        .isEqualTo("Patient Korrie unwell; Bradleys' dog; Korrie.");
    // no value in the row: nothing to find
    assertThat(names.apply("Patient Bradley")).isEqualTo("Patient Bradley");
    MaskFixture strict =
        mask(
                Map.of(
                    "context_sources",
                    List.of(
                        Map.of("label", "FIRST_NAME", "column", "first", "case_sensitive", true))),
                List.of(Map.of("label", "FIRST_NAME", "masks", fixed("Korrie"))))
            .withRow(Map.of("first", "Bradley"));
    assertThat(strict.apply("BRADLEY and Bradley")).isEqualTo("BRADLEY and Korrie");
  }

  @Test
  void seedFilesAndOverlapsPreferTheEarliestThenTheLongest() {
    MaskFixture m =
        mask(
            Map.of(
                "seed_files",
                    List.of(
                        Map.of(
                            "label", "FIRST_NAME",
                            "seed_file", "first_names",
                            "seed_column", "first_name")),
                "regex", List.of(regex("WORD_ID", "[A-Z][a-z]+ \\d+"))),
            List.of(
                Map.of("label", "FIRST_NAME", "masks", fixed("<NAME>")),
                Map.of("label", "WORD_ID", "masks", fixed("<WID>"))));
    String first = SeedCatalog.builtIn().get("first_names").column("first_name").get(0);
    // the regex match starts where the name does and is longer: it wins
    assertThat(m.apply("to " + first + " 12 from " + first.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo("to <WID> from <NAME>");
  }

  @Test
  void unicodeAndVeryLongText() {
    MaskFixture names =
        mask(
                Map.of("context_sources", List.of(Map.of("label", "NAME", "column", "n"))),
                List.of(Map.of("label", "NAME", "masks", fixed("Zoë"))))
            .withRow(Map.of("n", "Ångström"));
    assertThat(names.apply("ÅNGSTRÖM 😀 met Ångström, not Ångströms."))
        .isEqualTo("Zoë 😀 met Zoë, not Ångströms.");
    String longText = "lorem ipsum P_123 ".repeat(50_000);
    String out = (String) ids.apply(longText);
    assertThat(out).doesNotContain("P_123").hasSize(longText.length() - 50_000);
  }

  @Test
  void statisticalEachEntityMaskedNoOriginalLeft() {
    MaskFixture nums =
        mask(
            Map.of("regex", List.of(regex("NUM", "\\b\\d{6}\\b"))),
            List.of(labelled("NUM", ImitateMask.DEFINITION, args("force_change", true))));
    int leaks = 0;
    Set<String> outputs = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String n = String.format("%06d", 100_000 + i * 89 % 900_000);
      String out = (String) nums.apply("ref " + n + " ok", (long) i);
      assertThat(out).matches("ref \\d{6} ok");
      leaks += out.contains(n) ? 1 : 0;
      outputs.add(out);
    }
    System.out.printf(
        "unstructured_text: 10000 notes, %d kept their number, %d distinct%n",
        leaks, outputs.size());
    assertThat(leaks).isZero();
    assertThat(outputs.size()).isGreaterThan(9_900);
  }

  @Test
  void argumentErrorsNameTheProblem() {
    Map<String, Object> one = Map.of("regex", List.of(regex("PATIENT_ID", "P_\\d")));
    assertThatThrownBy(() -> create(one, List.of())).hasMessageContaining("the list is empty");
    assertThatThrownBy(() -> create(one, List.of(Map.of("label", "OTHER", "masks", fixed("x")))))
        .hasMessageContaining("label PATIENT_ID has matchers but no masks");
    assertThatThrownBy(() -> create(one, List.of(FIXED_ID, FIXED_ID)))
        .hasMessageContaining("repeats label PATIENT_ID");
    assertThatThrownBy(
            () -> create(Map.of("regex", List.of(regex("patient", "x"))), List.of(FIXED_ID)))
        .hasMessageContaining("needs a 'label' in UPPER_CASE");
    assertThatThrownBy(
            () -> create(Map.of("regex", List.of(regex("PATIENT_ID", "(x"))), List.of(FIXED_ID)))
        .hasMessageContaining("regex matcher 1: invalid regular expression");
    assertThatThrownBy(() -> create(Map.of("ai_detect", List.of()), List.of(FIXED_ID)))
        .hasMessageContaining("'ai_detect' is not supported by Guise");
    assertThatThrownBy(
            () ->
                create(
                    Map.of("regex", List.of(Map.of("label", "PATIENT_ID", "patern", "x"))),
                    List.of(FIXED_ID)))
        .hasMessageContaining("has no key 'patern'");
    assertThatThrownBy(
            () ->
                create(
                    Map.of(
                        "seed_files",
                        List.of(
                            Map.of(
                                "label",
                                "PATIENT_ID",
                                "seed_file",
                                "first_names",
                                "seed_column",
                                "nope"))),
                    List.of(FIXED_ID)))
        .hasMessageContaining("has no column 'nope'");
  }

  private static Mask create(Object matchers, Object masks) {
    return MaskFixture.create(
        UnstructuredTextMask.DEFINITION, "matchers", matchers, "masks", masks);
  }

  @Test
  void yamlInTheVendorsShapeBuildsThroughTheMaskBuilder() {
    String yaml =
        """
        - type: unstructured_text
          matchers:
            regex:
              - label: "PATIENT_ID"
                pattern: "P_\\\\d{3}"
          masks:
            - label: "PATIENT_ID"
              masks:
                - type: from_fixed
                  value: "[REDACTED]"
        """;
    Diagnostics d = new Diagnostics();
    YNode node = YamlReader.read(yaml, "r.yml", d);
    Pipeline p =
        new MaskBuilder(MaskRegistry.standard(), SeedCatalog.builtIn(), Path.of("."), d)
            .pipeline(((YNode.YList) node).items(), Location.of("r.yml"));
    assertThat(d.list()).extracting(Diagnostic::toString).isEmpty();
    MaskContext ctx = MaskFixture.of(FromFixedMask.DEFINITION, "value", "x").context(1L);
    assertThat(p.apply("note P_001 end", ctx)).isEqualTo("note [REDACTED] end");

    Diagnostics bad = new Diagnostics();
    YNode typo =
        YamlReader.read(yaml.replaceFirst("\"PATIENT_ID\"", "\"patient_id\""), "r.yml", bad);
    new MaskBuilder(MaskRegistry.standard(), SeedCatalog.builtIn(), Path.of("."), bad)
        .pipeline(((YNode.YList) typo).items(), Location.of("r.yml"));
    assertThat(bad.hasErrors()).isTrue();
    assertThat(bad.list().get(0).toString())
        .startsWith("r.yml:3:5 - ")
        .contains("mask 'unstructured_text' parameter 'matchers'")
        .contains("UPPER_CASE");
  }
}
