package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.FingerprintStore;
import dev.guise.runlog.RunRecorder;
import dev.guise.runlog.RunStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A resumed run continues its first run's fingerprints (its batches carry on the count), so both
 * keep them in the first run's folder.
 */
final class RunChain {
  private RunChain() {}

  /** Keeps the run's originals' fingerprints for 'guise verify', in its first run's folder. */
  static FingerprintStore prints(Path runsDir, RunRecorder recorder, JsonNode resumed) {
    RunStore store = new RunStore(runsDir);
    return new FingerprintStore(
        resumed == null ? store.folder(recorder.snapshot().id()) : first(store, resumed));
  }

  /** The folder of the first run of the chain that {@code record} continues (itself if none). */
  static Path first(RunStore store, JsonNode record) {
    JsonNode r = record;
    Set<String> seen = new HashSet<>();
    while (true) {
      String from = r.path("options").path("resumed_from").asText("");
      if (from.isEmpty() || !seen.add(from)) {
        return store.folder(r.path("id").asText());
      }
      try {
        r = store.show(from);
      } catch (RuntimeException gone) {
        return store.folder(r.path("id").asText());
      }
    }
  }
}
