package dev.guise.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.guise.exec.TaskKinds;
import dev.guise.mask.MaskRegistry;
import dev.guise.mask.Pipeline;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.Rule;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing plus mask building, with no schema and no database. */
class RulesetLoaderTest {
  private final RulesetLoader loader =
      new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers());

  private static List<Rule> rules(RulesetLoader.Result r) {
    return ((MaskTableTask) r.ruleset().tasks().get(0))
        .rules().stream().map(Rule.class::cast).toList();
  }

  @Test
  void anchoredMasksBuildTheSameDigestEverywhere() {
    RulesetLoader.Result r =
        loader.load(
            """
            version: '1.0'
            tasks:
              - type: mask_table
                table: people
                key: id
                rules:
                  - column: first_name
                    masks: &fixed [{type: from_fixed, value: X}]
                  - column: last_name
                    masks: *fixed
            """,
            "r.yml");
    assertThat(r.diagnostics()).isEmpty();
    Pipeline first = r.pipelines().of(rules(r).get(0));
    Pipeline second = r.pipelines().of(rules(r).get(1));
    assertThat(second.masks().get(0).name()).isEqualTo("from_fixed");
    // the same definition in two places gives the same digest: the same mapping everywhere
    assertThat(second.masks().get(0).digest()).isEqualTo(first.masks().get(0).digest());
  }

  @Test
  void maskParameterErrorsAreReportedWithTheirPositionsAndInDocumentOrder() {
    RulesetLoader.Result r =
        loader.load(
            """
            version: '1.0'
            tasks:
              - type: mask_table
                table: people
                key: id
                rules:
                  - column: name
                    masks:
                      - type: from_fixd
                  - column: age
                    masks:
                      - type: from_random_number
                        max: lots
              - type: truncate_table
                tabel: x
              - type: mask_table
                table: people
                key: id
                rules:
                  - column: name
                    masks:
                      - type: from_fixed
                        value: x
                        colour: red
                  - column: code
                    masks: []
            """,
            "r.yml");
    assertThat(r.ruleset()).isNull();
    assertThat(r.pipelines()).isNull();
    // a task-level problem between mask problems stays between them: one diagnostics list
    assertThat(r.diagnostics())
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::subject)
        .containsExactly(
            tuple(Severity.ERROR, "unknown-mask", "r.yml:9:19"),
            tuple(Severity.ERROR, "wrong-type", "r.yml:13:18"),
            tuple(Severity.ERROR, "unknown-key", "r.yml:15:5"),
            tuple(Severity.ERROR, "missing-key", "r.yml:14:5"),
            tuple(Severity.ERROR, "unknown-key", "r.yml:24:13"),
            tuple(Severity.ERROR, "empty-masks", "r.yml:26:16"),
            tuple(Severity.WARNING, "duplicate-rule", "r.yml:20:9"));
  }

  @Test
  void aRuleReadElsewhereHasNoPipeline() {
    String yaml =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: t
            key: id
            rules: [{column: a, masks: [{type: do_nothing}]}]
        """;
    RulesetLoader.Result one = loader.load(yaml, "r.yml");
    RulesetLoader.Result other = loader.load(yaml, "r.yml");
    assertThat(one.pipelines().of(rules(one).get(0)).masks()).hasSize(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> one.pipelines().of(rules(other).get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r.yml:6:13");
  }

  private static String oneTask(String head, String mask) {
    return "version: '1.0'\n"
        + head
        + "tasks:\n"
        + "  - type: mask_table\n"
        + "    table: people\n"
        + "    key: id\n"
        + "    rules:\n"
        + "      - column: code\n"
        + "        masks:\n"
        + "          - "
        + mask
        + "\n";
  }

  @Test
  void deprecatedNamesAreAcceptedWithAWarningNamingTheirReplacement() {
    RulesetLoader.Result old =
        loader.load(
            oneTask("name: customers\nrandom_seed: 42\n", "{type: substitute, force_change: true}"),
            "r.yml");
    RulesetLoader.Result now =
        loader.load(oneTask("", "{type: imitate, force_change: true}"), "r.yml");
    assertThat(old.ruleset()).isNotNull();
    assertThat(old.diagnostics())
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::subject)
        .containsExactly(
            tuple(Severity.WARNING, "deprecated", "r.yml:2:7"),
            tuple(Severity.WARNING, "deprecated", "r.yml:3:14"),
            tuple(Severity.WARNING, "deprecated", "r.yml:11:20"));
    assertThat(old.diagnostics().get(1).message()).contains("run secret");
    assertThat(old.diagnostics().get(2).message())
        .contains("'substitute' is deprecated")
        .contains("type: imitate");
    // the old name runs as its replacement: same mask, same digest, so the same values
    var substitute = old.pipelines().of(rules(old).get(0)).masks().get(0);
    var imitate = now.pipelines().of(rules(now).get(0)).masks().get(0);
    assertThat(substitute.name()).isEqualTo("imitate");
    assertThat(substitute.digest()).isEqualTo(imitate.digest());
  }

  @Test
  void duplicateRulesWarnWithBothPlacesUnlessDisabled() {
    String body =
        """
        tasks:
          - type: mask_table
            table: people
            key: id
            rules:
              - column: name
                masks: [{type: from_fixed, value: x}]
          - type: mask_table
            table: PEOPLE
            key: id
            rules:
              - column: age
                masks: [{type: from_fixed, value: 1}]
          - type: mask_table
            table: people
            key: id
            rules:
              - column: Name
                masks: [{type: from_fixed, value: y}]
        """;
    RulesetLoader.Result warned = loader.load("version: '1.0'\n" + body, "r.yml");
    assertThat(warned.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::subject)
        .containsExactly(
            tuple("duplicate-rule", "r.yml:9:5"), tuple("duplicate-rule", "r.yml:19:9"));
    assertThat(warned.diagnostics().get(0).message())
        .contains("table PEOPLE is also masked by the task at r.yml:3:5");
    assertThat(warned.diagnostics().get(1).message())
        .contains("people.Name is also masked at r.yml:7:9")
        .contains("disable_warning_on_duplicate_rules: true");
    RulesetLoader.Result silenced =
        loader.load("version: '1.0'\ndisable_warning_on_duplicate_rules: true\n" + body, "r.yml");
    assertThat(silenced.ruleset()).isNotNull();
    assertThat(silenced.diagnostics()).isEmpty();
  }
}
