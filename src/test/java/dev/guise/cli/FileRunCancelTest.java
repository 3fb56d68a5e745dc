package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guise runs cancel} stops a file run as it stops a database run: the run ends cancelled
 * (exit 6), the file being masked is abandoned (no part left in the target), the files not reached
 * are reported as skipped, and the log says who asked.
 */
class FileRunCancelTest {
  @TempDir Path dir;

  @Test
  void runsCancelStopsAFileRunBetweenRowsAndLeavesNoPartialFile() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.writeFileConnections();
    Files.createDirectories(dir.resolve("out"));
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int f = 0; f < 20; f++) {
      try (BufferedWriter w =
          Files.newBufferedWriter(in.resolve(String.format("part%02d.csv", f)))) {
        w.write("id,email\n");
        for (int i = 0; i < 100_000; i++) {
          w.write(i + ",user" + i + "@mail.test\n");
        }
      }
    }
    String rules =
        """
        version: '1.0'
        tasks:
          - type: mask_tabular_file
            rules:
              - column: email
                masks:
                  - type: from_format_string
                    value_format: "{[a-z],8}@example.com"
        """;
    CompletableFuture<CliHarness.Result> run = h.runFilesInBackground(rules);
    String id = awaitRunning(h, run);
    CliHarness.Result cancel = h.run("runs", "cancel", id, "--wait", "60");
    CliHarness.Result r = run.get(60, TimeUnit.SECONDS);
    assertThat(cancel.code()).as(cancel.all()).isZero();
    assertThat(cancel.out()).contains("cancelled");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.CANCELLED);
    JsonNode rec =
        Json.MAPPER.readTree(h.home.resolve("runs").resolve(id).resolve("run.json").toFile());
    assertThat(rec.path("status").asText()).isEqualTo("cancelled");
    assertThat(h.lastLog()).contains("cancel requested by " + System.getProperty("user.name"));
    String report = Files.readString(h.home.resolve("runs").resolve(id).resolve("file-report.csv"));
    assertThat(report).contains("run cancelled");
    try (Stream<Path> out = Files.walk(dir.resolve("out"))) {
      // whole files only: what was being masked is gone, nothing half-written stays
      assertThat(out.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .allMatch(n -> n.matches("part\\d\\d\\.csv"))
          .hasSizeLessThan(20);
    }
    try (Stream<Path> out = Files.walk(dir.resolve("out"))) {
      for (Path p : out.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readAllLines(p, StandardCharsets.UTF_8)).hasSize(100_001);
      }
    }
  }

  /** The id of the file run once its record says it is running. */
  private static String awaitRunning(CliHarness h, CompletableFuture<CliHarness.Result> run)
      throws Exception {
    return h.awaitRun(
        run,
        d -> {
          try {
            Path record = d.resolve("run.json");
            return Files.exists(record)
                && Json.MAPPER.readTree(record.toFile()).path("status").asText().equals("running");
          } catch (java.io.IOException halfWritten) {
            return false; // the record is being replaced; look again
          }
        });
  }
}
