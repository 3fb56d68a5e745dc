package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code guise run} on H2: determinism, dry run, records and options. */
class RunCommandTest {
  static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - column: name
              masks:
                - type: from_choices
                  choices: [Ann, Bob, Cy, Di, Ed, Flo, Gus, Hal]
            - column: email
              hash_columns: [email]
              masks:
                - type: from_format_string
                  value_format: "{[a-z],8}@example.com"
            - column: born
              masks:
                - type: from_random_date
                  min: '1950-01-01'
                  max: '2000-12-31'
        - type: mask_table
          table: contacts
          key: [owner, seq]
          rules:
            - column: email
              hash_columns: [email]
              masks:
                - type: from_format_string
                  value_format: "{[a-z],8}@example.com"
      """;

  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    createData(h);
    h.write("ruleset.yml", RULESET);
  }

  static void createData(CliHarness h) throws Exception {
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(60), born DATE)",
        "INSERT INTO people SELECT x, 'Person ' || x, 'p' || x || '@corp.test', DATEADD(DAY, x, DATE '1980-01-01')"
            + " FROM SYSTEM_RANGE(1, 2500)",
        "UPDATE people SET email = NULL WHERE MOD(id, 10) = 0",
        "CREATE TABLE contacts (owner INT, seq INT, email VARCHAR(60), PRIMARY KEY (owner, seq))",
        "INSERT INTO contacts SELECT x, 1, 'p' || x || '@corp.test' FROM SYSTEM_RANGE(1, 300)");
  }

  @Test
  void masksEveryRowAndRecordsTheRun() throws Exception {
    String before = h.dump("people", "id");
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db", "--batch-size", "1000");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.dump("people", "id")).isNotEqualTo(before);
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE name LIKE 'Person %'")).isZero();
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE email IS NULL")).isEqualTo(250);
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("status").asText()).isEqualTo("finished");
    JsonNode people = rec.path("tasks").get(0);
    assertThat(people.path("rows_read").asLong()).isEqualTo(2500);
    assertThat(people.path("rows_updated").asLong()).isEqualTo(2500);
    assertThat(people.path("batches_committed").asLong()).isEqualTo(3);
    assertThat(people.path("last_key").get(0).asLong()).isEqualTo(2500);
    assertThat(rec.path("rows_updated").asLong()).isEqualTo(2800);
    assertThat(r.out()).contains("Run ").contains("finished").contains("2800 rows updated");
  }

  @Test
  void sameSecretSameResultOnFreshCopiesAndOtherSecretDiffers(
      @TempDir Path other, @TempDir Path third) throws Exception {
    CliHarness h2 = new CliHarness(other);
    createData(h2);
    h2.write("ruleset.yml", RULESET);
    CliHarness h3 = new CliHarness(third);
    createData(h3);
    h3.write("ruleset.yml", RULESET);
    h3.env.put("GUISE_RUN_SECRET", "a-completely-different-secret-value");
    // the instance secrets differ per GUISE_HOME: disable them so only the run secret counts
    assertThat(
            h.run(
                    "run",
                    "ruleset.yml",
                    "-c",
                    "db",
                    "--disable-instance-secret",
                    "--batch-size",
                    "700")
                .code())
        .isZero();
    assertThat(
            h2.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--workers", "1")
                .code())
        .isZero();
    assertThat(h3.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret").code())
        .isZero();

    assertThat(h2.dump("people", "id")).isEqualTo(h.dump("people", "id"));
    assertThat(h2.dump("contacts", "owner, seq")).isEqualTo(h.dump("contacts", "owner, seq"));
    String a = h.dump("people", "id");
    String c = h3.dump("people", "id");
    assertThat(c).isNotEqualTo(a);
    // nearly every value differs, not just a few
    String[] la = a.split("\n");
    String[] lc = c.split("\n");
    int same = 0;
    for (int i = 0; i < la.length; i++) {
      same += la[i].split("\\|")[2].equals(lc[i].split("\\|")[2]) ? 1 : 0;
    }
    assertThat(same).isLessThanOrEqualTo(250 + 5); // the NULL emails stay NULL
  }

  @Test
  void hashColumnsGiveEqualOutputsForEqualInputsAcrossTables() throws Exception {
    assertThat(h.run("run", "ruleset.yml", "-c", "db").code()).isZero();
    // contacts.email of owner x was 'p'||x||'@corp.test', as was people.email of id x
    assertThat(
            h.count(
                "SELECT COUNT(*) FROM contacts c JOIN people p ON p.id = c.owner WHERE p.email = c.email"))
        .isEqualTo(300 - 30); // people with id % 10 = 0 had NULL emails there
    assertThat(h.count("SELECT COUNT(*) FROM contacts WHERE email LIKE '%@corp.test'")).isZero();
  }

  @Test
  void dryRunWritesNothingAndReportsWhatItWouldDo() throws Exception {
    String people = h.dump("people", "id");
    String contacts = h.dump("contacts", "owner, seq");
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db", "--dry-run");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.dump("people", "id")).isEqualTo(people);
    assertThat(h.dump("contacts", "owner, seq")).isEqualTo(contacts);
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("rows_masked").asLong()).isEqualTo(2800);
    assertThat(rec.path("rows_updated").asLong()).isZero();
    assertThat(r.out()).contains("dry run").contains("<redacted>").doesNotContain("Person 1");
  }

  @Test
  void maxRowsLimitsEachTable() throws Exception {
    CliHarness.Result r =
        h.run("run", "ruleset.yml", "-c", "db", "--max-rows", "100", "--batch-size", "30");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE name LIKE 'Person %'")).isEqualTo(2400);
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE name NOT LIKE 'Person %' AND id > 100"))
        .isZero();
  }

  @Test
  void jsonFormatPrintsExactlyOneDocument() throws Exception {
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db", "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertThat(doc.path("status").asText()).isEqualTo("finished");
    assertThat(doc.path("tasks").size()).isEqualTo(2);
  }

  @Test
  void failedTaskStopsTheRunUnlessContinueOnFailure() throws Exception {
    h.write(
        "fail.yml",
        """
        version: '1.0'
        tasks:
          - type: run_sql
            sql: "UPDATE no_such_table SET x = 1"
          - type: mask_table
            table: contacts
            key: [owner, seq]
            rules:
              - column: email
                masks: [{type: from_fixed, value: 'x@example.com'}]
        """);
    CliHarness.Result r = h.run("run", "fail.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(h.count("SELECT COUNT(*) FROM contacts WHERE email = 'x@example.com'")).isZero();
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("status").asText()).isEqualTo("failed");
    assertThat(rec.path("tasks").get(0).path("error").asText()).contains("NO_SUCH_TABLE");
    assertThat(rec.path("tasks").get(1).path("status").asText()).isEqualTo("skipped");

    r = h.run("run", "fail.yml", "-c", "db", "--continue-on-failure");
    assertThat(r.code()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(h.count("SELECT COUNT(*) FROM contacts WHERE email = 'x@example.com'"))
        .isEqualTo(300);
  }

  @Test
  void aValueThatDoesNotFitFailsTheTaskAndKeepsEarlierBatches() throws Exception {
    h.sql(
        "CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(5) CHECK (code <> 'BAD'))",
        "INSERT INTO t SELECT x, 'c' || x FROM SYSTEM_RANGE(1, 100)");
    // batches of 10; rows 1..45 get 'ok', row 46 onwards 'BAD' (violates the CHECK) via where
    h.write(
        "check.yml",
        """
        version: '1.0'
        tasks:
          - type: run_sql
            sql: "UPDATE t SET code = 'z' WHERE id = 46"
          - type: mask_table
            table: t
            key: id
            rules:
              - column: code
                skip: [null, 'z']
                masks: [{type: from_fixed, value: 'ok'}]
              - column: code
                skip: [null, 'ok']
                masks: [{type: from_fixed, value: 'BAD'}]
        """);
    CliHarness.Result r = h.run("run", "check.yml", "-c", "db", "--batch-size", "10");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    JsonNode task = Json.MAPPER.readTree(h.lastRecord()).path("tasks").get(1);
    assertThat(task.path("status").asText()).isEqualTo("failed");
    assertThat(task.path("batches_committed").asLong()).isEqualTo(4);
    assertThat(task.path("last_key").get(0).asLong()).isEqualTo(40);
    assertThat(task.path("error").asText()).contains("PUBLIC.T").contains("starting at key 41");
    assertThat(h.count("SELECT COUNT(*) FROM t WHERE code = 'ok'")).isEqualTo(40);
    assertThat(h.count("SELECT COUNT(*) FROM t WHERE code LIKE 'c%'")).isEqualTo(59);
  }

  @Test
  void runsListShowAndLog() throws Exception {
    assertThat(h.run("run", "ruleset.yml", "-c", "db", "--name", "nightly").code()).isZero();
    CliHarness.Result list = h.run("runs", "list");
    assertThat(list.out()).contains("finished").contains("nightly");
    String id = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    assertThat(h.run("runs", "show", id).out())
        .contains("status:     finished")
        .contains("PUBLIC.PEOPLE");
    assertThat(h.run("runs", "show", id, "--format", "json").out()).contains("\"rows_updated\"");
    assertThat(h.run("runs", "log", id).out()).contains("INFO").contains("run finished");
    assertThat(h.run("runs", "list", "--status", "failed").out()).contains("No runs");
    assertThat(h.run("runs", "show", "nope").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void shortRunSecretIsRejectedBeforeAnythingHappens() throws Exception {
    h.env.put("GUISE_RUN_SECRET", "too-short");
    String before = h.dump("people", "id");
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("GUISE_RUN_SECRET").contains("at least 20");
    assertThat(h.dump("people", "id")).isEqualTo(before);
  }

  @Test
  void generatedSecretIsShownOnceOnStderrAndOnlyItsFingerprintIsRecorded() throws Exception {
    h.env.remove("GUISE_RUN_SECRET");
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).isZero();
    String secret =
        r.err().lines().filter(l -> l.startsWith("  ")).findFirst().orElseThrow().trim();
    assertThat(secret).hasSize(32);
    assertThat(r.out()).doesNotContain(secret);
    assertThat(h.lastRecord()).doesNotContain(secret).contains("run_secret_fingerprint");
    assertThat(h.lastLog()).doesNotContain(secret);
  }

  @Test
  void runSecretFromFile() throws Exception {
    Path f = h.write("secret.txt", "file-secret-of-enough-length-123\n");
    CliHarness.Result r =
        h.run("run", "ruleset.yml", "-c", "db", "--run-secret-file", f.toString());
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(Files.readString(f)).isNotEmpty();
  }
}
