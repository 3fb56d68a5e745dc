package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table cut into key ranges: masked by two workers at once ({@code --workers 2}), or by two
 * shards one after the other ({@code --shard 1/2}, {@code --shard 2/2}), it ends equal to one
 * worker's run, with a checkpoint row per range; shards of another set, key masking and a bad
 * {@code --shard} are refused before anything changes.
 */
class ShardAndRangeTest {
  static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: run_sql
          sql: UPDATE audit_note SET n = n + 1
        - type: mask_table
          table: people
          key: id
          rules:
            - column: name
              masks: [{type: from_format_string, value_format: "{[A-Z]}{[a-z],6}"}]
            - column: email
              hash_columns: [email]
              masks: [{type: from_format_string, value_format: "{[a-z],8}@example.com"}]
        - type: mask_table
          table: pairs
          key: [a, b]
          rules:
            - column: v
              masks: [{type: imitate}]
      """;

  @TempDir Path dir;

  private CliHarness harness(String name) throws Exception {
    CliHarness h = new CliHarness(dir.resolve(name));
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(60))",
        "INSERT INTO people SELECT x * 3, 'Person ' || x, 'p' || MOD(x, 997) || '@corp.test'"
            + " FROM SYSTEM_RANGE(1, 45000)",
        "CREATE TABLE pairs (a INT, b VARCHAR(10), v VARCHAR(20), PRIMARY KEY (a, b))",
        "INSERT INTO pairs SELECT MOD(x, 50), 'k' || x, 'Value ' || x FROM SYSTEM_RANGE(1, 42000)",
        "CREATE TABLE audit_note (n INT)",
        "INSERT INTO audit_note VALUES (0)");
    h.write("ruleset.yml", RULESET);
    return h;
  }

  /** The tables' contents, as a digest (a failure would print 87,000 rows otherwise). */
  private static String tables(CliHarness h) throws Exception {
    String all = h.dump("people", "id") + h.dump("pairs", "a, b") + h.dump("audit_note", "n");
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(all.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void twoWorkersAndTwoShardsGiveTheTableOneWorkerGives() throws Exception {
    CliHarness one = harness("one");
    String before = tables(one);
    assertThat(
            one.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--workers", "1")
                .code())
        .isZero();
    String expected = tables(one);
    assertThat(expected).isNotEqualTo(before);
    assertThat(one.count("SELECT COUNT(*) FROM \"guise\".\"progress\"")).isEqualTo(2);

    CliHarness two = harness("two");
    CliHarness.Result r =
        two.run(
            "run",
            "ruleset.yml",
            "-c",
            "db",
            "--disable-instance-secret",
            "--workers",
            "2",
            "--batch-size",
            "10000");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(tables(two)).isEqualTo(expected);
    // each table in two key ranges, each with its own checkpoint row, all finished
    assertThat(
            two.count(
                "SELECT COUNT(*) FROM \"guise\".\"progress\" WHERE \"task_id\" LIKE '2#_/2:45000'"
                    + " AND \"status\" = 'finished'"))
        .isEqualTo(2);
    assertThat(
            two.count(
                "SELECT COUNT(*) FROM \"guise\".\"progress\" WHERE \"task_id\" LIKE '3#_/2:42000'"
                    + " AND \"status\" = 'finished'"))
        .isEqualTo(2);
    assertThat(
            two.count(
                "SELECT SUM(\"rows_updated\") FROM \"guise\".\"progress\" WHERE \"task_id\" LIKE '2#%'"))
        .isEqualTo(45000);
    assertThat(two.lastLog()).contains("2 key ranges masked at once");
    assertThat(two.lastRecord()).contains("\"rows_updated\" : 87000");

    CliHarness shards = harness("shards");
    r = shards.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "1/2");
    assertThat(r.code()).as(r.all()).isZero();
    String half = tables(shards);
    assertThat(half).isNotEqualTo(before).isNotEqualTo(expected);
    assertThat(shards.count("SELECT n FROM audit_note")).isEqualTo(1);
    r = shards.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "2/2");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(tables(shards)).isEqualTo(expected);
    // run_sql ran in shard 1 only
    assertThat(shards.count("SELECT n FROM audit_note")).isEqualTo(1);
    assertThat(shards.lastLog()).contains("runs in shard 1 only");
    assertThat(shards.lastRecord()).contains("\"shard\" : \"2/2\"");
    // the table is masked: a whole run, or the same shard again, is refused
    assertThat(shards.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret").code())
        .isEqualTo(ExitCodes.INVALID);
    assertThat(
            shards
                .run(
                    "run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "2/2")
                .code())
        .isEqualTo(ExitCodes.INVALID);
    assertThat(tables(shards)).isEqualTo(expected);
  }

  @Test
  void aShardOfAnotherSetIsRefusedWhileTheFirstSetIsUnfinished() throws Exception {
    CliHarness h = harness("sets");
    CliHarness.Result first =
        h.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "1/2");
    assertThat(first.code()).as(first.all()).isZero();
    String after = tables(h);

    CliHarness.Result r =
        h.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "2/3");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .containsIgnoringCase("people")
        .contains("is being masked in 2 shards of ruleset");

    h.write("other.yml", RULESET.replace("{[a-z],8}@example.com", "{[a-z],9}@example.com"));
    r = h.run("run", "other.yml", "-c", "db", "--disable-instance-secret", "--shard", "2/2");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("is being masked in 2 shards of ruleset");
    assertThat(tables(h)).isEqualTo(after);
  }

  /**
   * Rows added between shard 1 and shard 2 move the cuts, so shard 2's part would not meet shard
   * 1's: shard 2 is refused naming the table and both key counts, and changes nothing; once the set
   * is finished (here: shard 2 run before the rows came), a new round starts as usual.
   */
  @Test
  void rowsAddedBetweenTheShardsRefuseTheNextShard() throws Exception {
    CliHarness h = harness("drift");
    CliHarness.Result first =
        h.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "1/2");
    assertThat(first.code()).as(first.all()).isZero();
    h.sql("INSERT INTO people VALUES (1, 'Added', 'added@corp.test')");
    String after = tables(h);

    CliHarness.Result r =
        h.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "2/2");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .containsIgnoringCase("people")
        .contains("has 45001 keys now and had 45000 when shard 1/2")
        .contains("rows were added or deleted since")
        .doesNotContain("pairs -"); // its keys did not change
    assertThat(tables(h)).isEqualTo(after);

    h.sql("DELETE FROM people WHERE id = 1");
    r = h.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", "2/2");
    assertThat(r.code()).as("the keys are back as shard 1 cut them: %s", r.all()).isZero();
  }

  /**
   * A run that masked a table whole (one worker) and failed part-way goes on whole when resumed,
   * even where the record asks for two workers (as one written before key ranges would): cutting
   * the table then would mask its first rows again, which hash_columns on the masked column show.
   */
  @Test
  void aRunThatMaskedATableWholeResumesWhole() throws Exception {
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: people
            key: id
            rules:
              - column: name
                hash_columns: [name]
                masks: [{type: from_format_string, value_format: "{[A-Z]}{[a-z],6}"}]
        """;
    CliHarness once = harness("once");
    once.write("r.yml", ruleset);
    assertThat(once.run("run", "r.yml", "-c", "db", "--disable-instance-secret").code()).isZero();
    String expected = once.dump("people", "id");

    CliHarness h = harness("resumed");
    h.write("r.yml", ruleset);
    // masked names never start with 'Person': every batch from key 60,000 on fails
    h.sql("ALTER TABLE people ADD CONSTRAINT half CHECK (id < 60000 OR name LIKE 'Person%')");
    CliHarness.Result failed =
        h.run(
            "run",
            "r.yml",
            "-c",
            "db",
            "--disable-instance-secret",
            "--workers",
            "1",
            "--batch-size",
            "10000");
    assertThat(failed.code()).as(failed.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE name NOT LIKE 'Person%'"))
        .isPositive()
        .isLessThan(45000);
    h.sql("ALTER TABLE people DROP CONSTRAINT half");
    Path record;
    try (var runs = java.nio.file.Files.list(h.home.resolve("runs"))) {
      record = runs.sorted().reduce((a, b) -> b).orElseThrow().resolve("run.json");
    }
    String id = record.getParent().getFileName().toString();
    java.nio.file.Files.writeString(
        record,
        java.nio.file.Files.readString(record).replace("\"workers\" : 1", "\"workers\" : 2"));
    assertThat(java.nio.file.Files.readString(record)).contains("\"workers\" : 2");

    CliHarness.Result resumed = h.run("run", "--resume", id);
    assertThat(resumed.code()).as(resumed.all()).isZero();
    assertThat(h.dump("people", "id").equals(expected))
        .as("the resumed table equals an uninterrupted run's")
        .isTrue();
  }

  @Test
  void keyMaskingAndABadShardAreRefused() throws Exception {
    CliHarness h = harness("refused");
    String before = tables(h);
    h.write(
        "keys.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: people
            key: id
            rules:
              - column: id
                masks: [{type: imitate_unique}]
        """);
    CliHarness.Result r =
        h.run("run", "keys.yml", "-c", "db", "--disable-instance-secret", "--shard", "1/2");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("key masking cannot be sharded");
    for (String bad : new String[] {"0/2", "3/2", "1/1", "x", "1/2/3"}) {
      r = h.run("run", "ruleset.yml", "-c", "db", "--disable-instance-secret", "--shard", bad);
      assertThat(r.code()).as(bad + ": " + r.all()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("--shard");
    }
    assertThat(tables(h)).isEqualTo(before);
  }
}
