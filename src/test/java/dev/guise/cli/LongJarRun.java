package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run of the real jar over 400,000 rows in 500-row batches, long enough to be stopped from
 * outside: started, watched until its first progress line, and checked after it was cancelled.
 */
final class LongJarRun implements AutoCloseable {
  static final long WAIT_SECONDS = 120;
  static final int ROWS = 400000;

  final Process process;
  final ChildOutput output;

  private LongJarRun(Process process) {
    this.process = process;
    this.output = new ChildOutput(process, "/" + ROWS + " rows");
  }

  /** Creates the table and ruleset, starts the jar and returns once it reports progress. */
  static LongJarRun start(CliHarness h) throws Exception {
    h.sql(
        "CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(20))",
        "INSERT INTO big SELECT x, 'orig' FROM SYSTEM_RANGE(1, " + ROWS + ")");
    h.write(
        "r.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: big\n    key: id\n    rules:\n"
            + "      - column: v\n        masks: [{type: from_random_text, max: 12}]\n");
    Path jar = Path.of("target/guise.jar").toAbsolutePath();
    assertThat(jar).exists();
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "run",
                "r.yml",
                "-c",
                "db",
                "--batch-size",
                "500")
            .directory(h.dir.toFile())
            .redirectErrorStream(true);
    pb.environment().putAll(h.env);
    LongJarRun run = new LongJarRun(pb.start());
    try {
      CompletableFuture.anyOf(run.output.seen, run.process.onExit())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      run.close();
      throw new AssertionError(
          "no progress line within " + WAIT_SECONDS + " s; output so far:\n" + run.output, e);
    }
    assertThat(run.output.seen).as("progress before the process ended:%n%s", run.output).isDone();
    return run;
  }

  /** Waits for the process to end and for its output to be read to the end. */
  void awaitExit(String after) throws InterruptedException {
    assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("exit within %d s of %s; output so far:%n%s", WAIT_SECONDS, after, output)
        .isTrue();
    output.reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
  }

  /** Exit 6, status cancelled, and the record's counts and last key equal to the rows changed. */
  JsonNode assertCancelledExactly(CliHarness h) throws Exception {
    assertThat(process.exitValue()).as(output.toString()).isEqualTo(ExitCodes.CANCELLED);
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("status").asText()).isEqualTo("cancelled");
    JsonNode task = rec.path("tasks").get(0);
    long updated = task.path("rows_updated").asLong();
    assertThat(updated).isPositive().isLessThan(ROWS);
    assertThat(h.count("SELECT COUNT(*) FROM big WHERE v <> 'orig'")).isEqualTo(updated);
    // the table is masked in two key ranges at once: each range's checkpoint row counts its own
    // committed rows, and the row at each range's last key is masked
    String run = "'" + rec.path("id").asText() + "'";
    String progress = "\"guise\".\"progress\" WHERE \"run_id\" = " + run;
    assertThat(h.count("SELECT COUNT(*) FROM " + progress)).isEqualTo(2);
    assertThat(h.count("SELECT SUM(\"rows_updated\") FROM " + progress)).isEqualTo(updated);
    assertThat(
            h.count(
                "SELECT COUNT(*) FROM big WHERE v = 'orig' AND CAST(id AS VARCHAR(20)) IN (SELECT"
                    + " REPLACE(REPLACE(\"last_key\", '[\"', ''), '\"]', '') FROM "
                    + progress
                    + ")"))
        .isZero();
    assertThat(h.count("SELECT COUNT(*) FROM " + progress + " AND \"status\" = 'cancelled'"))
        .isEqualTo(2);
    assertThat(h.lastLog()).contains("run cancelled");
    return rec;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
