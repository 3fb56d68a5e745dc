package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume} of a file run that was stopped part-way: the files it finished are kept (not
 * written again), a kept file changed in the target since is masked again, the others are masked,
 * and the target ends byte for byte as an uninterrupted run leaves it. The run log's line per
 * finished file is what the resume reads, so a run stopped by kill -9 resumes the same way.
 */
class FileRunResumeTest {
  private static final int FILES = 12;

  @TempDir Path dir;

  private static final String RULES =
      """
      version: '1.0'
      tasks:
        - type: mask_tabular_file
          rules:
            - column: email
              hash_columns: [email]
              masks:
                - type: from_format_string
                  value_format: "{[a-z],8}@example.com"
            - column: name
              masks: [{type: from_format_string, value_format: "{[A-Z]}{[a-z],6}"}]
      """;

  @Test
  void aCancelledFileRunResumesKeepingTheFilesItFinished() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.writeFileConnections();
    Files.createDirectories(dir.resolve("out"));
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int f = 0; f < FILES; f++) {
      try (BufferedWriter w =
          Files.newBufferedWriter(in.resolve(String.format("part%02d.csv", f)))) {
        w.write("id,name,email\n");
        for (int i = 0; i < 60_000; i++) {
          w.write(i + ",Person " + i + ",user" + (i * 7 + f) + "@mail.test\n");
        }
      }
    }
    CompletableFuture<CliHarness.Result> run = h.runFilesInBackground(RULES);
    String id = awaitFilesWritten(h, run, 2);
    assertThat(h.run("runs", "cancel", id, "--wait", "60").code()).isZero();
    assertThat(run.get(60, TimeUnit.SECONDS).code()).isEqualTo(ExitCodes.CANCELLED);

    Map<String, FileTime> finished = written(dir.resolve("out"));
    assertThat(finished).hasSizeBetween(2, FILES - 1);
    String changed = finished.keySet().iterator().next();
    Files.writeString(dir.resolve("out").resolve(changed), "id,name,email\n"); // cut short
    Thread.sleep(20); // so that a file written again has a later time

    CliHarness.Result resumed = h.run("run", "--resume", id);
    assertThat(resumed.code()).as(resumed.all()).isZero();
    String again = newestRun(h);
    JsonNode rec = Json.MAPPER.readTree(h.home.resolve("runs/" + again + "/run.json").toFile());
    assertThat(rec.path("options").path("resumed_from").asText()).isEqualTo(id);
    String report = Files.readString(h.home.resolve("runs/" + again + "/file-report.csv"));
    long kept = report.lines().filter(l -> l.contains("kept by --resume")).count();
    assertThat(kept).isEqualTo(finished.size() - 1);
    assertThat(report.lines().filter(l -> l.contains(",masked,")).count()).isEqualTo(FILES);
    assertThat(report.lines().filter(l -> l.startsWith(changed + ",")))
        .as("the file cut short in the target is masked again, not kept")
        .singleElement()
        .satisfies(l -> assertThat(l).endsWith(",masked,"));
    Map<String, FileTime> after = written(dir.resolve("out"));
    assertThat(after).hasSize(FILES);
    for (Map.Entry<String, FileTime> e : finished.entrySet()) {
      if (!e.getKey().equals(changed)) {
        assertThat(after.get(e.getKey()))
            .as("%s kept, not rewritten", e.getKey())
            .isEqualTo(e.getValue());
      }
    }
    try (Stream<Path> s = Files.walk(dir.resolve("out"))) {
      assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .as("no part file left")
          .allMatch(n -> n.matches("part\\d\\d\\.csv"));
    }

    // an uninterrupted run of the same ruleset and secret gives the same bytes
    Files.move(dir.resolve("out"), dir.resolve("resumed"));
    Files.createDirectories(dir.resolve("out"));
    assertThat(h.runFiles(RULES).code()).isZero();
    for (String f : after.keySet()) {
      assertThat(Files.mismatch(dir.resolve("out").resolve(f), dir.resolve("resumed").resolve(f)))
          .as(f)
          .isEqualTo(-1L);
    }
    // a finished run has nothing to resume
    CliHarness.Result twice = h.run("run", "--resume", again);
    assertThat(twice.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(twice.err()).contains("finished; there is nothing to resume");
  }

  private static Map<String, FileTime> written(Path out) throws Exception {
    Map<String, FileTime> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(out)) {
      for (Path p :
          s.filter(p -> p.getFileName().toString().matches("part\\d\\d\\.csv")).toList()) {
        m.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  private static String newestRun(CliHarness h) throws Exception {
    try (Stream<Path> s = Files.list(h.home.resolve("runs"))) {
      List<String> ids = new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
      return ids.get(ids.size() - 1);
    }
  }

  /** The id of the file run once its log says {@code n} files are whole in the target. */
  private static String awaitFilesWritten(
      CliHarness h, CompletableFuture<CliHarness.Result> run, int n) throws Exception {
    return h.awaitRun(
        run,
        d -> {
          try {
            Path log = d.resolve("log.jsonl");
            return Files.exists(log)
                && Files.readString(log).lines().filter(l -> l.contains("file_written")).count()
                    >= n;
          } catch (java.io.IOException e) {
            return false;
          }
        });
  }
}
