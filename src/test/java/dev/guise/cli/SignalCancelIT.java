package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT to the real jar during a long run: exit 6, status cancelled, and the record's counts match
 * the rows actually changed. Runs in {@code verify}, after the jar is built.
 */
class SignalCancelIT {
  @TempDir Path dir;

  @Test
  void sigintCancelsGracefullyAndTheRecordMatchesTheData() throws Exception {
    CliHarness h = new CliHarness(dir);
    try (LongJarRun run = LongJarRun.start(h)) {
      Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(run.process.pid())).start();
      assertThat(kill.waitFor(LongJarRun.WAIT_SECONDS, TimeUnit.SECONDS))
          .as("kill returned")
          .isTrue();
      run.awaitExit("SIGINT");
      run.assertCancelledExactly(h);
      assertThat(run.output.toString()).contains("Cancelling");
    }
  }
}
