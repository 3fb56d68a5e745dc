package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guise runs cancel} from this process stops a run of the real jar in another: exit 6 there,
 * exit 0 here, status cancelled, the record's counts equal to the rows changed, and the audit log
 * holding both sides. Runs in {@code verify}, after the jar is built.
 */
class RunsCancelIT {
  @TempDir Path dir;

  @Test
  void cancelsARunOfAnotherProcessGracefully() throws Exception {
    CliHarness h = new CliHarness(dir);
    CliHarness.Result cancel;
    try (LongJarRun run = LongJarRun.start(h)) {
      String id;
      try (var runs = Files.list(h.home.resolve("runs"))) {
        id = runs.findFirst().orElseThrow().getFileName().toString();
      }
      cancel = h.run("runs", "cancel", id, "--wait", String.valueOf(LongJarRun.WAIT_SECONDS));
      run.awaitExit("guise runs cancel");
      run.assertCancelledExactly(h);
    }
    assertThat(cancel.code()).as(cancel.all()).isZero();
    assertThat(cancel.out()).contains("cancelled");
    assertThat(h.lastLog()).contains("cancel requested by " + System.getProperty("user.name"));
    List<String> events =
        Files.readAllLines(h.home.resolve("audit.jsonl")).stream()
            .map(RunsCancelIT::event)
            .toList();
    assertThat(events).containsExactly("run_started", "cancel_requested", "run_cancelled");
  }

  private static String event(String line) {
    try {
      return Json.MAPPER.readTree(line).path("event").asText();
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
