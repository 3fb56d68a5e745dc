package dev.guise.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.exec.FileRoots;
import dev.guise.exec.RunLiveness;
import dev.guise.runlog.Json;
import dev.guise.runlog.RunRecorder;
import dev.guise.yaml.Diagnostic;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --resume} of a file run: the files the run finished are read back from its run log (a line
 * per file whole in the target, written as each one was renamed into place, so a run killed by any
 * means leaves them), and the resumed run keeps them and masks the rest. Files are the checkpoints:
 * a file is whole or absent in the target, never half-written.
 */
final class FileResume {
  private FileResume() {}

  /** Why the record cannot be resumed as a file run (added to {@code problems}), or nothing. */
  static void check(JsonNode rec, List<Diagnostic> problems) {
    String subject = "run " + rec.path("id").asText();
    if (!"file".equals(rec.path("mask_type").asText())) {
      problems.add(
          Diagnostic.error(
              "resume-kind", subject, "masked a database, not files; resume it as it was run"));
      return;
    }
    JsonNode o = rec.path("options");
    if ("running".equals(rec.path("status").asText())
        && !RunLiveness.deadHere(
            o.path("host").asText(null), o.path("pid").asLong(-1), created(rec))) {
      problems.add(
          Diagnostic.error(
              "resume-running",
              subject,
              "is still running (host "
                  + o.path("host").asText("?")
                  + ", pid "
                  + o.path("pid").asText("?")
                  + "); cancel it with 'guise runs cancel' or wait for it to end"));
    }
  }

  private static Instant created(JsonNode rec) {
    try {
      return Instant.parse(rec.path("created_time").asText());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The files whole in the target when the run stopped, by relative path (the last line of a file
   * wins); lines the log lost to the stop (a torn last line) are ignored.
   */
  static Map<String, FileRoots.Kept> kept(Path runFolder) {
    Map<String, FileRoots.Kept> out = new LinkedHashMap<>();
    Path log = runFolder.resolve("log.jsonl");
    if (!Files.exists(log)) {
      return out;
    }
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.contains(RunRecorder.FILE_WRITTEN)) {
          continue; // most lines are progress
        }
        JsonNode n;
        try {
          n = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException torn) {
          continue;
        }
        if (n.path(RunRecorder.FILE_WRITTEN).asBoolean() && n.path("file").isTextual()) {
          out.put(
              n.path("file").asText(),
              new FileRoots.Kept(
                  n.path("file_size").asLong(-1),
                  n.path("target_size").asLong(-1),
                  n.path("rows").asLong(0),
                  n.path("masked_by").asText()));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
