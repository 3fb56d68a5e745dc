package dev.guise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the child's merged output on its own thread, so a child that stops printing cannot block
 * the test; {@code seen} completes at the first line containing the marker.
 */
final class ChildOutput {
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
