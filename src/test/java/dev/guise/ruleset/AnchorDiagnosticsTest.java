package dev.guise.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.exec.TaskKinds;
import dev.guise.mask.MaskRegistry;
import dev.guise.plan.RulesetLoader;
import dev.guise.yaml.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One mistake, one message: a broken anchored definition is reported once, with its uses. */
class AnchorDiagnosticsTest {
  private static List<Diagnostic> errors(String yaml) {
    return new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers())
        .load(yaml, "r.yml").diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  @Test
  void aTypoInAMaskUsedFiveTimesIsOneErrorAtTheAnchorNamingEveryUse() {
    String yaml =
        """
        version: '1.0'
        mask_definitions:
          - &name
            type: from_fixed
            valeu: x
        tasks:
          - type: mask_table
            table: t
            key: id
            rules:
              - column: a
                masks: [*name]
              - column: b
                masks: [*name]
              - column: c
                masks: [*name]
              - column: d
                masks: [*name]
              - column: e
                masks: [*name]
        """;
    List<Diagnostic> errors = errors(yaml);
    List<Diagnostic> typo = errors.stream().filter(d -> d.code().equals("unknown-key")).toList();
    assertThat(typo).hasSize(1);
    assertThat(typo.get(0).subject()).isEqualTo("r.yml:5:5");
    assertThat(typo.get(0).message())
        .contains("'valeu'")
        .contains("used at r.yml:12:17, r.yml:14:17, r.yml:16:17, r.yml:18:17, r.yml:20:17");
    // the missing 'value' the typo causes is one error too, not five
    assertThat(errors.stream().filter(d -> d.code().equals("missing-parameter"))).hasSize(1);
  }

  @Test
  void aRuleMergedFromAnAnchorReportsTheAnchorAndTheMerge() {
    String yaml =
        """
        version: '1.0'
        rule_definitions:
          - &rule
            column: a
            masks:
              - type: imitat
        tasks:
          - type: mask_table
            table: t
            key: id
            rules:
              - <<: *rule
                column: b
        """;
    List<Diagnostic> unknown =
        errors(yaml).stream().filter(d -> d.code().equals("unknown-mask")).toList();
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0).subject()).isEqualTo("r.yml:6:15");
    assertThat(unknown.get(0).message()).contains("'&rule'").contains("used at r.yml:12:13");
  }

  @Test
  void aMistakeOutsideAnyAnchorNamesNoUses() {
    String yaml =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: t
            key: id
            rules:
              - column: a
                masks: [{type: from_fixed, valeu: x}]
              - column: b
                masks: [{type: from_fixed, valeu: x}]
        """;
    List<Diagnostic> typo =
        errors(yaml).stream().filter(d -> d.code().equals("unknown-key")).toList();
    assertThat(typo).hasSize(2);
    assertThat(typo).allSatisfy(d -> assertThat(d.message()).doesNotContain("used at"));
  }
}
