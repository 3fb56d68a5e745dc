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
 * read on a thread of its own; {@link #batchSeen} completes at the n-th committed-batch line.
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
                    if (batches.incrementAndGet() == killAfterBatches) {
                      process.destroyForcibly(); // SIGKILL, from the reader: no added latency
                      batchSeen.complete(null);
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

  /** Waits for the process to end (killed or not) and for its output. */
  int await() throws InterruptedException {
    if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("guise did not end within " + WAIT_SECONDS + " s:\n" + this);
    }
    reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    return process.exitValue();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
