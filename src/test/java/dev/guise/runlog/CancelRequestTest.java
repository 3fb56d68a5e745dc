package dev.guise.runlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelRequestTest {
  @TempDir Path dir;

  @Test
  void aRequestWrittenWhileWatchedIsHandedOverOnceWithWhoAskedAndRemoved() throws Exception {
    CompletableFuture<String> heard = new CompletableFuture<>();
    try (CancelRequest.Watch w = CancelRequest.watch(dir, heard::complete)) {
      CancelRequest.write(dir, Instant.parse("2026-01-01T00:00:00Z"), "ops (pid 42)");
      assertThat(heard.get(30, TimeUnit.SECONDS)).isEqualTo("ops (pid 42)");
    }
    assertThat(dir.resolve(CancelRequest.FILE)).doesNotExist();
    assertThat(dir.resolve(CancelRequest.FILE + ".tmp")).doesNotExist();
  }

  @Test
  void aRequestLeftFromBeforeTheWatchIsDropped() throws Exception {
    CancelRequest.write(dir, Instant.now(), "an earlier run's canceller");
    assertThat(dir.resolve(CancelRequest.FILE)).exists();
    try (CancelRequest.Watch w = CancelRequest.watch(dir, by -> {})) {
      assertThat(Files.exists(dir.resolve(CancelRequest.FILE))).isFalse();
    }
  }
}
