package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.WriteBack;
import dev.guise.exec.Cancellation;
import dev.guise.exec.LiveSchema;
import dev.guise.exec.MaskingRun;
import dev.guise.exec.RunEvent;
import dev.guise.exec.RunListener;
import dev.guise.exec.RunOptions;
import dev.guise.exec.RunStatus;
import dev.guise.exec.TaskKinds;
import dev.guise.mask.MaskDefinition;
import dev.guise.mask.MaskRegistry;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.runlog.RunRecord;
import dev.guise.runlog.RunRecorder;
import dev.guise.runlog.RunStore;
import dev.guise.runlog.TaskRecord;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.secret.RunKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialect contract: what every engine must do, run through the real command line (and, for
 * cancellation and write-back, through exec/ and db/ directly). A new engine gets all of it by
 * extending this class and naming its {@link TestEngine}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DialectContract {
  /** Empty when the engine is not configured; the suite is then skipped saying why. */
  abstract TestEngine createEngine();

  /** The reason shown when {@link #createEngine()} gives nothing. */
  abstract String whySkipped();

  TestEngine e;
  @TempDir Path tmp;

  @BeforeAll
  void openEngine() throws Exception {
    TestEngine engine = createEngine();
    if (engine != null) {
      engine.open();
      e = engine;
    }
  }

  /** Per test, so every skipped test is listed in the report with the reason. */
  @BeforeEach
  void requireEngine() {
    assumeTrue(e != null, whySkipped());
  }

  @AfterAll
  void closeEngine() throws Exception {
    if (e != null) {
      e.close();
    }
  }

  private GuiseCli cli() throws Exception {
    return new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
  }

  private static List<Object[]> rows(int n, java.util.function.IntFunction<Object[]> row) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(row.apply(i));
    }
    return out;
  }

  private static List<Object> column(List<Map<String, Object>> dump, String name) {
    return dump.stream().map(r -> r.get(name)).toList();
  }

  // ---------------------------------------------------------------- task types

  @Test
  void everyTaskTypeRuns() throws Exception {
    e.sql(
        "CREATE TABLE " + e.t("accounts") + " (id int PRIMARY KEY, name varchar(40))",
        "CREATE TABLE " + e.t("orders") + " (id int PRIMARY KEY, note varchar(40))",
        "CREATE TABLE " + e.t("items") + " (id int PRIMARY KEY, label varchar(40))",
        "CREATE TABLE " + e.t("scratch") + " (id int PRIMARY KEY)",
        "CREATE TABLE " + e.t("audit") + " (id int PRIMARY KEY, msg varchar(40))");
    e.insert("accounts", List.of("id", "name"), rows(6, i -> new Object[] {i, "name" + i}));
    e.insert("orders", List.of("id", "note"), rows(5, i -> new Object[] {i, "note" + i}));
    e.insert("items", List.of("id", "label"), rows(4, i -> new Object[] {i, "label" + i}));
    e.insert("scratch", List.of("id"), rows(3, i -> new Object[] {i}));
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: run_sql
            sql: |
              INSERT INTO %1$s VALUES (1, 'first');
              INSERT INTO %1$s VALUES (2, 'second')
          - type: truncate_table
            table: scratch
          - type: serial
            tasks:
              - type: mask_table
                table: accounts
                key: id
                rules:
                  - column: name
                    masks: [{type: from_fixed, value: Anon}]
          - type: parallel
            tasks:
              - type: mask_table
                table: orders
                key: id
                rules:
                  - column: note
                    masks: [{type: from_fixed, value: masked}]
              - type: mask_table
                table: items
                key: id
                rules:
                  - column: label
                    masks: [{type: transform_case, transform: uppercase}]
        """
            .formatted(e.t("audit"));
    GuiseCli.Result r = cli().run(ruleset, "--batch-size", "2");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.record().get("status").asText()).isEqualTo("finished");
    assertThat(r.task(3, 1).get("rows_updated").asLong()).isEqualTo(6);
    assertThat(r.task(3, 1).get("batches_committed").asLong()).isEqualTo(3);
    assertThat(r.task(4).get("status").asText()).isEqualTo("finished");
    assertThat(column(e.dump("audit"), "msg")).containsExactly("first", "second");
    assertThat(e.dump("scratch")).isEmpty();
    assertThat(column(e.dump("accounts"), "name")).hasSize(6).containsOnly("Anon");
    assertThat(column(e.dump("orders"), "note")).hasSize(5).containsOnly("masked");
    assertThat(column(e.dump("items"), "label"))
        .containsExactly("LABEL1", "LABEL2", "LABEL3", "LABEL4");
  }

  // ---------------------------------------------------------------- masks

  /** One rule per mask of the registry; the test fails when a mask is added and not covered. */
  @Test
  void everyMaskWritesAFittingValue() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("all_masks")
            + " (id int PRIMARY KEY, src varchar(20), c_fixed varchar(20), c_column varchar(20),"
            + " c_choices varchar(20), c_format varchar(20), c_text varchar(20),"
            + " c_imitate varchar(20), c_case varchar(20), c_substr varchar(20),"
            + " c_regex varchar(20), c_number int, c_bool boolean, c_date date, c_datetime "
            + e.timestampType()
            + ", c_concat varchar(40), c_chain varchar(20), c_typecast varchar(20),"
            + " c_nothing varchar(20), c_hash varchar(64), c_unique varchar(20),"
            + " c_uuid varchar(36), c_ird varchar(11))");
    List<String> cols =
        List.of(
            "id",
            "src",
            "c_fixed",
            "c_column",
            "c_choices",
            "c_format",
            "c_text",
            "c_imitate",
            "c_case",
            "c_substr",
            "c_regex",
            "c_number",
            "c_bool",
            "c_date",
            "c_datetime",
            "c_concat",
            "c_chain",
            "c_typecast",
            "c_nothing",
            "c_hash",
            "c_unique",
            "c_uuid",
            "c_ird");
    e.insert(
        "all_masks",
        cols,
        rows(
            20,
            i ->
                new Object[] {
                  i,
                  "src" + i,
                  "x",
                  "x",
                  "x",
                  "x",
                  "x",
                  "Ab-" + (100 + i),
                  "mixed Case" + i,
                  "substring" + i,
                  "abc-" + (100 + i),
                  1,
                  false,
                  LocalDate.of(1990, 1, 1),
                  LocalDateTime.of(1990, 1, 1, 0, 0),
                  "x",
                  "x",
                  "x",
                  "keep" + i,
                  "x",
                  "CU" + (10_000_000 + i),
                  String.format("3f2504e0-4f89-41d3-9a0c-0305e82c33%02d", i),
                  "49-091-850"
                }));
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: all_masks
            key: id
            rules:
              - {column: c_fixed, masks: [{type: from_fixed, value: FIXED}]}
              - {column: c_column, masks: [{type: from_column, source_column: src}]}
              - {column: c_choices, masks: [{type: from_choices, choices: [a, b]}]}
              - {column: c_format, masks: [{type: from_format_string, value_format: "{[A-Z],3}-{[0-9],4}"}]}
              - {column: c_text, masks: [{type: from_random_text, min: 5, max: 10}]}
              - {column: c_imitate, masks: [{type: imitate, force_change: true}]}
              - {column: c_case, masks: [{type: transform_case, transform: uppercase}]}
              - {column: c_substr, masks: [{type: take_substring, start_index: 0, end_index: 3}]}
              - {column: c_regex, masks: [{type: replace_regex, regex: "[0-9]", value: "#"}]}
              - {column: c_number, masks: [{type: from_random_number, min: 10, max: 20}]}
              - {column: c_bool, masks: [{type: from_random_boolean}]}
              - {column: c_date, masks: [{type: from_random_date, min: '2000-01-01', max: '2000-12-31'}]}
              - {column: c_datetime, masks: [{type: from_random_datetime, min: '2001-01-01T00:00:00', max: '2001-01-31T00:00:00'}]}
              - column: c_concat
                masks:
                  - type: concat
                    glue: "@"
                    masks:
                      - {type: from_random_text, min: 3, max: 8}
                      - {type: from_choices, choices: [example.com]}
              - column: c_chain
                masks:
                  - type: chain
                    masks: [{type: from_fixed, value: Héllo Wörld}, {type: ascii_identifier, separator: '_'}, {type: transform_case, transform: uppercase}]
              - column: c_typecast
                masks: [{type: from_random_number, min: 100, max: 999}, {type: typecast, typecast_as: string}]
              - {column: c_nothing, masks: [{type: do_nothing}]}
              - {column: c_hash, masks: [{type: hash, length: 16}]}
              - {column: c_unique, masks: [{type: imitate_unique}]}
              - {column: c_uuid, masks: [{type: imitate_uuid}]}
              - {column: c_ird, masks: [{type: imitate_nz_ird}]}
        """;
    Set<String> used = new TreeSet<>();
    java.util.regex.Matcher m =
        Pattern.compile("type: ([a-z_]+)").matcher(ruleset + LIBRARY_RULESET);
    while (m.find()) {
      used.add(m.group(1));
    }
    Set<String> registry =
        MaskRegistry.standard().all().stream()
            .map(MaskDefinition::name)
            // from_unique runs on the key path only (it needs every distinct value at once)
            .filter(name -> !name.equals(dev.guise.mask.FromUniqueMask.NAME))
            // tokenize needs a token key: TokenizeRoundTripIT runs it on every engine
            .filter(name -> !name.equals("tokenize"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(used).as("masks covered by the contract ruleset").containsAll(registry);

    GuiseCli.Result r = cli().run(ruleset, "--batch-size", "7");
    assertThat(r.exit()).as(r.toString()).isZero();
    List<Map<String, Object>> after = e.dump("all_masks");
    assertThat(after).hasSize(20);
    for (Map<String, Object> row : after) {
      int id = ((Number) row.get("id")).intValue();
      assertThat(row.get("c_fixed")).isEqualTo("FIXED");
      assertThat(row.get("c_column")).isEqualTo("src" + id);
      assertThat((String) row.get("c_choices")).isIn("a", "b");
      assertThat((String) row.get("c_format")).matches("[A-Z]{3}-[0-9]{4}");
      assertThat(((String) row.get("c_text")).length()).isBetween(5, 10);
      assertThat((String) row.get("c_imitate"))
          .matches("[A-Z][a-z]-[0-9]{3}")
          .isNotEqualTo("Ab-" + (100 + id));
      assertThat(row.get("c_case")).isEqualTo("MIXED CASE" + id);
      assertThat(row.get("c_substr")).isEqualTo("sub");
      assertThat(row.get("c_regex")).isEqualTo("abc-###");
      assertThat(((Number) row.get("c_number")).intValue()).isBetween(10, 20);
      assertThat(row.get("c_bool")).isInstanceOf(Boolean.class);
      assertThat((LocalDate) row.get("c_date"))
          .isBetween(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31));
      assertThat((LocalDateTime) row.get("c_datetime"))
          .isBetween(LocalDateTime.of(2001, 1, 1, 0, 0), LocalDateTime.of(2001, 1, 31, 0, 0));
      assertThat((String) row.get("c_concat")).matches("[^@]{3,8}@example\\.com");
      assertThat(row.get("c_chain")).isEqualTo("HELLO_WORLD");
      assertThat((String) row.get("c_typecast")).matches("[0-9]{3}");
      assertThat(row.get("c_nothing")).isEqualTo("keep" + id);
      assertThat((String) row.get("c_hash")).matches("[0-9a-f]{16}");
      assertThat((String) row.get("c_unique"))
          .matches("[A-Z]{2}[0-9]{8}")
          .isNotEqualTo("CU" + (10_000_000 + id));
      assertThat(java.util.UUID.fromString((String) row.get("c_uuid")).version()).isEqualTo(4);
      assertThat((String) row.get("c_ird"))
          .matches("[0-9]{2}-[0-9]{3}-[0-9]{3}")
          .isNotEqualTo("49-091-850");
    }
    assertThat(column(after, "c_unique")).doesNotHaveDuplicates();
    assertThat(column(after, "c_uuid")).doesNotHaveDuplicates();
    assertThat(column(after, "c_bool")).contains(true, false);
  }

  /** The masks of the full library (seed files, dates, patterns, documents) on every engine. */
  static final String LIBRARY_RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: lib_masks
          key: id
          rules:
            - column: c_file
              masks:
                - {type: from_file, seed_file: first_names, seed_column: first_name,
                   table_filter_column: gender, seed_filter_column: gender}
            - {column: c_blob, masks: [{type: from_blob, path: blob.txt, as_text: true}]}
            - {column: c_jsonpath, masks: [{type: from_json_path, source_column: c_doc, json_path: [contact, city]}]}
            - column: c_replsub
              masks: [{type: replace_substring, start_index: 0, end_index: 4, masks: [{type: from_fixed, value: XXXX}]}]
            - {column: c_bucket, masks: [{type: numeric_bucket, buckets: [0, 18, 65]}]}
            - {column: c_age, masks: [{type: retain_age}]}
            - {column: c_year, masks: [{type: retain_year}]}
            - {column: c_comp, masks: [{type: retain_date_component, month: true}]}
            - {column: c_card, masks: [{type: credit_card}]}
            - {column: c_ssn, masks: [{type: social_security_number}]}
            - {column: c_cpf, masks: [{type: brazilian_cpf}]}
            - column: c_notes
              masks:
                - type: unstructured_text
                  matchers:
                    regex:
                      - {label: PATIENT_ID, pattern: 'P_[0-9]+'}
                      - {label: CPF, pattern: '[0-9]{3}[.][0-9]{3}[.][0-9]{3}-[0-9]{2}'}
                    context_sources:
                      - {label: CITY, column: c_jsonpath}
                  masks:
                    - {label: PATIENT_ID, masks: [{type: from_fixed, value: '[ID]'}]}
                    - {label: CPF, masks: [{type: brazilian_cpf}]}
                    - {label: CITY, masks: [{type: from_fixed, value: Town}]}
            - {column: c_bucket2, masks: [{type: secure_shuffle, shuffle_group: [gender]}]}
            - column: c_check
              masks: [{type: imitate, force_change: true}, {type: set_checksum, checksum_type: luhn}]
            - column: c_doc
              masks:
                - type: json
                  transforms:
                    - path: [contact, email]
                      masks: [{type: from_format_string, value_format: "{[a-z],6}@example.com"}]
            - column: c_xml
              masks:
                - type: xml
                  transforms:
                    - path: //name
                      masks: [{type: from_fixed, value: Anon}]
      """;

  @Test
  void libraryMasksWriteFittingValues() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("lib_masks")
            + " (id int PRIMARY KEY, gender varchar(1), c_file varchar(60), c_blob varchar(60),"
            + " c_jsonpath varchar(40), c_replsub varchar(20), c_bucket int, c_age date, c_year date,"
            + " c_comp date, c_card varchar(19), c_ssn varchar(11), c_check varchar(20),"
            + " c_doc varchar(300), c_xml varchar(300), c_bucket2 int, c_cpf varchar(14),"
            + " c_notes varchar(200))");
    List<String> cols =
        List.of(
            "id",
            "gender",
            "c_file",
            "c_blob",
            "c_jsonpath",
            "c_replsub",
            "c_bucket",
            "c_age",
            "c_year",
            "c_comp",
            "c_card",
            "c_ssn",
            "c_check",
            "c_doc",
            "c_xml",
            "c_bucket2",
            "c_cpf",
            "c_notes");
    e.insert(
        "lib_masks",
        cols,
        rows(
            12,
            i ->
                new Object[] {
                  i,
                  i % 2 == 0 ? "F" : "M",
                  "Name" + i,
                  "blob",
                  "old",
                  "1234-5678-" + i,
                  i * 7,
                  LocalDate.of(1980, 1 + i % 12, 1 + i),
                  LocalDate.of(2001, 6, 15),
                  LocalDate.of(2002, 3, 10),
                  "4111 1111 1111 1111",
                  "123-45-678" + (i % 10),
                  "79927398713",
                  "{\"contact\": {\"email\": \"p"
                      + i
                      + "@corp.test\", \"city\": \"Town"
                      + i
                      + "\"}}",
                  "<p><name>Real " + i + "</name><age>4" + i + "</age></p>",
                  i,
                  "123.456.789-09",
                  "P_" + i + " from OLD, CPF 123.456.789-09; oldest P_" + i
                }));
    java.nio.file.Files.createDirectories(tmp.resolve("work"));
    // relative to the ruleset's folder (the CLI's working folder here), not the JVM's
    java.nio.file.Files.writeString(tmp.resolve("work/blob.txt"), "redacted document");
    GuiseCli.Result r = cli().run(LIBRARY_RULESET, "--batch-size", "5");
    assertThat(r.exit()).as(r.toString()).isZero();
    java.util.Set<String> female = new java.util.HashSet<>();
    java.util.Set<String> male = new java.util.HashSet<>();
    for (String[] row : dev.guise.mask.seed.SeedCatalog.builtIn().get("first_names").rows()) {
      (row[1].equals("F") ? female : row[1].equals("M") ? male : new java.util.HashSet<String>())
          .add(row[0]);
    }
    LocalDate runDay = LocalDate.now(java.time.ZoneOffset.UTC);
    List<Map<String, Object>> dump = e.dump("lib_masks");
    // secure_shuffle kept the even ids' values among F rows and the odd ones' among M rows
    assertThat(
            dump.stream()
                .filter(row -> "F".equals(row.get("gender")))
                .map(row -> ((Number) row.get("c_bucket2")).intValue()))
        .containsExactlyInAnyOrder(2, 4, 6, 8, 10, 12);
    for (Map<String, Object> row : dump) {
      int id = ((Number) row.get("id")).intValue();
      assertThat((String) row.get("c_file")).isIn(id % 2 == 0 ? female : male);
      assertThat(row.get("c_blob")).isEqualTo("redacted document");
      assertThat(row.get("c_jsonpath")).isEqualTo("Town" + id);
      assertThat((String) row.get("c_replsub")).startsWith("XXXX-5678-");
      int bucketIn = id * 7;
      int lo = bucketIn < 18 ? 0 : bucketIn < 65 ? 18 : 65;
      assertThat(((Number) row.get("c_bucket")).intValue()).isGreaterThanOrEqualTo(lo);
      LocalDate born = LocalDate.of(1980, 1 + id % 12, 1 + id);
      assertThat(java.time.Period.between((LocalDate) row.get("c_age"), runDay).getYears())
          .isEqualTo(java.time.Period.between(born, runDay).getYears());
      assertThat(((LocalDate) row.get("c_year")).getYear()).isEqualTo(2001);
      assertThat(((LocalDate) row.get("c_comp")).getMonthValue()).isEqualTo(3);
      String card = (String) row.get("c_card");
      assertThat(card)
          .matches("[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}")
          .isNotEqualTo("4111 1111 1111 1111");
      assertThat(luhn(card.replace(" ", ""))).isTrue();
      assertThat((String) row.get("c_ssn")).matches("[0-8][0-9]{2}-[0-9]{2}-[0-9]{4}");
      assertThat(luhn((String) row.get("c_check"))).isTrue();
      assertThat((String) row.get("c_doc"))
          .matches(".*\"email\":\"[a-z]{6}@example\\.com\".*")
          .contains("Town" + id);
      assertThat((String) row.get("c_xml"))
          .contains("<name>Anon</name>")
          .contains("<age>4" + id + "</age>");
      String cpf = (String) row.get("c_cpf");
      assertThat(cpf)
          .matches("[0-9]{3}\\.[0-9]{3}\\.[0-9]{3}-[0-9]{2}")
          .isNotEqualTo("123.456.789-09");
      assertThat(dev.guise.mask.BrazilianCpfMaskTest.isValid(cpf)).as(cpf).isTrue();
      String notes = (String) row.get("c_notes");
      assertThat(notes)
          .matches(
              "\\[ID\\] from Town, CPF [0-9]{3}\\.[0-9]{3}\\.[0-9]{3}-[0-9]{2}; oldest \\[ID\\]")
          .doesNotContain("123.456.789-09");
    }
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  // ---------------------------------------------------------------- keys and identifiers

  @Test
  void compositeKeyAdvancesAcrossBatches() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("line_items")
            + " (order_id int, line_no varchar(10), note varchar(20), qty int,"
            + " PRIMARY KEY (order_id, line_no))");
    List<Object[]> data = new ArrayList<>();
    for (int o = 1; o <= 4; o++) {
      for (String l : List.of("a", "b", "c")) {
        data.add(new Object[] {o, l, "n" + o + l, o});
      }
    }
    e.insert("line_items", List.of("order_id", "line_no", "note", "qty"), data);
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: line_items
            key: [order_id, line_no]
            rules:
              - {column: note, masks: [{type: from_fixed, value: done}]}
              - {column: qty, masks: [{type: from_random_number, min: 100, max: 200}]}
        """;
    GuiseCli.Result r = cli().run(ruleset, "--batch-size", "5");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.task(1).get("batches_committed").asLong()).isEqualTo(3);
    assertThat(r.task(1).get("rows_updated").asLong()).isEqualTo(12);
    assertThat(r.task(1).get("last_key").toString()).isEqualTo("[4,\"c\"]");
    List<Map<String, Object>> after = e.dump("line_items");
    assertThat(after).hasSize(12);
    assertThat(column(after, "note")).containsOnly("done");
    assertThat(column(after, "qty"))
        .allSatisfy(q -> assertThat(((Number) q).intValue()).isBetween(100, 200));
  }

  /**
   * A text key (mixed case, in the engine's collation order) and a composite key: two key-range
   * workers, and shards 1/2 then 2/2, give the table one worker gives.
   */
  @Test
  void keyRangesAndShardsGiveTheTableOneRunGives() throws Exception {
    e.sql(
        "CREATE TABLE " + e.t("ranged") + " (k varchar(20) PRIMARY KEY, v varchar(40), n int)",
        "CREATE TABLE " + e.t("ranged_orig") + " (k varchar(20) PRIMARY KEY, v varchar(40), n int)",
        "CREATE TABLE "
            + e.t("ranged2")
            + " (a int, b varchar(10), v varchar(40), PRIMARY KEY (a, b))",
        "CREATE TABLE "
            + e.t("ranged2_orig")
            + " (a int, b varchar(10), v varchar(40), PRIMARY KEY (a, b))");
    e.insert(
        "ranged_orig",
        List.of("k", "v", "n"),
        rows(45_000, i -> new Object[] {(i % 2 == 0 ? "a" : "B") + i, "Value " + i, i}));
    e.insert(
        "ranged2_orig",
        List.of("a", "b", "v"),
        rows(42_000, i -> new Object[] {i % 40, "b" + i, "Other " + i}));
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: ranged
            key: k
            rules:
              - {column: v, masks: [{type: from_format_string, value_format: "{[A-Z],4}-{[0-9],6}"}]}
              - {column: n, masks: [{type: from_random_number, min: 1, max: 1000000}]}
          - type: mask_table
            table: ranged2
            key: [a, b]
            rules:
              - {column: v, masks: [{type: imitate}]}
        """;
    java.util.function.Supplier<List<List<Map<String, Object>>>> tables =
        () -> {
          try {
            return List.of(e.dump("ranged"), e.dump("ranged2"));
          } catch (java.sql.SQLException x) {
            throw new IllegalStateException(x);
          }
        };
    String[] restore = {
      "DELETE FROM " + e.t("ranged"),
      "INSERT INTO " + e.t("ranged") + " SELECT * FROM " + e.t("ranged_orig"),
      "DELETE FROM " + e.t("ranged2"),
      "INSERT INTO " + e.t("ranged2") + " SELECT * FROM " + e.t("ranged2_orig")
    };
    e.sql(restore);
    List<List<Map<String, Object>>> before = tables.get();
    GuiseCli.Result one = cli().run(ruleset, "--workers", "1", "--batch-size", "10000");
    assertThat(one.exit()).as(one.toString()).isZero();
    List<List<Map<String, Object>>> expected = tables.get();
    assertThat(expected).isNotEqualTo(before);

    e.sql(restore);
    GuiseCli.Result two = cli().run(ruleset, "--workers", "2", "--batch-size", "10000");
    assertThat(two.exit()).as(two.toString()).isZero();
    assertThat(two.task(1).get("rows_updated").asLong()).isEqualTo(45_000);
    assertThat(two.task(2).get("rows_updated").asLong()).isEqualTo(42_000);
    assertThat(tables.get().equals(expected)).as("two workers give one worker's table").isTrue();

    e.sql(restore);
    GuiseCli.Result first = cli().run(ruleset, "--shard", "1/2", "--batch-size", "10000");
    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(tables.get().equals(expected)).as("shard 1 alone masks half").isFalse();
    GuiseCli.Result second = cli().run(ruleset, "--shard", "2/2", "--batch-size", "10000");
    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(
            first.task(1).get("rows_updated").asLong()
                + second.task(1).get("rows_updated").asLong())
        .isEqualTo(45_000);
    assertThat(tables.get().equals(expected)).as("shards 1/2 + 2/2 give one run's table").isTrue();
  }

  /** imports and $ref into two libraries, one namespaced, expand the same way on every engine. */
  @Test
  void rulesetLibrariesExpandAndRun() throws Exception {
    e.sql("CREATE TABLE " + e.t("lib_people") + " (id int PRIMARY KEY, name varchar(30), qty int)");
    e.insert(
        "lib_people",
        List.of("id", "name", "qty"),
        List.of(new Object[] {1, "Ann", 1}, new Object[] {2, "Bob", 2}, new Object[] {3, "Cy", 3}));
    Path libs = tmp.resolve("work/libs");
    Files.createDirectories(libs.resolve("pii"));
    Files.writeString(
        libs.resolve("pii/people.yml"),
        """
        version: '1.0'
        masks:
          fixed: {type: from_fixed, value: Someone}
        database_rules:
          name: {column: name, masks: [{$ref: "#masks/fixed"}]}
        """);
    Files.writeString(
        libs.resolve("numbers.yml"),
        """
        version: '1.0'
        columns:
          qty: [{type: from_random_number, min: 100, max: 200}]
        """);
    String ruleset =
        """
        version: '1.0'
        imports: [pii/people, numbers]
        tasks:
          - type: mask_table
            table: lib_people
            key: id
            rules:
              - $ref: "pii/people#database_rules/name"
              - {column: qty, masks: {$ref: "numbers#columns/qty"}}
        """;
    GuiseCli.Result r = cli().run(ruleset, "--libraries", "libs");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.record().path("ruleset").path("libraries")).hasSize(2);
    List<Map<String, Object>> after = e.dump("lib_people");
    assertThat(column(after, "name")).containsOnly("Someone");
    assertThat(column(after, "qty"))
        .allSatisfy(q -> assertThat(((Number) q).intValue()).isBetween(100, 200));
  }

  @Test
  void nullableUniqueKeyMasksEveryRowWithAKeyAndLeavesNullKeysAlone() throws Exception {
    e.sql("CREATE TABLE " + e.t("by_code") + " (code varchar(10) UNIQUE, note varchar(20))");
    List<Object[]> data = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      data.add(new Object[] {"c" + i, "n" + i});
    }
    data.add(new Object[] {null, "no key"});
    e.insert("by_code", List.of("code", "note"), data);
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: by_code
            key: code
            rules:
              - {column: note, masks: [{type: from_fixed, value: masked}]}
        """;
    GuiseCli.Result r = cli().run(ruleset, "--batch-size", "3");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.task(1).get("rows_updated").asLong()).isEqualTo(7);
    assertThat(r.task(1).get("rows_total").asLong()).isEqualTo(7);
    List<Map<String, Object>> after = e.dump("by_code");
    assertThat(after).hasSize(8);
    for (Map<String, Object> row : after) {
      assertThat(row.get("note")).isEqualTo(row.get("code") == null ? "no key" : "masked");
    }
  }

  @Test
  void awkwardIdentifiersAreQuoted() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("Mixed Case")
            + " (id int PRIMARY KEY, "
            + e.q("Full Name")
            + " varchar(40))",
        "CREATE TABLE " + e.t("order") + " (id int PRIMARY KEY, " + e.q("user") + " varchar(40))",
        "CREATE TABLE "
            + e.t("with space")
            + " ("
            + e.q("row id")
            + " int PRIMARY KEY, "
            + e.q("some value")
            + " varchar(40))",
        "CREATE TABLE "
            + e.q(e.otherSchema)
            + "."
            + e.q("people")
            + " (id int PRIMARY KEY, name varchar(40))");
    e.insert("Mixed Case", List.of("id", "Full Name"), rows(3, i -> new Object[] {i, "Ann " + i}));
    e.insert("order", List.of("id", "user"), rows(3, i -> new Object[] {i, "u" + i}));
    e.insert(
        "with space", List.of("row id", "some value"), rows(3, i -> new Object[] {i, "v" + i}));
    e.sql(
        "INSERT INTO "
            + e.q(e.otherSchema)
            + "."
            + e.q("people")
            + " VALUES (1, 'Bob'), (2, 'Eve')");
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: Mixed Case
            key: id
            rules: [{column: Full Name, masks: [{type: from_fixed, value: X}]}]
          - type: mask_table
            table: order
            key: id
            rules: [{column: user, masks: [{type: from_fixed, value: X}]}]
          - type: mask_table
            table: with space
            key: row id
            rules: [{column: some value, masks: [{type: from_fixed, value: X}]}]
          - type: mask_table
            table: %s.people
            key: id
            rules: [{column: name, masks: [{type: from_fixed, value: X}]}]
        """
            .formatted(e.otherSchema);
    GuiseCli.Result r = cli().run(ruleset, "--batch-size", "2");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(column(e.dump(e.schema + ".Mixed Case"), "full name")).containsOnly("X").hasSize(3);
    assertThat(column(e.dump(e.schema + ".order"), "user")).containsOnly("X").hasSize(3);
    assertThat(column(e.dump(e.schema + ".with space"), "some value")).containsOnly("X").hasSize(3);
    assertThat(column(e.dump(e.otherSchema + ".people"), "name")).containsOnly("X").hasSize(2);
  }

  // ---------------------------------------------------------------- values

  @Test
  void nullsUnicodeAndFullLengthValuesRoundTrip() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("texts")
            + " (id int PRIMARY KEY, name varchar(5), nick varchar(10), code char(5),"
            + " note varchar(20))");
    e.insert(
        "texts",
        List.of("id", "name", "nick", "code", "note"),
        List.of(
            new Object[] {1, "a", null, "ab", null},
            new Object[] {2, "b", "", "abcde", "Zoë 東京 🎈"},
            new Object[] {3, "c", "名前😀\"',\\N", null, "x"},
            new Object[] {4, null, "n", "x", "y"}));
    List<Map<String, Object>> before = e.dump("texts");
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: texts
            key: id
            rules:
              - {column: name, masks: [{type: from_fixed, value: "日本語ab"}]}
              - {column: nick, masks: [{type: do_nothing}]}
              - {column: code, masks: [{type: do_nothing}]}
              - {column: note, masks: [{type: imitate}]}
        """;
    GuiseCli.Result r = cli().run(ruleset, "--batch-size", "3");
    assertThat(r.exit()).as(r.toString()).isZero();
    List<Map<String, Object>> after = e.dump("texts");
    assertThat(column(after, "name")).containsExactly("日本語ab", "日本語ab", "日本語ab", null);
    assertThat(column(after, "nick")).containsExactlyElementsOf(column(before, "nick"));
    assertThat(column(after, "nick")).containsExactly(null, "", "名前😀\"',\\N", "n");
    assertThat(column(after, "code")).containsExactly("ab", "abcde", null, "x");
    String note = (String) after.get(1).get("note");
    assertThat(note.codePointCount(0, note.length())).isEqualTo(8);
    assertThat(note).contains(" ").endsWith("🎈").isNotEqualTo("Zoë 東京 🎈");
    assertThat(after.get(0).get("note")).isNull();
  }

  /** Every type of the engine survives a read and a write-back unchanged, NULL included. */
  @Test
  void engineTypesSurviveWriteBack() throws Exception {
    List<TestEngine.TypeCase> cases = e.typeCases();
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + e.t("types") + " (id int PRIMARY KEY");
    StringBuilder values = new StringBuilder("(1");
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < cases.size(); i++) {
      ddl.append(", c").append(i).append(' ').append(cases.get(i).ddl());
      values.append(", ").append(cases.get(i).literal());
      rules.append("      - {column: c").append(i).append(", masks: [{type: do_nothing}]}\n");
    }
    e.sql(ddl.append(')').toString());
    e.sql("INSERT INTO " + e.t("types") + " (id) VALUES (2)");
    StringBuilder insert = new StringBuilder("INSERT INTO " + e.t("types") + " VALUES ");
    e.sql(insert.append(values).append(')').toString());
    TableInfo info = e.describe(e.schema + ".types");
    for (int i = 0; i < cases.size(); i++) {
      assertThat(info.column("c" + i).orElseThrow().category())
          .as(cases.get(i).ddl())
          .isEqualTo(cases.get(i).category());
    }
    List<Map<String, Object>> before = e.dump("types");
    assertThat(before.get(0).values()).doesNotContainNull();
    String ruleset =
        "version: '1.0'\nskip_defaults: []\ntasks:\n  - type: mask_table\n    table: types\n"
            + "    key: id\n    rules:\n"
            + rules;
    GuiseCli.Result r = cli().run(ruleset);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.task(1).get("rows_updated").asLong()).isEqualTo(2);
    assertThat(e.dump("types")).isEqualTo(before);
  }

  // ---------------------------------------------------------------- dry run

  @Test
  void dryRunWritesNothing() throws Exception {
    e.sql(
        "CREATE TABLE " + e.t("dry") + " (id int PRIMARY KEY, name varchar(20))",
        "CREATE TABLE " + e.t("dry_scratch") + " (id int PRIMARY KEY)");
    e.insert("dry", List.of("id", "name"), rows(10, i -> new Object[] {i, "name" + i}));
    e.insert("dry_scratch", List.of("id"), rows(2, i -> new Object[] {i}));
    List<Map<String, Object>> before = e.dump("dry");
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: run_sql
            sql: |
              DELETE FROM %s
          - type: truncate_table
            table: dry_scratch
          - type: mask_table
            table: dry
            key: id
            rules: [{column: name, masks: [{type: from_fixed, value: X}]}]
        """
            .formatted(e.t("dry"));
    GuiseCli.Result r = cli().run(ruleset, "--dry-run", "--batch-size", "3");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.task(3).get("rows_masked").asLong()).isEqualTo(10);
    assertThat(r.task(3).get("rows_updated").asLong()).isZero();
    assertThat(e.dump("dry")).isEqualTo(before);
    assertThat(e.dump("dry_scratch")).hasSize(2);
  }

  // ---------------------------------------------------------------- failure and cancellation

  @Test
  void failingBatchKeepsEarlierBatchesAndLeavesLaterOnesUntouched() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("checked")
            + " (id int PRIMARY KEY, code varchar(10) CHECK (code <> 'BAD'), src varchar(10))");
    e.insert(
        "checked",
        List.of("id", "code", "src"),
        rows(10, i -> new Object[] {i, "orig" + i, i == 8 ? "BAD" : "new" + i}));
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: checked
            key: id
            rules: [{column: code, masks: [{type: from_column, source_column: src}]}]
        """;
    GuiseCli.Result r = cli().run(ruleset, "--batch-size", "3");
    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.record().get("status").asText()).isEqualTo("failed");
    JsonNode task = r.task(1);
    assertThat(task.get("status").asText()).isEqualTo("failed");
    assertThat(task.get("batches_committed").asLong()).isEqualTo(2);
    assertThat(task.get("rows_updated").asLong()).isEqualTo(6);
    assertThat(task.get("last_key").toString()).isEqualTo("[6]");
    assertThat(task.get("error").asText()).contains("checked").contains("starting at key 7");
    assertThat(column(e.dump("checked"), "code"))
        .containsExactly(
            "new1", "new2", "new3", "new4", "new5", "new6", "orig7", "orig8", "orig9", "orig10");
  }

  @Test
  void cancellationStopsAfterTheBatchInFlight() throws Exception {
    e.sql("CREATE TABLE " + e.t("cancel_me") + " (id int PRIMARY KEY, v varchar(20))");
    e.insert("cancel_me", List.of("id", "v"), rows(10, i -> new Object[] {i, "v" + i}));
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: cancel_me
            key: id
            rules: [{column: v, masks: [{type: from_fixed, value: X}]}]
          - type: run_sql
            sql: |
              DELETE FROM %s
        """
            .formatted(e.t("cancel_me"));
    RulesetLoader.Result parsed =
        new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers())
            .load(ruleset, "ruleset.yml");
    assertThat(parsed.hasErrors()).as(parsed.diagnostics().toString()).isFalse();
    ConnectionConfig config =
        new ConnectionConfig("it", e.dialect(), e.url(), e.schema, null, null, Map.of(), 0, 0);
    Cancellation cancellation = new Cancellation();
    RunStore store = new RunStore(tmp.resolve("runs"));
    String id = RunStore.newId(Instant.now());
    store.create(id);
    RunRecorder.Header header =
        new RunRecorder.Header(id, null, Map.of(), Map.of(), Map.of(), Instant.now());
    RunStatus status;
    RunRecord record;
    try (ConnectionPool pool = ConnectionPool.open(config, 2);
        RunRecorder recorder = new RunRecorder(store, header, false, Clock.systemUTC())) {
      Planner.Result plan =
          Planner.plan(
              parsed.ruleset(),
              parsed.pipelines(),
              new LiveSchema(pool),
              TaskKinds.BUILT_IN.planners());
      assertThat(plan.root()).as(plan.diagnostics().list().toString()).isNotNull();
      status =
          new MaskingRun(
                  pool,
                  plan.root(),
                  RunKey.derive(null, GuiseCli.RUN_SECRET),
                  RunOptions.defaults().withBatchSize(3),
                  RunListener.all(
                      recorder,
                      event -> {
                        if (event instanceof RunEvent.BatchCommitted) {
                          cancellation.cancel();
                        }
                      }),
                  cancellation,
                  Clock.systemUTC(),
                  TaskKinds.BUILT_IN.runners())
              .execute(false);
      record = recorder.snapshot();
    }
    assertThat(status).isEqualTo(RunStatus.CANCELLED);
    TaskRecord task = record.tasks().get(0);
    assertThat(task.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(task.batchesCommitted()).isEqualTo(1);
    assertThat(task.rowsUpdated()).isEqualTo(3);
    assertThat(task.lastKey()).containsExactly(3L);
    assertThat(record.tasks().get(1).status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(column(e.dump("cancel_me"), "v"))
        .containsExactly("X", "X", "X", "v4", "v5", "v6", "v7", "v8", "v9", "v10");
  }

  // ---------------------------------------------------------------- db/ directly

  /** The engine's fast path is the one chosen, it writes NULLs and unicode, and never commits. */
  @Test
  void writeBackIsSetBasedAndLeavesTheCommitToTheCaller() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("wb")
            + " (a int, b varchar(10), v varchar(20), n int, PRIMARY KEY (a, b))");
    e.insert(
        "wb",
        List.of("a", "b", "v", "n"),
        List.of(
            new Object[] {1, "x", "old", 1},
            new Object[] {1, "y", "old", 2},
            new Object[] {2, "x", "old", 3}));
    List<Map<String, Object>> before = e.dump("wb");
    ConnectionConfig config =
        new ConnectionConfig("it", e.dialect(), e.url(), e.schema, null, null, Map.of(), 0, 0);
    try (ConnectionPool pool = ConnectionPool.open(config, 1);
        Connection c = pool.connection()) {
      TableInfo info = e.dialect().describe(c, "wb", e.schema).orElseThrow();
      List<ColumnInfo> key =
          List.of(info.column("a").orElseThrow(), info.column("b").orElseThrow());
      List<ColumnInfo> cols =
          List.of(info.column("v").orElseThrow(), info.column("n").orElseThrow());
      try (WriteBack w = e.dialect().writeBack(c, info, key, cols)) {
        assertThat(w.getClass().getSimpleName()).isEqualTo(e.setBasedWriteBack());
        int n =
            w.write(
                List.of(
                    new Object[] {1L, "y", "新しい🙂\"", null}, new Object[] {2L, "x", null, 30L}));
        assertThat(n).isEqualTo(2);
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT v, n FROM " + e.t("wb") + " ORDER BY a, b")) {
          List<String> seen = new ArrayList<>();
          while (rs.next()) {
            seen.add(rs.getString(1) + "|" + rs.getString(2));
          }
          assertThat(seen).containsExactly("old|1", "新しい🙂\"|null", "null|30");
        }
        // a second batch in the same transaction works too
        List<Object[]> again = List.<Object[]>of(new Object[] {1L, "x", "again", 5L});
        assertThat(w.write(again)).isEqualTo(1);
      }
      c.rollback();
    }
    assertThat(e.dump("wb")).isEqualTo(before);
  }

  /** Ruleset SQL names a build_temp_table table unquoted; the dialect's quoted DDL must agree. */
  @Test
  void tempTableDdlKeepsThePlainNameWorking() throws Exception {
    e.sql("CREATE TABLE " + e.t("temp_src") + " (id int PRIMARY KEY)");
    e.insert("temp_src", List.of("id"), rows(3, i -> new Object[] {i}));
    try (Connection c = inSandbox();
        Statement st = c.createStatement()) {
      st.execute(
          e.dialect()
              .createTableAs(
                  "guise_lookup", "SELECT id FROM " + e.t("temp_src") + " WHERE id > 1"));
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM guise_lookup")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
      assertThat(e.dialect().describe(c, "guise_lookup", e.schema)).isPresent();
      st.execute(e.dialect().dropTable("guise_lookup"));
      assertThat(e.dialect().describe(c, "guise_lookup", e.schema)).isEmpty();
      c.commit();
    }
  }

  /** A script split by the dialect runs statement by statement on its engine. */
  @Test
  void runSqlScriptsSplitAsTheEngineReadsStrings() throws Exception {
    e.sql("CREATE TABLE " + e.t("script") + " (id int PRIMARY KEY, v varchar(20))");
    // C:\ in each engine's own string syntax: MySQL escapes the backslash, standard SQL does not
    boolean mysql = List.of("mysql", "mariadb").contains(e.dialect().name());
    String path = mysql ? "'C:\\\\'" : "'C:\\'";
    String script =
        "INSERT INTO "
            + e.t("script")
            + " VALUES (1, "
            + path
            + ");\n-- a comment; then\nINSERT INTO "
            + e.t("script")
            + " VALUES (2, 'a;b''c') /* ; */;\n";
    List<String> statements = e.dialect().splitScript(script);
    assertThat(statements).hasSize(2);
    try (Connection c = inSandbox();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
      c.commit();
    }
    assertThat(column(e.dump("script"), "v")).containsExactly("C:\\", "a;b'c");
  }

  /** A connection whose current schema is the sandbox, as a run's connection is. */
  private Connection inSandbox() throws Exception {
    Connection c = java.sql.DriverManager.getConnection(e.dialect().driverUrl(e.url()));
    c.setAutoCommit(false);
    c.setSchema(e.schema); // PostgreSQL, H2; MariaDB's driver ignores it
    c.setCatalog(e.schema); // MariaDB; the others ignore it
    return c;
  }

  @Test
  void statementTimeoutIsApplied() throws Exception {
    String probe = e.statementTimeoutProbe();
    assumeTrue(probe != null, e.name() + " has no session statement timeout");
    ConnectionConfig config =
        new ConnectionConfig("it", e.dialect(), e.url(), e.schema, null, null, Map.of(), 7, 3);
    try (ConnectionPool pool = ConnectionPool.open(config, 1);
        Connection c = pool.connection()) {
      c.rollback(); // the setting must outlive a rolled-back transaction
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(probe)) {
        rs.next();
        assertThat(rs.getString(1)).startsWith("7");
      }
    }
  }

  @Test
  void categoriesAreNeverUnknownForCommonTypes() throws Exception {
    assertThat(e.typeCases())
        .extracting(TestEngine.TypeCase::category)
        .doesNotContain(ColumnCategory.OTHER);
  }

  // ---------------------------------------------------------------- names as users quote them

  /**
   * Must-show of issue 9: reserved words as table and column, named the way DataMasque's
   * documentation quotes them; on MySQL and MariaDB in backticks as well as in double quotes.
   */
  @Test
  void quotedReservedWordsNameTheTableAndColumn() throws Exception {
    // awkwardIdentifiersAreQuoted has its own "order" in the sandbox; whichever runs first
    e.sql("DROP TABLE IF EXISTS " + e.t("order"));
    try {
      quotedReservedWords();
    } finally {
      e.sql("DROP TABLE " + e.t("order"));
    }
  }

  private void quotedReservedWords() throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("order")
            + " (id int, line int, "
            + e.q("user")
            + " varchar(20), PRIMARY KEY (id, line))",
        "INSERT INTO " + e.t("order") + " VALUES (1, 1, 'ann'), (1, 2, 'bob'), (2, 1, 'cy')");
    List<String> quotes = new ArrayList<>(List.of("\""));
    if (List.of("mysql", "mariadb").contains(e.dialect().name())) {
      quotes.add("`");
    }
    for (String q : quotes) {
      String ruleset =
          """
          version: '1.0'
          tasks:
            - type: mask_table
              table: '%1$sorder%1$s'
              key: [id, line]
              rules:
                - column: '%1$suser%1$s'
                  masks: [{type: from_fixed, value: 'masked%1$s'}]
          """
              .formatted(q);
      GuiseCli.Result r = cli().run(ruleset);
      assertThat(r.exit()).as(q + "\n" + r).isZero();
      assertThat(column(e.dump("\"order\""), "user")).containsOnly("masked" + q).hasSize(3);
    }
  }

  /**
   * Quoted names of every kind, in the double-quoted form every engine reads: schema-qualified
   * (plain and quoted schema), mixed case, spaces, a reserved word, a quote and a dot inside names.
   */
  @Test
  void quotedNamesOfEveryKindResolve() throws Exception {
    String items = e.q(e.otherSchema) + "." + e.q("Order Items");
    String dotted = e.q(e.otherSchema) + "." + e.q("dot.table");
    e.sql(
        "CREATE TABLE "
            + items
            + " ("
            + e.q("Id")
            + " int PRIMARY KEY, "
            + e.q("select")
            + " varchar(20), "
            + e.q("a.b")
            + " varchar(20), "
            + e.q("say \"hi\"")
            + " varchar(20), "
            + e.q("Name")
            + " varchar(20))",
        "INSERT INTO " + items + " VALUES (1, 's1', 'd1', 'q1', 'n1'), (2, 's2', 'd2', 'q2', 'n2')",
        "CREATE TABLE " + dotted + " (id int PRIMARY KEY)",
        "INSERT INTO " + dotted + " VALUES (1)");
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: truncate_table
            table: '"%1$s"."dot.table"'
          - type: mask_table
            table: '%1$s."Order Items"'
            key: '"Id"'
            rules:
              - column: '"select"'
                masks: [{type: from_column, source_column: '"say ""hi""\"'}]
              - if:
                  - column: '"%1$s"."Order Items"."Name"'
                    equals: n2
                rules:
                  - column: '"a.b"'
                    masks: [{type: from_column, source_column: '"Order Items"."Name"'}]
              - column: '"say ""hi""\"'
                masks: [{type: from_fixed, value: 'it''s "q"'}]
        """
            .formatted(e.otherSchema);
    GuiseCli.Result r = cli().run(ruleset);
    assertThat(r.exit()).as(r.toString()).isZero();
    List<Map<String, Object>> rows = e.dump(e.otherSchema + ".\"Order Items\"");
    assertThat(column(rows, "select")).containsExactly("q1", "q2");
    assertThat(column(rows, "a.b")).containsExactly("d1", "n2");
    assertThat(column(rows, "say \"hi\"")).containsOnly("it's \"q\"").hasSize(2);
    assertThat(e.dump(e.otherSchema + ".\"dot.table\"")).isEmpty();
  }

  /** A quoted name must match its case; the error shows the name as written and the real one. */
  @Test
  void aQuotedNameInAnotherCaseIsRefusedWithTheRealName() throws Exception {
    e.sql("CREATE TABLE " + e.t("Mixed") + " (id int PRIMARY KEY, " + e.q("Val") + " int)");
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: '"Mixed"'
            key: id
            rules:
              - column: '"VAL"'
                masks: [{type: from_fixed, value: 1}]
        """;
    GuiseCli.Result r = cli().run(ruleset);
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(d.at("/diagnostics/0/subject").asText()).endsWith(".Mixed.\"VAL\"");
    assertThat(d.at("/diagnostics/0/message").asText())
        .startsWith("column not found (named at ruleset.yml:")
        .endsWith("a quoted name matches its case exactly; did you mean '\"Val\"'?");
  }
}
