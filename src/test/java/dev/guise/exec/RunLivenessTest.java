package dev.guise.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A killed run's process counts as gone even while it is a zombie (ended, its parent not collecting
 * its status), as it is right after kill -9 until its parent reaps it, and for ever under a parent
 * that never does.
 */
class RunLivenessTest {
  @Test
  void aKilledProcessItsParentNeverReapsIsDeadAndALiveOneIsNot() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
    // the shell starts the "run" in the background, then becomes a sleep that never reaps it
    Process parent = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 60").start();
    try {
      long pid;
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
        pid = Long.parseLong(r.readLine().trim());
      }
      Thread.sleep(50);
      Instant since = Instant.now(); // the run was created as its process started
      String host = RunLiveness.thisHost();
      assertThat(RunLiveness.deadHere(host, pid, since)).as("alive").isFalse();

      new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!RunLiveness.zombie(pid) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(RunLiveness.zombie(pid)).as("killed, never reaped").isTrue();
      assertThat(RunLiveness.deadHere(host, pid, since)).as("a zombie is dead").isTrue();
    } finally {
      parent.destroyForcibly();
    }
  }
}
