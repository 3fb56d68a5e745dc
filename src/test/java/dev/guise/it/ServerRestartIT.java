package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server of a run restarted (an immediate shutdown, then a start) while the real jar
 * masks a table in batches: the run ends {@code failed} within a bounded time, its record names the
 * connection and no value, its counts and last key equal what the table and the progress table
 * hold, and {@code --resume} ends with the table one uninterrupted run leaves, byte for byte. The
 * server is this test's own {@link ThrowawayPostgres}, never the shared one.
 */
class ServerRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 40_000;
  private static final int BATCH = 500;

  /** A dead server is seen at once (its sockets close); this bounds the run's reaction to it. */
  private static final long EXIT_WITHIN_SECONDS = 45;

  @TempDir Path tmp;

  @Test
  void aRunWhoseServerRestartsFailsCleanlyWithAnExactRecordAndResumes() throws Exception {
    long seed = Long.getLong("guise.restart.seed", System.nanoTime());
    int restartAt = 2 + new Random(seed).nextInt(8);
    System.out.printf("server restart seed %d: restart after batch %d%n", seed, restartAt);
    try (ThrowawayPostgres pg = new ThrowawayPostgres().start();
        PostgresEngine e = new PostgresEngine(pg.url())) {
      e.open();
      KillResumeIT.fill(e, ROWS);
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
      GuiseCli.Result once = cli.run(KillResumeIT.RULESET, "--batch-size", Integer.toString(BATCH));
      assertThat(once.exit()).as(once.toString()).isZero();
      List<Map<String, Object>> expected = e.dump("people");
      KillResumeIT.refill(e, ROWS);

      long[] killedAt = new long[1];
      GuiseProcess child =
          new GuiseProcess(
              tmp.resolve("work"),
              GuiseProcess.env(tmp.resolve("home")),
              restartAt,
              () -> {
                pg.kill(); // on the output reader: the child is mid-run, a batch or two later
                killedAt[0] = System.nanoTime();
              },
              List.of(
                  "run",
                  "ruleset.yml",
                  "-c",
                  "it",
                  "--batch-size",
                  Integer.toString(BATCH),
                  // one key range: the test reads the task's one progress row
                  "--workers",
                  "1",
                  "--remask"));
      child.batchSeen.get(GuiseProcess.WAIT_SECONDS, TimeUnit.SECONDS);
      pg.start();
      int exit = child.await(EXIT_WITHIN_SECONDS);
      long reactionMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt[0]);
      e.reconnect();
      String runId = newestRun();
      JsonNode record = JSON.readTree(tmp.resolve("home/runs/" + runId + "/run.json").toFile());
      long masked = countMasked(e);
      ProgressRow progress = progress(e, runId);
      JsonNode task = record.path("tasks").get(0);
      System.out.printf(
          "restart after batch %d: exit %d %d ms after the kill; record %s, %d rows updated,"
              + " last key %s; table %d masked; progress row %d rows, last key %s (%s)%n",
          restartAt,
          exit,
          reactionMs,
          record.path("status").asText(),
          task.path("rows_updated").asLong(),
          task.path("last_key"),
          masked,
          progress.rowsUpdated,
          progress.lastKey,
          progress.status);

      System.out.print(child);
      // 5, not 4: the run started and recorded a task's failure (4 is for a database unreachable
      // before the run writes anything, or refusing a statement outside a task)
      assertThat(exit).as("exit code (5: a task failed)%n%s", child).isEqualTo(5);
      assertThat(child.toString()).doesNotContain("\tat ", "orig", "corp.example");
      assertThat(record.path("status").asText()).isEqualTo("failed");
      String error = task.path("error").asText();
      assertThat(error)
          .as(error)
          .contains("connection 'it' lost", "guise run --resume " + runId)
          .doesNotContain("orig", "corp.example");
      assertThat(masked).as("masked rows, a whole number of batches").isPositive();
      assertThat(masked % BATCH).isZero();
      assertThat(task.path("rows_updated").asLong()).as("record vs table").isEqualTo(masked);
      assertThat(record.path("rows_updated").asLong()).isEqualTo(masked);
      assertThat(progress.rowsUpdated).as("progress row vs table").isEqualTo(masked);
      assertThat(task.path("last_key").toString()).isEqualTo("[" + masked + "]");
      assertThat(progress.lastKey).isEqualTo("[\"" + masked + "\"]");

      GuiseCli.Result resumed = cli.command("run", "--resume", runId, "--format", "json");
      assertThat(resumed.exit()).as(resumed.toString()).isZero();
      assertThat(resumed.record().path("options").path("resumed_from").asText()).isEqualTo(runId);
      assertThat(e.dump("people"))
          .as("seed %d: restarted after batch %d, then resumed", seed, restartAt)
          .isEqualTo(expected);
    }
  }

  private record ProgressRow(String status, long rowsUpdated, String lastKey) {}

  private String newestRun() throws Exception {
    try (Stream<Path> s = Files.list(tmp.resolve("home/runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  private static long countMasked(TestEngine e) throws SQLException {
    try (PreparedStatement ps =
            e.admin().prepareStatement("SELECT COUNT(*) FROM " + e.t("people") + " WHERE v <> ?");
        ResultSet rs = bind(ps, "orig").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static ProgressRow progress(TestEngine e, String runId) throws SQLException {
    try (PreparedStatement ps =
            e.admin()
                .prepareStatement(
                    "SELECT status, rows_updated, last_key FROM guise.progress WHERE run_id = ?");
        ResultSet rs = bind(ps, runId).executeQuery()) {
      assertThat(rs.next()).as("a progress row for run %s", runId).isTrue();
      return new ProgressRow(rs.getString(1), rs.getLong(2), rs.getString(3));
    }
  }

  private static PreparedStatement bind(PreparedStatement ps, String value) throws SQLException {
    ps.setString(1, value);
    return ps;
  }
}
