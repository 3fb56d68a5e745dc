package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guise.exec.Cancellation;
import dev.guise.exec.RunStatus;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The key path on one engine: a unique mask on a primary key rewrites the key and every column that
 * references it (children, a grandchild through a composite key, a child in another schema, a
 * self-reference, a cycle), with the constraints as before and the sequences past the new maximum;
 * a failure part-way puts everything back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyPathContract {
  abstract TestEngine createEngine();

  abstract String whySkipped();

  TestEngine e;
  KeyFamilyFixture f;
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  @BeforeAll
  void openEngine() throws Exception {
    TestEngine engine = createEngine();
    if (engine != null) {
      engine.open();
      e = engine;
      f = new KeyFamilyFixture(e);
    }
  }

  @BeforeEach
  void requireEngine() {
    assumeTrue(e != null, whySkipped());
  }

  @AfterAll
  void closeEngine() throws Exception {
    if (e != null) {
      // the other schema's child would keep the sandbox from being dropped
      e.sql("DROP TABLE IF EXISTS " + e.q(e.otherSchema) + "." + e.q("notes"));
      e.close();
    }
  }

  static String runId() {
    return "keys-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aUniqueMaskOnAKeyRewritesItsWholeFamily() throws Exception {
    f.create();
    Map<String, List<String>> before = canonical(f.dump(), false);
    Map<String, List<String>> expected = canonical(f.dump(), true);
    TreeSet<String> catalog = f.catalog();
    String id = runId();

    RunStatus s =
        f.run(
            KeyFamilyFixture.RULESET.formatted(ShiftUniqueMask.NAME), id, null, new Cancellation());

    assertThat(s).as("%s", f.events).isEqualTo(RunStatus.FINISHED);
    Map<String, List<String>> after = canonical(f.dump(), false);
    for (String t : expected.keySet()) {
      assertThat(after.get(t)).as(t).isEqualTo(expected.get(t)).isNotEqualTo(before.get(t));
    }
    assertThat(f.catalog()).isEqualTo(catalog);
    assertThat(f.leftovers(id)).isEmpty();
    // the sequence stands past the new maximum (207): the next insert does not collide
    e.sql("INSERT INTO " + e.t("employees") + " (manager) VALUES (NULL)");
    assertThat(max("employees", "id")).isGreaterThan(207);
  }

  @Test
  void imitateUniqueOnTheFamilyKeepsEveryKeyUniqueAndEveryReferenceWhole() throws Exception {
    f.create();
    Map<String, List<Map<String, Object>>> before = f.dump();
    TreeSet<String> catalog = f.catalog();
    String id = runId();

    RunStatus s =
        f.run(KeyFamilyFixture.RULESET.formatted("imitate_unique"), id, null, new Cancellation());

    assertThat(s).as("%s", f.events).isEqualTo(RunStatus.FINISHED);
    Map<String, List<Map<String, Object>>> after = f.dump();
    // constraints as before: every key unique again, every foreign key re-created (validated)
    assertThat(f.catalog()).isEqualTo(catalog);
    assertThat(f.leftovers(id)).isEmpty();
    // no key equals its original; equal originals equal after, in every table (rows by stable id)
    Map<Object, Object> invoices = KeyRows.byId(before.get("invoices"), "cust");
    Map<Object, Object> invoicesAfter = KeyRows.byId(after.get("invoices"), "cust");
    Map<Object, Object> notesAfter = KeyRows.byId(after.get("notes"), "cust");
    Map<Object, Object> mapped = new java.util.HashMap<>();
    invoices.forEach(
        (k, old) -> {
          Object now = invoicesAfter.get(k);
          assertThat(notesAfter.get(k)).as("notes %s", k).isEqualTo(now);
          if (old != null) {
            assertThat(now).as("invoice %s", k).isNotNull().isNotEqualTo(old);
            Object first = mapped.putIfAbsent(old, now);
            assertThat(first == null ? now : first).as("one mapping for %s", old).isEqualTo(now);
          }
        });
    assertThat(new java.util.HashSet<>(mapped.values())).hasSize(mapped.size());
    Map<Object, Object> lines = KeyRows.byId(before.get("lines"), "cust");
    Map<Object, Object> linesAfter = KeyRows.byId(after.get("lines"), "cust");
    lines.forEach((k, old) -> assertThat(linesAfter.get(k)).isNotEqualTo(old));
    for (long line = 1; line <= 600; line += 2) {
      assertThat(linesAfter.get(line)).isEqualTo(linesAfter.get(line + 1));
    }
    // cyc_a: id was 51 - b_id (b_id is not rewritten): no row keeps its id
    for (Map<String, Object> r : after.get("cyc_a")) {
      Map<String, Object> row = KeyRows.lower(r);
      assertThat(((Number) row.get("id")).longValue())
          .isNotEqualTo(51 - ((Number) row.get("b_id")).longValue());
    }
    for (String fk :
        List.of(
            e.t("lines")
                + " x WHERE NOT EXISTS (SELECT 1 FROM "
                + e.t("orders")
                + " p WHERE p.cust = x.cust AND p.order_no = x.order_no)",
            e.t("employees")
                + " x WHERE x.manager IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                + e.t("employees")
                + " p WHERE p.id = x.manager)",
            e.t("cyc_b")
                + " x WHERE NOT EXISTS (SELECT 1 FROM "
                + e.t("cyc_a")
                + " p WHERE p.id = x.a_id)")) {
      assertThat(count("SELECT COUNT(*) FROM " + fk)).as(fk).isZero();
    }
    long top = max("employees", "id");
    e.sql("INSERT INTO " + e.t("employees") + " (manager) VALUES (NULL)");
    assertThat(max("employees", "id")).isGreaterThan(top);
  }

  @Test
  void theCommandLinePlansTheCascadeAndRunsIt() throws Exception {
    f.create();
    TreeSet<String> catalog = f.catalog();
    GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
    String ruleset = KeyFamilyFixture.RULESET.formatted("imitate_unique");
    java.nio.file.Files.writeString(tmp.resolve("work/ruleset.yml"), ruleset);

    GuiseCli.Result text = cli.command("plan", "ruleset.yml", "-c", "it");
    GuiseCli.Result json = cli.command("plan", "ruleset.yml", "-c", "it", "--format", "json");
    GuiseCli.Result run = cli.run(ruleset);

    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("mask key " + e.schema + ".customers.")
        .contains("cascading to ")
        .contains("follows " + e.schema + ".lines(");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"cascade\"").contains("\"foreign_keys\"");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.record().path("status").asText()).isEqualTo("finished");
    assertThat(f.catalog()).isEqualTo(catalog);
    assertThat(count("SELECT COUNT(*) FROM " + e.t("customers") + " WHERE code LIKE 'C0%'"))
        .isLessThan(300);
  }

  @Test
  void aFailurePartWayPutsTheFamilyBack() throws Exception {
    f.create();
    // C0003 becomes C0010, which this check refuses in invoices: the rewrite fails there
    e.sql(
        "ALTER TABLE "
            + e.t("invoices")
            + " ADD CONSTRAINT ck_inv CHECK (cust IS NULL OR cust <> 'C0010')");
    Map<String, List<String>> before = canonical(f.dump(), false);
    // customers' name is masked by the task's other rule, which ran before the key
    List<String> customers =
        before.get("customers").stream()
            .map(r -> r.replaceAll("name=[^,}]*", "name=someone"))
            .toList();
    TreeSet<String> catalog = f.catalog();
    String id = runId();

    RunStatus s =
        f.run(
            KeyFamilyFixture.RULESET.formatted(ShiftUniqueMask.NAME), id, null, new Cancellation());

    assertThat(s).isEqualTo(RunStatus.FAILED);
    assertThat(f.events.toString().toLowerCase(Locale.ROOT))
        .contains("constraint")
        .contains("put ");
    Map<String, List<String>> after = canonical(f.dump(), false);
    assertThat(after.get("customers")).hasSize(300);
    assertThat(after.get("customers")).isEqualTo(customers);
    for (String t : List.of("orders", "invoices", "lines", "notes")) {
      assertThat(after.get(t)).as(t).isEqualTo(before.get(t));
    }
    assertThat(f.catalog()).isEqualTo(catalog);
    assertThat(f.leftovers(id)).isEmpty();
    e.sql("ALTER TABLE " + e.t("invoices") + " DROP CONSTRAINT ck_inv");
  }

  @Test
  void aCancelWhileTheKeyIsRewrittenPutsTheFamilyBack() throws Exception {
    f.create();
    Map<String, List<String>> before = canonical(f.dump(), false);
    TreeSet<String> catalog = f.catalog();
    String id = runId();
    Cancellation cancel = new Cancellation();
    // Ctrl-C once the mapping is built, before the first table is rewritten
    f.onEvent =
        ev -> {
          if (ev instanceof dev.guise.exec.RunEvent.Note n && n.message().startsWith("mapped ")) {
            cancel.cancel();
          }
        };
    RunStatus s;
    try {
      s = f.run(KeyFamilyFixture.RULESET.formatted(ShiftUniqueMask.NAME), id, null, cancel);
    } finally {
      f.onEvent = ev -> {};
    }

    assertThat(s).isEqualTo(RunStatus.CANCELLED);
    Map<String, List<String>> after = canonical(f.dump(), false);
    for (String t : List.of("orders", "invoices", "lines", "notes", "employees", "cyc_a")) {
      assertThat(after.get(t)).as(t).isEqualTo(before.get(t));
    }
    assertThat(f.catalog()).isEqualTo(catalog);
    assertThat(f.leftovers(id)).isEmpty();
  }

  @Test
  void anIntegerKeyStaysInsideItsColumnTypeAcrossTheFamily() throws Exception {
    e.sql(
        "DROP TABLE IF EXISTS " + e.t("sk_child"),
        "DROP TABLE IF EXISTS " + e.t("sk"),
        "CREATE TABLE " + e.t("sk") + " (id SMALLINT PRIMARY KEY)",
        "CREATE TABLE "
            + e.t("sk_child")
            + " (id INT PRIMARY KEY, sk SMALLINT, CONSTRAINT fk_sk FOREIGN KEY (sk) REFERENCES "
            + e.t("sk")
            + " (id))");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(new Object[] {30000 + i});
    }
    e.insert("sk", List.of("id"), rows);
    e.sql("INSERT INTO " + e.t("sk_child") + " SELECT id, id FROM " + e.t("sk"));

    RunStatus s =
        f.run(
            "version: '1.0'\ntasks:\n  - type: mask_table\n    table: sk\n    key: id\n"
                + "    rules:\n      - column: id\n        masks: [{type: imitate_unique}]\n",
            runId(),
            null,
            new Cancellation());

    assertThat(s).as("%s", f.events).isEqualTo(RunStatus.FINISHED);
    assertThat(max("sk", "id")).isLessThanOrEqualTo(32767);
    assertThat(count("SELECT COUNT(*) FROM " + e.t("sk_child") + " WHERE sk = id")).isZero();
    e.sql("DROP TABLE " + e.t("sk_child"), "DROP TABLE " + e.t("sk"));
  }

  /**
   * Plain indexes on a rewritten column are dropped for the rewrite and built again (MariaDB and
   * PostgreSQL): they come back as they were, and one that another foreign key still needs
   * (MariaDB's visits_region_cust backs fk_visits_region) is kept and maintained instead.
   */
  @Test
  void plainIndexesOnARewrittenColumnComeBackAsTheyWere() throws Exception {
    boolean maria = e.name().equals("mariadb");
    String cascade = maria ? "" : " CASCADE";
    e.sql(
        "DROP TABLE IF EXISTS " + e.t("visits") + cascade,
        "DROP TABLE IF EXISTS " + e.t("regions") + cascade,
        "DROP TABLE IF EXISTS " + e.t("vk") + cascade,
        "CREATE TABLE " + e.t("vk") + " (code VARCHAR(10) PRIMARY KEY)",
        "CREATE TABLE " + e.t("regions") + " (id INT PRIMARY KEY)",
        "CREATE TABLE "
            + e.t("visits")
            + " (id INT PRIMARY KEY, region INT NOT NULL, cust VARCHAR(10) NOT NULL,"
            + " CONSTRAINT fk_visits_cust FOREIGN KEY (cust) REFERENCES "
            + e.t("vk")
            + " (code))",
        "CREATE INDEX visits_region_cust ON " + e.t("visits") + " (region, cust)",
        "CREATE INDEX visits_cust_id ON " + e.t("visits") + " (cust, id)",
        "ALTER TABLE "
            + e.t("visits")
            + " ADD CONSTRAINT fk_visits_region FOREIGN KEY (region) REFERENCES "
            + e.t("regions")
            + " (id)");
    List<Object[]> codes = new ArrayList<>();
    List<Object[]> visits = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      codes.add(new Object[] {String.format("V%04d", i)});
      visits.add(new Object[] {i, i % 5, String.format("V%04d", i / 2)});
    }
    e.insert("vk", List.of("code"), codes);
    e.insert("regions", List.of("id"), List.of(new Object[][] {{0}, {1}, {2}, {3}, {4}}));
    e.insert("visits", List.of("id", "region", "cust"), visits);
    List<String[]> tables =
        List.of(
            new String[] {e.schema, "vk"},
            new String[] {e.schema, "regions"},
            new String[] {e.schema, "visits"});
    TreeSet<String> catalog = KeyFamilyCatalog.of(e, tables);
    f.events.clear();

    RunStatus s =
        f.run(
            "version: '1.0'\ntasks:\n  - type: mask_table\n    table: vk\n    key: code\n"
                + "    rules:\n      - column: code\n        masks: [{type: imitate_unique}]\n",
            runId(),
            null,
            new Cancellation());

    assertThat(s).as("%s", f.events).isEqualTo(RunStatus.FINISHED);
    assertThat(KeyFamilyCatalog.of(e, tables)).isEqualTo(catalog);
    assertThat(
            count(
                "SELECT COUNT(*) FROM "
                    + e.t("visits")
                    + " x WHERE NOT EXISTS (SELECT 1 FROM "
                    + e.t("vk")
                    + " p WHERE p.code = x.cust)"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM " + e.t("visits") + " WHERE cust LIKE 'V00%'"))
        .isLessThan(10);
    if (maria) {
      assertThat(f.events.toString()).contains("kept index").contains("visits_region_cust");
    }
    e.sql("DROP TABLE " + e.t("visits"), "DROP TABLE " + e.t("regions"), "DROP TABLE " + e.t("vk"));
  }

  @Test
  void aDryRunReportsTheFamilyAndWritesNothing() throws Exception {
    f.create();
    Map<String, List<String>> before = canonical(f.dump(), false);
    TreeSet<String> catalog = f.catalog();
    f.events.clear();

    RunStatus s = f.dryRun(KeyFamilyFixture.RULESET.formatted(ShiftUniqueMask.NAME));

    assertThat(s).as("%s", f.events).isIn(RunStatus.FINISHED, RunStatus.FINISHED_WITH_WARNINGS);
    assertThat(f.events.toString()).contains("dry run: would map 300 distinct values");
    assertThat(canonical(f.dump(), false)).isEqualTo(before);
    assertThat(f.catalog()).isEqualTo(catalog);
    assertThat(f.leftovers("none")).isEmpty();
  }

  @Test
  void aGeneratedAlwaysIdentityKeyIsRefusedBeforeAnythingChanges() throws Exception {
    assumeTrue(!e.name().equals("mariadb"), "MariaDB has no GENERATED ALWAYS identity");
    e.sql(
        "DROP TABLE IF EXISTS " + e.t("ga"),
        "CREATE TABLE "
            + e.t("ga")
            + " (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v VARCHAR(5))",
        "INSERT INTO " + e.t("ga") + " (v) VALUES ('a'), ('b'), ('c')");
    f.events.clear();
    String id = runId();

    RunStatus s =
        f.run(
            "version: '1.0'\ntasks:\n  - type: mask_table\n    table: ga\n    key: id\n"
                + "    rules:\n      - column: id\n        masks: [{type: "
                + ShiftUniqueMask.NAME
                + "}]\n",
            id,
            null,
            new Cancellation());

    assertThat(s).isEqualTo(RunStatus.FAILED);
    assertThat(f.events.toString()).contains("GENERATED ALWAYS AS IDENTITY");
    assertThat(max("ga", "id")).isEqualTo(3);
    assertThat(f.leftovers(id)).isEmpty();
    e.sql("DROP TABLE " + e.t("ga"));
  }

  @Test
  void aPartitionedParentIsMaskedThroughItsParentAndRowsMovePartition() throws Exception {
    assumeTrue(e.name().equals("postgres"), "partitioned tables: PostgreSQL");
    e.sql(
        "DROP TABLE IF EXISTS " + e.t("pchild"),
        "DROP TABLE IF EXISTS " + e.t("pparent"),
        "CREATE TABLE "
            + e.t("pparent")
            + " (id INT NOT NULL, v TEXT, CONSTRAINT pk_pparent PRIMARY KEY (id))"
            + " PARTITION BY RANGE (id)",
        "CREATE TABLE "
            + e.t("pparent_lo")
            + " PARTITION OF "
            + e.t("pparent")
            + " FOR VALUES FROM (0) TO (100)",
        "CREATE TABLE "
            + e.t("pparent_hi")
            + " PARTITION OF "
            + e.t("pparent")
            + " FOR VALUES FROM (100) TO (1000)",
        "CREATE TABLE "
            + e.t("pchild")
            + " (id INT PRIMARY KEY, p INT, CONSTRAINT fk_pchild FOREIGN KEY (p) REFERENCES "
            + e.t("pparent")
            + " (id))",
        "INSERT INTO " + e.t("pparent") + " SELECT g, 'v' || g FROM generate_series(90, 110) g",
        "INSERT INTO " + e.t("pchild") + " SELECT g, g FROM generate_series(90, 110) g");
    String id = runId();

    RunStatus s =
        f.run(
            "version: '1.0'\ntasks:\n  - type: mask_table\n    table: pparent\n    key: id\n"
                + "    rules:\n      - column: id\n        masks: [{type: "
                + ShiftUniqueMask.NAME
                + "}]\n",
            id,
            null,
            new Cancellation());

    assertThat(s).as("%s", f.events).isEqualTo(RunStatus.FINISHED);
    // 90..110 became 97..117: the originals 93..99 moved from the low partition to the high one
    assertThat(count("SELECT COUNT(*) FROM " + e.t("pparent_lo"))).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM " + e.t("pparent_hi"))).isEqualTo(18);
    assertThat(count("SELECT MIN(id) FROM " + e.t("pparent"))).isEqualTo(97);
    assertThat(
            count(
                "SELECT COUNT(*) FROM "
                    + e.t("pchild")
                    + " c JOIN "
                    + e.t("pparent")
                    + " p ON p.id = c.p WHERE p.v = 'v' || (c.id)"))
        .isEqualTo(21);
    assertThat(f.leftovers(id)).isEmpty();
    e.sql("DROP TABLE " + e.t("pchild"), "DROP TABLE " + e.t("pparent"));
  }

  @Test
  void maskUniqueKeyRewritesTheKeyItsForeignKeysAndItsDeclaredCascade() throws Exception {
    f.create();
    e.sql(
        "DROP TABLE IF EXISTS " + e.t("cust_log"),
        "CREATE TABLE " + e.t("cust_log") + " (id INT PRIMARY KEY, cust_ref VARCHAR(10))");
    List<Object[]> log = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      log.add(new Object[] {i + 1, String.format("C%04d", i)});
    }
    log.add(new Object[] {301, "GONE1"});
    e.insert("cust_log", List.of("id", "cust_ref"), log);
    Map<String, List<Map<String, Object>>> before = f.dump();
    TreeSet<String> catalog = f.catalog();
    String id = runId();
    // the vendor's form (target_key with a format, additional_cascades), then the spec's (key
    // without a format: the column keeps its shape)
    String ruleset =
        "version: '1.0'\n"
            + "tasks:\n"
            + "  - type: mask_unique_key\n"
            + "    table: customers\n"
            + "    target_key:\n"
            + "      - column: code\n"
            + "        format: \"K{[0-9],5}\"\n"
            + "    additional_cascades:\n"
            + "      - cascade_to_table: cust_log\n"
            + "        source_columns: [code]\n"
            + "        target_columns: [cust_ref]\n"
            + "  - type: mask_unique_key\n"
            + "    table: employees\n"
            + "    key: id\n";

    RunStatus s = f.run(ruleset, id, null, new Cancellation());

    // the value the declared cascade holds and the key does not is a warning
    assertThat(s).as("%s", f.events).isEqualTo(RunStatus.FINISHED_WITH_WARNINGS);
    Map<String, List<Map<String, Object>>> after = f.dump();
    List<String> codes = new ArrayList<>();
    for (Map<String, Object> r : after.get("customers")) {
      codes.add(String.valueOf(KeyRows.lower(r).get("code")));
    }
    assertThat(codes).hasSize(300).doesNotHaveDuplicates().allMatch(c -> c.matches("K[0-9]{5}"));
    // every reference follows: foreign keys, the grandchild, the declared cascade
    for (String orphan :
        List.of(
            e.t("orders")
                + " x WHERE NOT EXISTS (SELECT 1 FROM "
                + e.t("customers")
                + " p WHERE p.code = x.cust)",
            e.t("lines")
                + " x WHERE NOT EXISTS (SELECT 1 FROM "
                + e.t("orders")
                + " p WHERE p.cust = x.cust AND p.order_no = x.order_no)",
            e.t("cust_log")
                + " x WHERE x.id <= 300 AND NOT EXISTS (SELECT 1 FROM "
                + e.t("customers")
                + " p WHERE p.code = x.cust_ref)",
            e.t("employees")
                + " x WHERE x.manager IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                + e.t("employees")
                + " p WHERE p.id = x.manager)")) {
      assertThat(count("SELECT COUNT(*) FROM " + orphan)).as(orphan).isZero();
    }
    // the same customer in the declared cascade as in its foreign-key child (notes: stable ids)
    Map<Object, Object> notesBefore = KeyRows.byId(before.get("notes"), "cust");
    Map<Object, Object> notesAfter = KeyRows.byId(after.get("notes"), "cust");
    // cust_log row i + 1 held customer C000i
    Map<Object, Object> logAfter = KeyRows.byId(e.dump("cust_log"), "cust_ref");
    notesBefore.forEach(
        (k, old) ->
            assertThat(notesAfter.get(k))
                .as("notes %s", k)
                .isEqualTo(
                    old == null
                        ? null
                        : logAfter.get(Long.valueOf(String.valueOf(old).substring(1)) + 1)));
    // the value the key does not hold stays, and the run says so
    assertThat(count("SELECT COUNT(*) FROM " + e.t("cust_log") + " WHERE cust_ref = 'GONE1'"))
        .isEqualTo(1);
    assertThat(f.events)
        .anySatisfy(
            ev ->
                assertThat(ev)
                    .isInstanceOfSatisfying(
                        dev.guise.exec.RunEvent.Warning.class,
                        w -> assertThat(w.message()).contains("1 rows hold a value")));
    List<Object> idsBefore = column(before.get("employees"), "id");
    List<Object> idsAfter = column(after.get("employees"), "id");
    assertThat(idsAfter).hasSize(200).doesNotHaveDuplicates().isNotEqualTo(idsBefore);
    assertThat(f.catalog()).isEqualTo(catalog);
    assertThat(f.leftovers(id)).isEmpty();
    e.sql("DROP TABLE " + e.t("cust_log"));
  }

  private static List<Object> column(List<Map<String, Object>> rows, String name) {
    List<Object> out = new ArrayList<>();
    rows.forEach(r -> out.add(String.valueOf(KeyRows.lower(r).get(name))));
    return out;
  }

  long count(String sql) throws Exception {
    try (Statement st = e.admin().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  long max(String table, String column) throws Exception {
    try (Statement st = e.admin().createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(" + column + ") FROM " + e.t(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Map<String, List<String>> canonical(
      Map<String, List<Map<String, Object>>> dump, boolean masked) {
    return KeyRows.canonical(dump, masked);
  }
}
