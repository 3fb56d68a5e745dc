package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.FingerprintStore;
import dev.guise.runlog.RunRecorder;
import dev.guise.runlog.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

  /**
   * The ids of the runs that {@code record} continues, nearest first: the run itself, the run it
   * resumed, and so on (empty when {@code record} is null). A run killed while it resumed another
   * left its predecessors' work unfinished too, so a resume reads them all.
   */
  static List<String> ids(Path runsDir, JsonNode record) {
    List<String> out = new ArrayList<>();
    RunStore store = new RunStore(runsDir);
    JsonNode r = record;
    while (r != null && out.add(r.path("id").asText())) {
      String from = r.path("options").path("resumed_from").asText("");
      if (from.isEmpty() || out.contains(from)) {
        break;
      }
      try {
        r = store.show(from);
      } catch (RuntimeException gone) {
        break;
      }
    }
    return out;
  }

  /**
   * The start the masks of a resumed run see: the first run's of the chain that started (a run
   * killed while validating has none), so dates computed from it do not move; null for a new run.
   */
  static java.time.Instant start(Path runsDir, JsonNode record) {
    RunStore store = new RunStore(runsDir);
    java.time.Instant start = null;
    for (String id : ids(runsDir, record)) {
      String text = store.show(id).path("start_time").asText("");
      if (!text.isEmpty()) {
        start = java.time.Instant.parse(text);
      }
    }
    return start;
  }
}
