package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.db.ConnectionPool;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.plan.Planner;
import dev.guise.plan.SerialStep;
import dev.guise.plan.Step;
import dev.guise.yaml.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the planner reads a unique mask on a key: its family from the catalog, and what it refuses.
 */
class KeyPlanTest {
  private TestEngine e;
  private KeyFamilyFixture f;
  private ConnectionPool pool;

  @BeforeEach
  void open() throws Exception {
    e = new H2Engine();
    e.open();
    f = new KeyFamilyFixture(e);
    f.create();
    pool = f.pool();
  }

  @AfterEach
  void close() throws Exception {
    pool.close();
    e.sql("DROP TABLE IF EXISTS " + e.q(e.otherSchema) + "." + e.q("notes"));
    e.close();
  }

  private static List<KeyRewriteStep> keySteps(Step s) {
    List<KeyRewriteStep> out = new ArrayList<>();
    if (s instanceof KeyRewriteStep k) {
      out.add(k);
    }
    s.children().forEach(c -> out.addAll(keySteps(c)));
    return out;
  }

  private static String ruleset(String tasks) {
    return "version: '1.0'\ntasks:\n" + tasks;
  }

  @Test
  void theFamilyFollowsEveryForeignKeyTransitively() {
    Planner.Result r =
        KeyFamilyFixture.plan(KeyFamilyFixture.RULESET.formatted(ShiftUniqueMask.NAME), pool);
    SerialStep root = r.root();
    assertThat(root).as("%s", r.diagnostics().list()).isNotNull();
    List<KeyRewriteStep> keys = keySteps(root);
    assertThat(keys).hasSize(3);
    String schema = e.schema;
    assertThat(keys.get(0).columns())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder(
            schema + ".customers.CODE",
            schema + ".orders.CUST",
            schema + ".invoices.CUST",
            schema + ".lines.CUST",
            e.otherSchema + ".notes.CUST");
    assertThat(keys.get(0).describe()).contains("cascading to").contains(".lines.CUST");
    assertThat(keys.get(1).columns())
        .extracting(Object::toString)
        .containsExactly(schema + ".employees.ID", schema + ".employees.MANAGER");
    assertThat(keys.get(2).columns())
        .extracting(Object::toString)
        .containsExactly(schema + ".cyc_a.ID", schema + ".cyc_b.A_ID");
    // the customers task keeps its other rule in a mask_table step before the key
    assertThat(root.children().get(0).children()).hasSize(2);
  }

  @Test
  void aRuleOnAFollowingColumnIsRefusedNamingTheParentRule() {
    Planner.Result r =
        KeyFamilyFixture.plan(
            KeyFamilyFixture.RULESET.formatted(ShiftUniqueMask.NAME)
                + "  - type: mask_table\n"
                + "    table: lines\n"
                + "    key: id\n"
                + "    rules:\n"
                + "      - column: cust\n"
                + "        masks: [{type: from_fixed, value: x}]\n",
            pool);
    assertThat(r.root()).isNull();
    assertThat(r.diagnostics().list())
        .filteredOn(d -> d.code().equals("cascade-column-masked"))
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("customers.CODE")
        .contains("the rule at keys.yml:7:9")
        .contains("keys.yml:27:9");
  }

  @Test
  void onlyASingleUniqueMaskOnEveryRowMayRewriteAKey() {
    Planner.Result r =
        KeyFamilyFixture.plan(
            ruleset(
                "  - type: mask_table\n"
                    + "    table: customers\n"
                    + "    key: code\n"
                    + "    rules:\n"
                    + "      - column: code\n"
                    + "        masks: [{type: from_fixed, value: x}]\n"
                    + "  - type: mask_table\n"
                    + "    table: employees\n"
                    + "    key: id\n"
                    + "    rules:\n"
                    + "      - column: id\n"
                    + "        masks: [{type: "
                    + ShiftUniqueMask.NAME
                    + "}, {type: typecast, typecast_as: integer}]\n"
                    + "  - type: mask_table\n"
                    + "    table: cyc_a\n"
                    + "    key: id\n"
                    + "    where: id > 3\n"
                    + "    rules:\n"
                    + "      - column: id\n"
                    + "        masks: [{type: "
                    + ShiftUniqueMask.NAME
                    + "}]\n"),
            pool);
    assertThat(r.root()).isNull();
    assertThat(r.diagnostics().list())
        .filteredOn(d -> d.code().equals("key-column-masked"))
        .extracting(Diagnostic::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("mask it with a unique mask"),
            m -> assertThat(m).contains("chains masks"),
            m -> assertThat(m).contains("has a where"));
  }

  @Test
  void maskUniqueKeyPlansAKeyRewritePerKeyColumnWithItsDeclaredCascade() {
    Planner.Result r =
        KeyFamilyFixture.plan(
            ruleset(
                "  - type: mask_unique_key\n"
                    + "    table: orders\n"
                    + "    target_key:\n"
                    + "      - column: cust\n"
                    + "        format: \"K{[0-9],4}\"\n"
                    + "      - column: order_no\n"
                    + "        format: \"{[0-9],3}\"\n"
                    + "    additional_cascades:\n"
                    + "      - cascade_to_table: invoices\n"
                    + "        source_columns: [cust]\n"
                    + "        target_columns: [cust]\n"),
            pool);
    assertThat(r.root()).as("%s", r.diagnostics().list()).isNotNull();
    List<KeyRewriteStep> keys = keySteps(r.root());
    // a composite key: one rewrite per column, each with the columns that hold it
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).columns())
        .extracting(Object::toString)
        .containsExactly(
            e.schema + ".orders.CUST", e.schema + ".invoices.CUST", e.schema + ".lines.CUST");
    assertThat(keys.get(1).columns())
        .extracting(Object::toString)
        .containsExactly(e.schema + ".orders.ORDER_NO", e.schema + ".lines.ORDER_NO");
    assertThat(keys).allSatisfy(k -> assertThat(k.task().type()).isEqualTo("mask_unique_key"));
  }

  @Test
  void maskUniqueKeyRefusesWhatIsNotAKeyAndACascadeFromOutsideIt() {
    Planner.Result notKey =
        KeyFamilyFixture.plan(
            ruleset("  - type: mask_unique_key\n    table: customers\n    key: name\n"), pool);
    assertThat(notKey.root()).isNull();
    assertThat(notKey.diagnostics().list())
        .filteredOn(d -> d.code().equals("key-not-unique"))
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("neither");
    Planner.Result badCascade =
        KeyFamilyFixture.plan(
            ruleset(
                "  - type: mask_unique_key\n"
                    + "    table: customers\n"
                    + "    key: code\n"
                    + "    additional_cascades:\n"
                    + "      - cascade_to_table: invoices\n"
                    + "        source_columns: [name]\n"
                    + "        target_columns: [cust]\n"),
            pool);
    assertThat(badCascade.root()).isNull();
    assertThat(badCascade.diagnostics().list())
        .filteredOn(d -> d.code().equals("bad-cascade"))
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("not a column of the task's key");
    // both spellings at once is a parse error, before any schema is read
    var both =
        new dev.guise.plan.RulesetLoader(
                dev.guise.mask.MaskRegistry.standard(), dev.guise.exec.TaskKinds.BUILT_IN.readers())
            .load(
                ruleset(
                    "  - type: mask_unique_key\n"
                        + "    table: customers\n"
                        + "    key: code\n"
                        + "    target_key: [code]\n"),
                "keys.yml");
    assertThat(both.hasErrors()).isTrue();
    assertThat(both.diagnostics()).anyMatch(d -> d.code().equals("conflicting-keys"));
    Planner.Result tooWide =
        KeyFamilyFixture.plan(
            ruleset(
                "  - type: mask_unique_key\n"
                    + "    table: cyc_a\n"
                    + "    target_key:\n"
                    + "      - column: id\n"
                    + "        format: \"{[0-9],12}\"\n"),
            pool);
    assertThat(tooWide.root()).isNull();
    assertThat(tooWide.diagnostics().list())
        .anyMatch(d -> d.message().contains("can give numbers up to 999999999999"));
  }
}
