package dev.guise.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.exec.TaskKinds;
import dev.guise.yaml.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesetParserTest {
  private final RulesetParser parser =
      new RulesetParser(TaskKinds.BUILT_IN.readers(), MasksCheck.NONE);

  private static List<Rule> rules(MaskTableTask t) {
    return t.rules().stream().map(Rule.class::cast).toList();
  }

  private RulesetParser.Result parse(String yaml) {
    return parser.parse(yaml, "r.yml");
  }

  @Test
  void anchorsAliasesAndMergeWithOverride() {
    RulesetParser.Result r =
        parse(
            """
            version: '1.0'
            rule_definitions:
              - &name_rule
                column: first_name
                masks:
                  - type: from_fixed
                    value: X
            tasks:
              - type: mask_table
                table: people
                key: id
                rules:
                  - *name_rule
                  - <<: *name_rule
                    column: last_name
            """);
    assertThat(r.diagnostics()).isEmpty();
    MaskTableTask t = (MaskTableTask) r.ruleset().tasks().get(0);
    assertThat(rules(t)).extracting(Rule::column).containsExactly("first_name", "last_name");
    // the merge keeps the anchored masks: the same mapping in both rules (digests:
    // RulesetLoaderTest)
    assertThat(rules(t).get(1).masks().items()).isEqualTo(rules(t).get(0).masks().items());
    assertThat(rules(t).get(1).masks().items().get(0).toPlain())
        .isEqualTo(java.util.Map.of("type", "from_fixed", "value", "X"));
  }

  @Test
  void rulesAndMasksMayBeMappingsSoAMergeCanOverrideOneEntry() {
    RulesetParser.Result r =
        parse(
            """
            version: '1.0'
            task_definitions:
              - &base
                type: mask_table
                table: people
                key: [a, b]
                rules:
                  name:
                    column: name
                    masks:
                      fixed: {type: from_fixed, value: X}
                  city: {column: city, masks: [{type: do_nothing}]}
            tasks:
              - *base
              - <<: *base
                table: others
            """);
    assertThat(r.diagnostics()).isEmpty();
    List<Task> tasks = r.ruleset().tasks();
    assertThat(tasks).hasSize(2);
    MaskTableTask second = (MaskTableTask) tasks.get(1);
    assertThat(second.table()).isEqualTo("others");
    assertThat(second.key()).containsExactly("a", "b");
    assertThat(rules(second)).extracting(Rule::column).containsExactly("name", "city");
  }

  @Test
  void hashColumnsInheritOverrideAndTurnOff() {
    RulesetParser.Result r =
        parse(
            """
            version: '1.0'
            tasks:
              - type: mask_table
                table: t
                key: id
                hash_columns: [email]
                rules:
                  - column: a
                    masks: [{type: do_nothing}]
                  - column: b
                    hash_columns: null
                    masks: [{type: do_nothing}]
                  - column: c
                    hash_columns: [{column_name: name, case_transform: lower, trim: true}]
                    masks: [{type: do_nothing}]
            """);
    assertThat(r.diagnostics()).isEmpty();
    MaskTableTask t = (MaskTableTask) r.ruleset().tasks().get(0);
    assertThat(t.hashColumns()).containsExactly(HashColumn.of("email"));
    assertThat(rules(t).get(0).hashColumns()).isEmpty();
    assertThat(rules(t).get(1).hashColumns()).contains(List.of());
    assertThat(rules(t).get(2).hashColumns().orElseThrow().get(0).normalise("  Ann "))
        .isEqualTo("ann");
  }

  @Test
  void hashColumnJsonPathPicksANestedValue() {
    RulesetParser.Result r =
        parse(
            """
            version: '1.0'
            tasks:
              - type: mask_table
                table: t
                key: id
                rules:
                  - column: a
                    hash_columns: [{column_name: doc, json_path: [customer, emails, 0], case_transform: lower}]
                    masks: [{type: do_nothing}]
            """);
    assertThat(r.diagnostics()).isEmpty();
    HashColumn h =
        rules((MaskTableTask) r.ruleset().tasks().get(0)).get(0).hashColumns().orElseThrow().get(0);
    assertThat(h.normalise("{\"customer\": {\"emails\": [\"A@X.test\", \"b@x.test\"]}}"))
        .isEqualTo("a@x.test");
    assertThat(h.normalise("{\"customer\": {}}")).isNull();
    assertThat(h.normalise("not json")).isNull();
  }

  @Test
  void skipDefaultsAndRuleSkip() {
    RulesetParser.Result r =
        parse(
            """
            version: '1.0'
            skip_defaults: [null, '', 'N/A']
            tasks:
              - type: mask_table
                table: t
                key: id
                rules:
                  - column: a
                    skip: [{matches: '^test-.*'}, 0]
                    masks: [{type: do_nothing}]
            """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.ruleset().skipDefaults()).anyMatch(s -> s.skips("N/A"));
    List<SkipValue> skip = rules((MaskTableTask) r.ruleset().tasks().get(0)).get(0).skip();
    assertThat(skip.get(0).skips("test-1")).isTrue();
    assertThat(skip.get(0).skips("prod-1")).isFalse();
    assertThat(skip.get(1).skips(0L)).isTrue();
    assertThat(skip.get(1).skips(new java.math.BigDecimal("0.00"))).isTrue();
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    RulesetParser.Result r =
        parse(
            """
            version: 1.0
            tasks:
              - type: mask_table
                tabel: t
                rules: []
              - type: run_sql
              - type: bogus
              - type: mask_unique_key
            extra: 1
            """);
    assertThat(r.ruleset()).isNull();
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code)
        .contains("unquoted-version", "unknown-key", "missing-key", "unknown-task");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .anyMatch(
            s ->
                s.startsWith(
                    "r.yml:4:5 - unknown key 'tabel' in task 'mask_table'; did you mean 'table'?"))
        .anyMatch(s -> s.startsWith("r.yml:9:1 - unknown key 'extra' in the ruleset"));
  }

  @Test
  void duplicateKeysAreErrors() {
    RulesetParser.Result r = parse("version: '1.0'\nversion: '1.0'\ntasks: []\n");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("duplicate-key");
  }

  @Test
  void autoManageTriggersIsReadWithoutAWarning() {
    RulesetParser.Result on =
        parse(
            "version: '1.0'\nauto_manage_triggers: true\ntasks:\n"
                + "  - type: run_sql\n    sql: SELECT 1\n");
    assertThat(on.diagnostics()).isEmpty();
    assertThat(on.ruleset().autoManageTriggers()).isTrue();
    RulesetParser.Result off =
        parse("version: '1.0'\ntasks:\n  - type: run_sql\n    sql: SELECT 1\n");
    assertThat(off.ruleset().autoManageTriggers()).isFalse();
    RulesetParser.Result wrong =
        parse(
            "version: '1.0'\nauto_manage_triggers: sometimes\ntasks:\n"
                + "  - type: run_sql\n    sql: SELECT 1\n");
    assertThat(wrong.hasErrors()).isTrue();
  }
}
