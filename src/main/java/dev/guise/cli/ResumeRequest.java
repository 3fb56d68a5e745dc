package dev.guise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.exec.OnValueError;
import dev.guise.exec.RunOptions;
import dev.guise.exec.Shard;
import dev.guise.exec.TargetMode;
import dev.guise.run.RulesetSource;
import dev.guise.run.RunRequest;
import dev.guise.run.TokenOptions;
import dev.guise.runlog.RunStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The request of a run being resumed, read back from its record: the ruleset and connection files
 * it used, its options (batch size, workers, per-value policy, target mode, …), its source and
 * target, and whether it re-identifies. Only the secret file, {@code --force} and the sample
 * settings come from the command line.
 */
final class ResumeRequest {
  private ResumeRequest() {}

  /**
   * @param defaultKeys the key file when the record names none
   */
  static RunRequest of(
      RunStore store,
      JsonNode rec,
      Path secretFile,
      boolean force,
      int sampleRows,
      boolean showOriginals,
      Path defaultKeys) {
    JsonNode o = rec.path("options");
    String file = rec.path("ruleset").path("file").asText(null);
    String connectionsFile = rec.path("connection").path("file").asText(null);
    if (file == null || connectionsFile == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "run "
              + rec.path("id").asText()
              + " - its record does not say which files it used (written by an older Guise);"
              + " it cannot be resumed");
    }
    String seeds = rec.path("ruleset").path("seeds_dir").asText(null);
    RunOptions options =
        new RunOptions(
                rec.path("name").asText(null),
                false,
                o.path("batch_size").asInt(RunOptions.DEFAULT_BATCH_SIZE),
                o.path("max_rows").asLong(0),
                o.path("continue_on_failure").asBoolean(),
                o.path("workers").asInt(RunOptions.DEFAULT_WORKERS),
                sampleRows,
                showOriginals)
            .withReporting(
                OnValueError.ofJson(o.path("on_value_error").asText(null)),
                o.path("progress_every").asLong(0),
                o.path("description").asText(null))
            .withTargetMode(TargetMode.of(o.path("target_mode").asText(null)).orElse(null))
            // a shard resumes as the same shard of the same set
            .withShard(o.path("shard").isTextual() ? Shard.parse(o.path("shard").asText()) : null);
    return new RunRequest(
        new RulesetSource(
            Path.of(file),
            rec.path("ruleset").path("path").asText(),
            seeds == null ? null : Path.of(seeds),
            rec.path("ruleset").path("libraries_dir").isTextual()
                ? List.of(Path.of(rec.path("ruleset").path("libraries_dir").asText()))
                : List.of()),
        Path.of(connectionsFile),
        rec.path("connection").path("name").asText(),
        options,
        secretFile,
        !o.path("instance_secret").asBoolean(true),
        store.dir(),
        rec.path("id").asText(),
        force,
        false,
        null,
        o.path("target").asText(null),
        // a re-identification resumes as one, with the key file it was given
        new TokenOptions(
            o.path("keys_file").isTextual() ? Path.of(o.path("keys_file").asText()) : defaultKeys,
            o.path("reidentify").asBoolean(false)));
  }
}
