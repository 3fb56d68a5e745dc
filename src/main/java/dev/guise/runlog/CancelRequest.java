package dev.guise.runlog;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A request to cancel a run from another process ({@code guise runs cancel}): a {@code cancel} file
 * in the run's folder, which the running process watches and answers as it answers Ctrl-C.
 */
public final class CancelRequest {
  public static final String FILE = "cancel";
  private static final long POLL_MILLIS = 200;

  private CancelRequest() {}

  /** Asks the run in {@code runDir} to stop; says who asked, for the run's log. */
  public static void write(Path runDir, Instant at, String by) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requested_time", at);
    m.put("requested_by", by);
    Path tmp = runDir.resolve(FILE + ".tmp");
    try {
      Files.writeString(tmp, Json.MAPPER.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          runDir
              + " - cannot write the cancel request ("
              + e.getClass().getSimpleName()
              + "); check the folder's permissions");
    }
  }

  /**
   * Watches {@code runDir} for a request until closed; the first one found is removed (so a later
   * run in the same folder, e.g. a resumed one, does not stop at once) and handed to {@code
   * onRequest} with who asked. A request left from before the watch began is dropped unseen.
   */
  public static Watch watch(Path runDir, Consumer<String> onRequest) {
    Path file = runDir.resolve(FILE);
    try {
      Files.deleteIfExists(file);
    } catch (IOException stale) {
      // an unremovable stale request: the first poll will honour it, which errs on stopping
    }
    ScheduledExecutorService poll =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cancel-request-watch");
              t.setDaemon(true);
              return t;
            });
    poll.scheduleWithFixedDelay(
        () -> {
          if (Files.exists(file)) {
            String by = requestedBy(file);
            try {
              Files.deleteIfExists(file);
            } catch (IOException e) {
              // the run stops anyway; a leftover file is dropped by the next watch
            }
            poll.shutdown();
            onRequest.accept(by);
          }
        },
        0,
        POLL_MILLIS,
        TimeUnit.MILLISECONDS);
    return poll::shutdownNow;
  }

  private static String requestedBy(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile()).path("requested_by").asText("another process");
    } catch (IOException e) {
      return "another process";
    }
  }

  /** Stops watching. */
  @FunctionalInterface
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
