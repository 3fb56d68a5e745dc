package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real jar killed with SIGKILL right after it reported a committed batch: the checkpoint in the
 * progress table equals what the table holds (never a batch behind), and {@code --resume} ends with
 * the table an uninterrupted run leaves, byte for byte. Runs in {@code verify}, after the jar is
 * built.
 */
class KillResumeIT {
  /** Two masked columns of {@code people}, one of them hashed on its own value. */
  static final String RULESET =
      "version: '1.0'\n"
          + "tasks:\n"
          + "  - type: mask_table\n"
          + "    table: people\n"
          + "    key: id\n"
          + "    rules:\n"
          + "      - column: v\n"
          + "        masks: [{type: from_format_string, value_format: \"{[a-z],8}\"}]\n"
          + "      - column: email\n"
          + "        hash_columns: [email]\n"
          + "        masks: [{type: from_format_string, value_format: \"{[a-z],10}@example.com\"}]\n";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mariadb"})
  void aKilledRunsCheckpointEqualsTheRowsItCommitted(String engineName) throws Exception {
    try (TestEngine e = Engines.forProcesses(engineName, tmp)) {
      assumeTrue(e != null, engineName + ": its GUISE_IT_*_URL is not set; skipped");
      e.open();
      fill(e, 60_000);
      new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0); // writes connections.yml
      Files.writeString(tmp.resolve("work/ruleset.yml"), RULESET);
      for (int killAfter : List.of(3, 17, 41)) {
        GuiseProcess p = child(e, killAfter, "--remask");
        p.await();
        assertThat(p.batchSeen).as("killed after batch %d:%n%s", killAfter, p).isDone();
        String runId = newestRun();
        long[] row = progress(e, runId);
        long maskedInTable = count(e, "SELECT COUNT(*) FROM " + e.t("people") + " WHERE v <> ?");
        System.out.printf(
            "%s: killed after batch %d: progress rows say %d rows updated in %d batches,"
                + " the table holds %d masked%n",
            engineName, killAfter, row[0], row[1], maskedInTable);
        assertThat(row[0]).as("progress row vs table, run %s", runId).isEqualTo(maskedInTable);
        assertThat(row[1] * 500).isEqualTo(maskedInTable);
        refill(e, 60_000);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mariadb"})
  void killedRunsResumeToTheUninterruptedResult(String engineName) throws Exception {
    try (TestEngine e = Engines.forProcesses(engineName, tmp)) {
      assumeTrue(e != null, engineName + ": its GUISE_IT_*_URL is not set; skipped");
      e.open();
      // 60,000 rows: masked in two key ranges at once (--workers 2, the default), so a kill
      // leaves each range at its own last key and the resume goes on in both
      int rows = 60_000;
      fill(e, rows);
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
      GuiseCli.Result once = cli.run(RULESET, "--batch-size", "500");
      assertThat(once.exit()).as(once.toString()).isZero();
      List<Map<String, Object>> expected = e.dump("people");
      // the uninterrupted run cut the table in two: a checkpoint row per key range
      assertThat(
              count(
                  e,
                  "SELECT COUNT(*) FROM "
                      + e.q("guise")
                      + "."
                      + e.q("progress")
                      + " WHERE "
                      + e.q("run_id")
                      + " = '"
                      + once.record().path("id").asText()
                      + "' AND "
                      + e.q("task_id")
                      + " LIKE '1#_/2:60000' AND 'orig' = ?"))
          .isEqualTo(2);
      long seed = Long.getLong("guise.kill.seed", System.nanoTime());
      Random random = new Random(seed);
      List<Integer> points = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        points.add(1 + random.nextInt(rows / 500 - 1));
      }
      System.out.printf("%s: kill seed %d, kill after batches %s%n", engineName, seed, points);
      int equal = 0;
      for (int killAfter : points) {
        refill(e, rows);
        GuiseProcess p = child(e, killAfter, "--remask");
        int exit = p.await();
        assertThat(p.batchSeen)
            .as("seed %d, batch %d:%n%s (exit %d)", seed, killAfter, p, exit)
            .isDone();
        String killed = newestRun();
        GuiseCli.Result resumed = cli.command("run", "--resume", killed, "--format", "json");
        assertThat(resumed.exit()).as("seed %d, batch %d: %s", seed, killAfter, resumed).isZero();
        assertThat(resumed.record().path("options").path("resumed_from").asText())
            .isEqualTo(killed);
        assertThat(e.dump("people"))
            .as("seed %d, killed after batch %d then resumed", seed, killAfter)
            .isEqualTo(expected);
        equal++;
      }
      System.out.printf(
          "%s: %d kill points, %d resumed equal to the uninterrupted run%n",
          engineName, points.size(), equal);
    }
  }

  private GuiseProcess child(TestEngine e, int killAfter, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("run", "ruleset.yml", "-c", "it", "--batch-size", "500"));
    args.addAll(List.of(more));
    return new GuiseProcess(
        tmp.resolve("work"), GuiseProcess.env(tmp.resolve("home")), killAfter, args);
  }

  private String newestRun() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("home/runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  /** Creates {@code people} with {@code rows} rows, each {@code v} "orig". */
  static void fill(TestEngine e, int rows) throws SQLException {
    e.sql(
        "CREATE TABLE "
            + e.t("people")
            + " (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL, email VARCHAR(60) NOT NULL)");
    List<Object[]> data = new ArrayList<>(rows);
    for (int i = 1; i <= rows; i++) {
      data.add(new Object[] {(long) i, "orig", "person" + (i % 7000) + "@corp.example"});
    }
    e.insert("people", List.of("id", "v", "email"), data);
  }

  static void refill(TestEngine e, int rows) throws SQLException {
    e.sql("DROP TABLE " + e.t("people"));
    fill(e, rows);
  }

  /** rows_updated and batches of the run's progress row. */
  private static long[] progress(TestEngine e, String runId) throws SQLException {
    try (PreparedStatement ps =
        e.admin()
            .prepareStatement(
                // summed: a table of 60,000 rows is masked in two key ranges, a row each
                "SELECT SUM("
                    + e.q("rows_updated")
                    + "), SUM("
                    + e.q("batches")
                    + "), COUNT(*) FROM "
                    + e.q("guise")
                    + "."
                    + e.q("progress")
                    + " WHERE "
                    + e.q("run_id")
                    + " = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(3)).as("progress rows of run %s", runId).isPositive();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  private static long count(TestEngine e, String sql) throws SQLException {
    try (PreparedStatement ps = e.admin().prepareStatement(sql)) {
      ps.setString(1, "orig");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
