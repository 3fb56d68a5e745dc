package dev.guise.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.guise.exec.TaskKinds;
import dev.guise.mask.MaskRegistry;
import dev.guise.ruleset.TruncateTableTask;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Severity;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Every problem the planner can find, against hand-built tables instead of a database. */
class PlannerTest {
  private static ColumnInfo col(String name, ColumnCategory cat, String type, int size) {
    return new ColumnInfo(name, Types.OTHER, type, size, 0, false, cat);
  }

  private static final Map<String, TableInfo> TABLES =
      Map.of(
          "people",
          new TableInfo(
              new TableRef(null, "people"),
              List.of(
                  col("id", ColumnCategory.INTEGER, "INTEGER", 10),
                  new ColumnInfo(
                      "alt_id", Types.INTEGER, "INTEGER", 10, 0, true, ColumnCategory.INTEGER),
                  col("name", ColumnCategory.TEXT, "VARCHAR", 5),
                  col("age", ColumnCategory.INTEGER, "INTEGER", 10),
                  col("price", ColumnCategory.DECIMAL, "DECIMAL", 10),
                  col("active", ColumnCategory.BOOLEAN, "BOOLEAN", 1),
                  col("born", ColumnCategory.DATE, "DATE", 10),
                  col("notes", ColumnCategory.TEXT, "VARCHAR", 200)),
              List.of("id"),
              List.of(List.of("id"), List.of("alt_id"))),
          "addresses",
          new TableInfo(
              new TableRef(null, "addresses"),
              List.of(
                  col("id", ColumnCategory.INTEGER, "INTEGER", 10),
                  col("person_id", ColumnCategory.INTEGER, "INTEGER", 10),
                  col("city", ColumnCategory.TEXT, "VARCHAR", 40)),
              List.of("id"),
              List.of(List.of("id"))),
          "nokey",
          new TableInfo(
              new TableRef(null, "nokey"),
              List.of(
                  col("id", ColumnCategory.INTEGER, "INTEGER", 10),
                  col("name", ColumnCategory.TEXT, "VARCHAR", 40)),
              List.of(),
              List.of()));

  private static final SchemaSource SCHEMA = name -> Optional.ofNullable(TABLES.get(name));

  private static RulesetLoader.Result load(String tasks) {
    RulesetLoader.Result r =
        new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers())
            .load("version: '1.0'\ntasks:\n" + tasks, "p.yml");
    assertThat(r.diagnostics()).as("the ruleset itself is valid").isEmpty();
    return r;
  }

  private static Planner.Result plan(String tasks) {
    RulesetLoader.Result r = load(tasks);
    return Planner.plan(r.ruleset(), r.pipelines(), SCHEMA, TaskKinds.BUILT_IN.planners());
  }

  /** Severity, code and subject of each diagnostic, in order. */
  private static List<Tuple> found(Planner.Result plan) {
    return plan.diagnostics().list().stream()
        .map(d -> tuple(d.severity(), d.code(), d.subject()))
        .toList();
  }

  private static Diagnostic only(Planner.Result plan) {
    assertThat(plan.diagnostics().list()).hasSize(1);
    return plan.diagnostics().list().get(0);
  }

  @Test
  void aValidRulesetPlansWithoutProblems() {
    Planner.Result plan =
        plan(
            """
              - type: mask_table
                table: people
                key: id
                joins: [{target_table: addresses, target_key: id, source_table: people, source_key: alt_id}]
                rules:
                  - column: notes
                    masks: [{type: from_column, source_column: addresses.city}]
                  - column: age
                    masks: [{type: from_random_number, max: 99}]
            """);
    assertThat(plan.diagnostics().list()).isEmpty();
    MaskTableStep step = (MaskTableStep) plan.root().children().get(0);
    assertThat(step.written()).extracting(ColumnInfo::name).containsExactly("notes", "age");
    assertThat(step.joined()).extracting(JoinedColumn::reference).containsExactly("addresses.city");
    assertThat(step.rules().get(0).pipeline().masks().get(0).name()).isEqualTo("from_column");
  }

  @Test
  void unknownTablesAndColumnsAreNamedByTableAndColumn() {
    Planner.Result plan =
        plan(
            """
              - type: truncate_table
                table: ghosts
              - type: mask_table
                table: people
                key: id
                hash_columns: [elsewhere.x]
                rules:
                  - column: nmae
                    masks: [{type: do_nothing}]
            """);
    assertThat(plan.root()).isNull();
    assertThat(found(plan))
        .containsExactly(
            tuple(Severity.ERROR, "unknown-table", "ghosts"),
            tuple(Severity.ERROR, "unknown-column", "elsewhere.x"),
            tuple(Severity.ERROR, "unknown-column", "people.nmae"));
    assertThat(plan.diagnostics().list().get(0).message()).contains("named at p.yml:3:5");
    assertThat(plan.diagnostics().list().get(1).message()).contains("named at p.yml:5:5");
    assertThat(plan.diagnostics().list().get(2).message())
        .contains("named at p.yml:10:9")
        .contains("did you mean 'name'?");
  }

  @Test
  void keysMustBeUniqueAndNotNullAndAreNotMasked() {
    Planner.Result plan =
        plan(
            """
              - type: mask_table
                table: nokey
                key: id
                rules: [{column: name, masks: [{type: do_nothing}]}]
              - type: mask_table
                table: people
                key: alt_id
                rules:
                  - column: alt_id
                    masks: [{type: from_random_number, max: 9}]
            """);
    assertThat(found(plan))
        .containsExactly(
            tuple(Severity.ERROR, "key-not-unique", "nokey.id"),
            tuple(Severity.WARNING, "nullable-key", "people.alt_id"),
            tuple(Severity.ERROR, "key-column-masked", "people.alt_id"));
    assertThat(plan.diagnostics().list().get(0).message()).contains("task at p.yml:3:5");
    assertThat(plan.diagnostics().list().get(2).message()).contains("rule at p.yml:11:9");
  }

  @Test
  void aNullableKeyAloneIsOnlyAWarning() {
    Planner.Result plan =
        plan(
            """
              - type: mask_table
                table: people
                key: alt_id
                rules: [{column: name, masks: [{type: do_nothing}]}]
            """);
    assertThat(plan.root()).isNotNull();
    assertThat(found(plan))
        .containsExactly(tuple(Severity.WARNING, "nullable-key", "people.alt_id"));
  }

  @Test
  void joinsNeedAKnownSourceAnotherTableAndAUniqueTargetKey() {
    Planner.Result plan =
        plan(
            """
              - type: mask_table
                table: people
                key: id
                joins:
                  - {target_table: addresses, target_key: id, source_table: orders, source_key: id}
                  - {target_table: people, target_key: id, source_table: people, source_key: id}
                  - {target_table: nokey, target_key: id, source_table: people, source_key: id}
                rules:
                  - column: addresses.city
                    masks: [{type: do_nothing}]
            """);
    assertThat(found(plan))
        .containsExactly(
            tuple(Severity.ERROR, "bad-join", "orders"),
            tuple(Severity.ERROR, "bad-join", "people"),
            tuple(Severity.ERROR, "key-not-unique", "nokey.id"),
            tuple(Severity.ERROR, "joined-column-masked", "people.addresses.city"));
    assertThat(plan.diagnostics().list().get(0).message()).contains("join at p.yml:7:9");
    assertThat(plan.diagnostics().list().get(1).message()).contains("join at p.yml:8:9");
    assertThat(plan.diagnostics().list().get(3).message()).contains("rule at p.yml:11:9");
  }

  @Test
  void tempTablesAreForLookupsOnly() {
    Planner.Result plan =
        plan(
            """
              - type: build_temp_table
                table: lookup
                sql_select: SELECT 1 AS id
              - type: truncate_table
                table: LOOKUP
              - type: mask_table
                table: people
                key: id
                joins: [{target_table: lookup, target_key: id, source_table: people, source_key: id}]
                rules: [{column: name, masks: [{type: do_nothing}]}]
            """);
    assertThat(found(plan))
        .containsExactly(
            tuple(Severity.ERROR, "temp-table-target", "LOOKUP"),
            tuple(Severity.ERROR, "unsupported", "lookup"));
    assertThat(plan.diagnostics().list().get(0).message())
        .contains("build_temp_table at p.yml:3:5")
        .contains("(at p.yml:6:5)");
  }

  @Test
  void aMissingSqlFileIsReportedAtItsTask() {
    Diagnostic d =
        only(plan("  - type: run_sql\n    sql_file: no-such-file-for-planner-test.sql\n"));
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.code()).isEqualTo("unreadable-file");
    assertThat(d.subject()).isEqualTo("p.yml:3:5");
  }

  @Test
  void outputsThatDoNotFitTheirColumnAreTypeMismatches() {
    Planner.Result plan =
        plan(
            """
              - type: mask_table
                table: people
                key: id
                rules:
                  - column: name
                    masks: [{type: from_fixed, value: too long}]
                  - column: notes
                    masks: [{type: from_random_date, min: '2000-01-01', max: '2001-01-01'}]
                  - column: age
                    masks: [{type: from_fixed, value: x}]
                  - column: price
                    masks: [{type: from_random_boolean}]
                  - column: active
                    masks: [{type: from_fixed, value: x}]
                  - column: born
                    masks: [{type: from_random_number, max: 9}]
            """);
    assertThat(found(plan))
        .containsExactly(
            tuple(Severity.ERROR, "type-mismatch", "people.name"),
            tuple(Severity.ERROR, "type-mismatch", "people.age"),
            tuple(Severity.ERROR, "type-mismatch", "people.price"),
            tuple(Severity.ERROR, "type-mismatch", "people.active"),
            tuple(Severity.ERROR, "type-mismatch", "people.born"));
    // a date fits a 200-character column; the message names the mask that decides the output
    assertThat(plan.diagnostics().list().get(0).message())
        .startsWith("mask 'from_fixed' (p.yml:8:17) can output 8 characters")
        .contains("VARCHAR(5)");
  }

  @Test
  void aTaskTypeWithoutAPlannerIsADiagnosticNotACastError() {
    RulesetLoader.Result r = load("  - type: truncate_table\n    table: people\n");
    List<StepPlanners.Registration<?>> withoutTruncate =
        TaskKinds.BUILT_IN.planners().stream()
            .filter(p -> p.taskType() != TruncateTableTask.class)
            .toList();
    Planner.Result plan = Planner.plan(r.ruleset(), r.pipelines(), SCHEMA, withoutTruncate);
    assertThat(plan.root()).isNull();
    assertThat(found(plan))
        .containsExactly(tuple(Severity.ERROR, "unregistered-task", "p.yml:3:5"));
    assertThat(only(plan).message()).contains("truncate_table").contains("TruncateTableTask");
  }
}
