package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken rulesets exit 3, name file:line:col or table.column, and touch nothing. */
class BrokenRulesetTest {
  @TempDir Path dir;
  CliHarness h;
  String before;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), code VARCHAR(3), age INT)",
        "CREATE TABLE nokey (id INT, name VARCHAR(40))",
        "INSERT INTO people VALUES (1, 'Ann', 'A1', 30), (2, 'Bob', 'B2', 40)",
        "INSERT INTO nokey VALUES (1, 'x'), (1, 'y')");
    before = h.dump("people", "id") + h.dump("nokey", "id, name");
  }

  private static String task(String body) {
    return "version: '1.0'\ntasks:\n  - type: mask_table\n    table: people\n    key: id\n    rules:\n"
        + body;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad yaml            | version: '1.0'\\ntasks: [\\n  - type: x                                              | ruleset.yml:3:
          unquoted version    | version: 1.0\\ntasks: []                                                                 | ruleset.yml:1:10 - version must be the string '1.0', found the number 1.0; quote it
          unknown task        | version: '1.0'\\ntasks:\\n  - type: mask_tabel\\n    table: people                       | ruleset.yml:3:11 - unknown task type 'mask_tabel'; did you mean 'mask_table'?
          unknown key         | version: '1.0'\\ntaks: []                                                                 | ruleset.yml:2:1 - unknown key 'taks' in the ruleset; did you mean 'tasks'?
          """)
  void documentLevelProblems(String name, String yaml, String expected) throws Exception {
    h.write("ruleset.yml", yaml.replace("\\n", "\n"));
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains(expected);
    assertThat(h.dump("people", "id") + h.dump("nokey", "id, name")).isEqualTo(before);
  }

  @Test
  void maskProblemsAreAllReportedTogetherWithPositions() throws Exception {
    h.write(
        "ruleset.yml",
        task(
            """
                  - column: name
                    masks:
                      - type: from_fixd
                        value: x
                  - column: name
                    masks:
                      - type: from_random_text
                  - column: age
                    masks:
                      - type: from_random_number
                        max: lots
                  - column: name
                    masks:
                      - type: from_fixed
                        value: x
                        colour: red
            """));
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains("ruleset.yml:9:19 - unknown mask type 'from_fixd'; did you mean 'from_fixed'?")
        .contains("ruleset.yml:13:19 - mask 'from_random_text' needs parameter 'max'")
        .contains(
            "ruleset.yml:17:18 - parameter 'max' of mask 'from_random_number' must be a number, found a string")
        .contains("ruleset.yml:22:13 - mask 'from_fixed' has no parameter 'colour'")
        .contains("4 errors; nothing was touched.");
    assertThat(h.dump("people", "id"))
        .isEqualTo(before.substring(0, h.dump("people", "id").length()));
  }

  @Test
  void schemaProblemsNameTableAndColumn() throws Exception {
    h.write(
        "ruleset.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: peeple
            key: id
            rules:
              - column: name
                masks: [{type: from_fixed, value: x}]
          - type: mask_table
            table: people
            key: id
            rules:
              - column: nmae
                masks: [{type: from_fixed, value: x}]
              - column: code
                masks: [{type: from_random_number, max: 10000}]
              - column: age
                masks: [{type: from_fixed, value: 'old'}]
              - column: id
                masks: [{type: from_fixed, value: 1}]
          - type: mask_table
            table: nokey
            key: id
            rules:
              - column: name
                masks: [{type: from_fixed, value: x}]
        """);
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains("peeple - table not found")
        .contains(
            "PUBLIC.PEOPLE.nmae - column not found (named at ruleset.yml:13:9); did you mean 'NAME'?")
        .contains(
            "PUBLIC.PEOPLE.CODE - mask 'from_random_number' (ruleset.yml:16:17) can output 5 characters but the column is CHARACTER VARYING(3)")
        .contains(
            "PUBLIC.PEOPLE.AGE - mask 'from_fixed' (ruleset.yml:18:17) outputs text but the column is INTEGER")
        .contains(
            "PUBLIC.PEOPLE.ID - is a key, unique or referenced column; mask it with a unique mask")
        .contains("PUBLIC.NOKEY.id - the key is neither the primary key nor a unique index")
        .contains("6 errors; nothing was touched.");
    assertThat(h.dump("people", "id") + h.dump("nokey", "id, name")).isEqualTo(before);
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("status").asText()).isEqualTo("failed");
  }

  @Test
  void validateReportsJsonAndStrictTurnsWarningsIntoExit7() throws Exception {
    h.write(
        "ruleset.yml",
        task(
            """
                  - column: name
                    masks: [{type: from_fixed, value: x}]
                  - column: name
                    masks: [{type: from_fixed, value: y}]
            """));
    CliHarness.Result r = h.run("validate", "ruleset.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.err())
        .contains("warning: ruleset.yml:9:9 - people.name is also masked at ruleset.yml:7:9");
    assertThat(h.run("validate", "ruleset.yml", "--strict").code())
        .isEqualTo(ExitCodes.STRICT_WARNINGS);
    CliHarness.Result json = h.run("validate", "ruleset.yml", "--format", "json");
    JsonNode doc = Json.MAPPER.readTree(json.out());
    assertThat(doc.path("valid").asBoolean()).isTrue();
    assertThat(doc.path("diagnostics").get(0).path("code").asText()).isEqualTo("duplicate-rule");
    assertThat(json.err()).isEmpty();
  }

  @Test
  void unknownConnectionAndMissingFiles() {
    CliHarness.Result r = h.run("run", "missing.yml", "-c", "nope");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains("missing.yml - cannot read the ruleset (no such file)")
        .contains("no connection named 'nope'; defined: db");
  }

  @Test
  void unreachableDatabaseExits4WithoutThePassword() throws Exception {
    h.env.put("DB_PASSWORD", "hunter2-very-secret");
    h.write(
        "connections.yml",
        "version: '1.0'\nconnections:\n  pg:\n    url: jdbc:h2:tcp://127.0.0.1:1/nope\n"
            + "    user: someone\n    password: ${env:DB_PASSWORD}\n");
    h.write(
        "ruleset.yml",
        task("      - column: name\n        masks: [{type: from_fixed, value: x}]\n"));
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "pg", "-v");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.DATABASE);
    assertThat(r.err()).contains("connection 'pg'").contains("cannot connect");
    assertThat(r.all()).doesNotContain("hunter2");
    assertThat(h.lastRecord()).doesNotContain("hunter2");
    assertThat(h.lastLog()).doesNotContain("hunter2");
    CliHarness.Result json = h.run("run", "ruleset.yml", "-c", "pg", "--format", "json");
    assertThat(json.code()).isEqualTo(ExitCodes.DATABASE);
    assertThat(dev.guise.runlog.Json.MAPPER.readTree(json.out()).path("exit_code").asInt())
        .isEqualTo(4);
  }
}
