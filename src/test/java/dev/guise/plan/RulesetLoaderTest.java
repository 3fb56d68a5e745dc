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
}
