package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional rules, build_temp_table, seeds on H2. */
class ConstructsTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE p (id INT PRIMARY KEY, kind VARCHAR(10), age INT, note VARCHAR(40), born DATE)",
        "INSERT INTO p VALUES (1, 'staff', 30, 'a', DATE '1990-01-01'), (2, 'customer', 70, 'b', DATE '1950-05-05'),"
            + " (3, 'customer', 20, NULL, DATE '2004-02-02'), (4, 'test', 40, 'd', DATE '1984-03-03'),"
            + " (5, NULL, 50, 'e', NULL)");
  }

  @Test
  void conditionalRulesPickBranchesOnOriginalValues() throws Exception {
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: p
            key: id
            rules:
              - if:
                  - column: kind
                    equals: customer
                rules:
                  - if:
                      - or:
                          - column: age
                            greater_than: 65
                          - column: born
                            less_than: '1960-01-01'
                    rules:
                      - column: note
                        masks: [{type: from_fixed, value: senior}]
                    else_rules:
                      - column: note
                        masks: [{type: from_fixed, value: junior}]
                else_rules:
                  - if:
                      - not:
                          - column: kind
                            matches: 'te.*'
                      - column: kind
                        is_null: false
                    rules:
                      - column: note
                        masks: [{type: from_fixed, value: other}]
              - column: kind
                masks: [{type: from_fixed, value: masked}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    // row 3's note was NULL: skipped by the default skip list even though its branch matched
    assertThat(h.dump("p", "id"))
        .isEqualTo(
            """
            1|masked|30|other|1990-01-01
            2|masked|70|senior|1950-05-05
            3|masked|20|null|2004-02-02
            4|masked|40|d|1984-03-03
            5|null|50|e|null
            """);
  }

  @Test
  void badConditionsAreReported() throws Exception {
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: p
            key: id
            rules:
              - if:
                  - column: kind
                    equals: a
                    less_than: b
                  - column: nope
                    is_null: true
                  - column: kind
                    matches: '('
                rules:
                  - column: note
                    masks: [{type: do_nothing}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains("r.yml:8:13 - a condition needs exactly one of equals")
        .contains("r.yml:14:22 - invalid regular expression");
  }

  @Test
  void tempTableIsBuiltForLaterTasksAndDroppedAtTheEnd() throws Exception {
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: build_temp_table
            table: seniors
            sql_select: "SELECT id FROM p WHERE age > 45"
          - type: mask_table
            table: p
            key: id
            where: "id IN (SELECT id FROM seniors)"
            rules:
              - column: note
                masks: [{type: from_fixed, value: senior}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.count("SELECT COUNT(*) FROM p WHERE note = 'senior'")).isEqualTo(2);
    assertThat(
            h.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'SENIORS'"))
        .isZero();
    assertThat(h.lastLog()).contains("dropped temporary table seniors");
  }

  @Test
  void tempTableIsDroppedWhenTheRunFails() throws Exception {
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: build_temp_table
            table: lookup
            select: "SELECT id FROM p"
          - type: run_sql
            sql: "SELECT * FROM missing_table"
        """);
    assertThat(h.run("run", "r.yml", "-c", "db").code()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(
            h.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'LOOKUP'"))
        .isZero();
  }

  @Test
  void maskingATempTableIsRefusedAndADryRunBuildsNone() throws Exception {
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: build_temp_table
            table: lookup
            sql_select: "SELECT id, note FROM p"
          - type: mask_table
            table: lookup
            key: id
            rules:
              - column: note
                masks: [{type: do_nothing}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("lookup - is built by build_temp_table at r.yml:3:5");
    h.write(
        "dry.yml",
        """
        version: '1.0'
        tasks:
          - type: build_temp_table
            table: lookup
            sql_select: "SELECT id FROM p"
        """);
    assertThat(h.run("run", "dry.yml", "-c", "db", "--dry-run").code()).isZero();
    assertThat(
            h.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'LOOKUP'"))
        .isZero();
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("tasks").get(0).path("status").asText()).isEqualTo("skipped");
  }

  @Test
  void joinsFeedFromColumnHashColumnsAndConditions() throws Exception {
    h.sql(
        "CREATE TABLE cust (cid INT PRIMARY KEY, email VARCHAR(40), region_id INT)",
        "CREATE TABLE region (rid INT PRIMARY KEY, name VARCHAR(20))",
        "CREATE TABLE ord (oid INT PRIMARY KEY, cust_id INT, copy VARCHAR(40), token VARCHAR(40))",
        "INSERT INTO region VALUES (1, 'north'), (2, 'south')",
        "INSERT INTO cust VALUES (1, 'a@x.test', 1), (2, 'b@x.test', 2), (3, 'a@x.test', 2)",
        "INSERT INTO ord VALUES (10, 1, 'c1', 't'), (11, 2, 'c2', 't'), (12, 3, 'c3', 't'), (13, 1, 'c4', 't'),"
            + " (14, NULL, 'c5', 't')");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: ord
            key: oid
            joins:
              - target_table: cust
                target_key: cid
                source_table: ord
                source_key: cust_id
              - target_table: region
                target_key: rid
                source_table: cust
                source_key: region_id
            rules:
              - column: copy
                masks: [{type: from_column, source_column: region.name}]
              - if:
                  - column: region.name
                    equals: south
                rules:
                  - column: token
                    hash_columns: [cust.email]
                    masks: [{type: from_format_string, value_format: "{[a-z],12}"}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    String dump = h.dump("ord", "oid");
    String[] rows = dump.split("\n");
    assertThat(rows[0]).startsWith("10|1|north|t");
    assertThat(rows[1]).startsWith("11|2|south|");
    assertThat(rows[2]).startsWith("12|3|south|");
    assertThat(rows[3]).startsWith("13|1|north|t");
    // no customer: joined columns are NULL, so copy becomes NULL and no condition matches
    assertThat(rows[4]).isEqualTo("14|null|null|t");
    String token11 = rows[1].split("\\|")[3];
    String token12 = rows[2].split("\\|")[3];
    assertThat(token11).hasSize(12);
    // customers 2 and 3 differ in email, so their tokens differ; same-email rows would match
    assertThat(token12).hasSize(12).isNotEqualTo(token11);
    assertThat(h.run("plan", "r.yml", "-c", "db").out())
        .contains("joining PUBLIC.CUST, PUBLIC.REGION");
  }

  @Test
  void joinProblemsAreReported() throws Exception {
    h.sql("CREATE TABLE c2 (cid INT, email VARCHAR(40))");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: p
            key: id
            joins:
              - target_table: c2
                target_key: cid
                source_table: p
                source_key: id
              - target_table: nowhere
                target_key: x
                source_table: p
                source_key: id
            rules:
              - column: note
                masks: [{type: from_column, source_column: other.col}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains(
            "PUBLIC.C2.cid - target_key of the join at r.yml:7:9 is not a primary key or unique index")
        .contains("nowhere - table not found")
        .contains(
            "other.col - names table 'other', which is neither the task's table nor a join target");
  }

  @Test
  void secureShuffleMovesValuesWithinGroupsAndKeepsThem() throws Exception {
    h.sql(
        "CREATE TABLE s (id INT PRIMARY KEY, country VARCHAR(2), salary INT)",
        "INSERT INTO s SELECT x, CASE WHEN x <= 60 THEN 'NZ' ELSE 'AU' END,"
            + " CASE WHEN x = 7 THEN NULL ELSE x * 100 END FROM SYSTEM_RANGE(1, 100)");
    String before = h.dump("s", "id");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: s
            key: id
            rules:
              - column: salary
                masks:
                  - type: secure_shuffle
                    shuffle_group: [country]
        """);
    assertThat(h.run("run", "r.yml", "-c", "db", "--batch-size", "13").code()).isZero();
    String after = h.dump("s", "id");
    assertThat(after).isNotEqualTo(before);
    // the same values in each country, NULL untouched, most rows changed
    assertThat(h.count("SELECT SUM(salary) FROM s WHERE country = 'NZ'"))
        .isEqualTo(sum(1, 60) * 100 - 700);
    assertThat(h.count("SELECT SUM(salary) FROM s WHERE country = 'AU'"))
        .isEqualTo(sum(61, 100) * 100);
    assertThat(h.count("SELECT MAX(salary) FROM s WHERE country = 'NZ'")).isEqualTo(6000);
    assertThat(h.count("SELECT COUNT(*) FROM s WHERE salary IS NULL AND id = 7")).isEqualTo(1);
    assertThat(h.count("SELECT COUNT(*) FROM s WHERE salary = id * 100")).isLessThan(10);

    CliHarness again = new CliHarness(dir.resolve("again"));
    again.sql(
        "CREATE TABLE s (id INT PRIMARY KEY, country VARCHAR(2), salary INT)",
        "INSERT INTO s SELECT x, CASE WHEN x <= 60 THEN 'NZ' ELSE 'AU' END,"
            + " CASE WHEN x = 7 THEN NULL ELSE x * 100 END FROM SYSTEM_RANGE(1, 100)");
    again.write("r.yml", java.nio.file.Files.readString(dir.resolve("r.yml")));
    again.env.put("GUISE_HOME", h.home.toString()); // same instance secret
    assertThat(again.run("run", "r.yml", "-c", "db", "--batch-size", "50").code()).isZero();
    assertThat(again.dump("s", "id")).isEqualTo(after);
  }

  @Test
  void secureShuffleMustComeFirst() throws Exception {
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: p
            key: id
            rules:
              - column: note
                masks: [{type: do_nothing}, {type: secure_shuffle}]
        """);
    CliHarness.Result r = h.run("validate", "r.yml");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains("secure_shuffle works on the whole column, so it must be the first mask");
  }

  private static long sum(int from, int to) {
    return (long) (from + to) * (to - from + 1) / 2;
  }

  @Test
  void seedsListShowsBuiltInsAndUserFilesFirst() throws Exception {
    h.write("my-seeds/pets.csv", "pet,kind\nRex,dog\nTom,cat\n");
    CliHarness.Result r = h.run("seeds", "list", "--seeds-dir", "my-seeds");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("pets")
        .contains("user")
        .contains("2 rows")
        .contains("first_names")
        .contains("built_in");
  }
}
