package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT to the real jar during a long run: exit 6, status cancelled, and the record's counts match
 * the rows actually changed. Runs in {@code verify}, after the jar is built.
 */
class SignalCancelIT {
  private static final long WAIT_SECONDS = 120;

  @TempDir Path dir;

  @Test
  void sigintCancelsGracefullyAndTheRecordMatchesTheData() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(20))",
        "INSERT INTO big SELECT x, 'orig' FROM SYSTEM_RANGE(1, 400000)");
    h.write(
        "r.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: big\n    key: id\n    rules:\n"
            + "      - column: v\n        masks: [{type: from_random_text, max: 12}]\n");
    Path jar = Path.of("target/guise.jar").toAbsolutePath();
    assertThat(jar).exists();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "run",
                "r.yml",
                "-c",
                "db",
                "--batch-size",
                "500"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(h.env);
    Process p = pb.start();
    ChildOutput output = new ChildOutput(p, "/400000 rows");
    try {
      try {
        CompletableFuture.anyOf(output.seen, p.onExit()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(
            "no progress line within " + WAIT_SECONDS + " s; output so far:\n" + output, e);
      }
      assertThat(output.seen).as("progress before the process ended:%n%s", output).isDone();
      Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
      assertThat(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("kill returned").isTrue();
      assertThat(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS))
          .as("exit within %d s of SIGINT; output so far:%n%s", WAIT_SECONDS, output)
          .isTrue();
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    }
    output.reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(p.exitValue()).as(output.toString()).isEqualTo(ExitCodes.CANCELLED);
    assertThat(output.toString()).contains("Cancelling");
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("status").asText()).isEqualTo("cancelled");
    JsonNode task = rec.path("tasks").get(0);
    long updated = task.path("rows_updated").asLong();
    assertThat(updated).isPositive().isLessThan(400000);
    assertThat(h.count("SELECT COUNT(*) FROM big WHERE v <> 'orig'")).isEqualTo(updated);
    assertThat(h.count("SELECT MAX(id) FROM big WHERE v <> 'orig'"))
        .isEqualTo(task.path("last_key").get(0).asLong());
    assertThat(
            Files.readString(
                dir.resolve("home/runs").resolve(rec.path("id").asText()).resolve("log.jsonl")))
        .contains("run cancelled");
  }

  /**
   * Reads the child's merged output on its own thread, so a child that stops printing cannot block
   * the test; {@code seen} completes at the first line containing the marker.
   */
  private static final class ChildOutput {
    final CompletableFuture<Void> seen = new CompletableFuture<>();
    final Thread reader;
    private final StringBuffer text = new StringBuffer();

    ChildOutput(Process p, String marker) {
      reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    text.append(line).append('\n');
                    if (line.contains(marker)) {
                      seen.complete(null);
                    }
                  }
                } catch (IOException e) {
                  text.append("[reading the output failed: ").append(e).append("]\n");
                }
              },
              "child-output");
      reader.setDaemon(true);
      reader.start();
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
