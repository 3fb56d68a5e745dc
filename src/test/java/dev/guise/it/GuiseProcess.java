package dev.guise.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real jar ({@code target/guise.jar}) as a child process in a working folder, its merged output
 * read on a thread of its own; {@link #batchSeen} completes at the n-th committed-batch line, after
 * the action given for it (by default SIGKILL to the child) has run.
 */
final class GuiseProcess {
  static final long WAIT_SECONDS = 120;

  final Process process;
  final CompletableFuture<Void> batchSeen = new CompletableFuture<>();
  private final StringBuffer text = new StringBuffer();
  private final Thread reader;

  /**
   * @param killAfterBatches the committed-batch line that completes {@link #batchSeen}
   */
  GuiseProcess(Path dir, Map<String, String> env, int killAfterBatches, List<String> args)
      throws IOException {
    this(dir, env, killAfterBatches, null, args);
  }

  /**
   * @param atBatchLine the committed-batch line that runs {@code atBatch}
   * @param atBatch runs on the output reader at the n-th committed-batch line, the child still
   *     running (no added latency); null to SIGKILL the child there
   */
  GuiseProcess(
      Path dir, Map<String, String> env, int atBatchLine, Runnable atBatch, List<String> args)
      throws IOException {
    Path jar = Path.of("target/guise.jar").toAbsolutePath();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    process = pb.start();
    AtomicInteger batches = new AtomicInteger();
    reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.endsWith(" rows") && line.contains("/")) {
                    if (batches.incrementAndGet() == atBatchLine) {
                      if (atBatch == null) {
                        process.destroyForcibly(); // SIGKILL, from the reader: no added latency
                        batchSeen.complete(null);
                      } else {
                        try {
                          atBatch.run();
                          batchSeen.complete(null);
                        } catch (RuntimeException e) {
                          batchSeen.completeExceptionally(e); // the output is still read
                        }
                      }
                    }
                  }
                  text.append(line).append('\n');
                }
              } catch (IOException e) {
                text.append("[reading the output failed: ").append(e).append("]\n");
              }
            },
            "guise-child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** The environment a child needs: its own GUISE_HOME and the suites' run secret. */
  static Map<String, String> env(Path home) {
    return Map.of("GUISE_HOME", home.toString(), "GUISE_RUN_SECRET", GuiseCli.RUN_SECRET);
  }

  /** Waits for the process to end (killed or not) and for its output. */
  int await() throws InterruptedException {
    return await(WAIT_SECONDS);
  }

  /** As {@link #await()}, failing (after a SIGKILL) when the child is not gone within seconds. */
  int await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("guise did not end within " + seconds + " s:\n" + this);
    }
    reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    return process.exitValue();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
