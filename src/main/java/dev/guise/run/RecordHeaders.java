package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.db.ConnectionConfig;
import dev.guise.exec.RunOptions;
import dev.guise.ruleset.Ruleset;
import dev.guise.secret.RunSecret;
import dev.guise.secret.TokenRing;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of run.json that describe what a run was asked to do: the ruleset (and what else
 * decides its values, for a resume), the connection (its URL redacted) and the options (the run
 * secret only as a fingerprint).
 */
final class RecordHeaders {
  private RecordHeaders() {}

  static Map<String, Object> ruleset(Ruleset r, RulesetSource source, String seeds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", r.file());
    m.put("sha256", r.sha256());
    // what a resume reads back: the file itself, and what else decides the masked values
    m.put("file", source.file().toAbsolutePath().toString());
    if (source.seedsDir() != null) {
      m.put("seeds_dir", source.seedsDir().toAbsolutePath().toString());
      m.put("seeds_sha256", seeds);
    }
    m.put("mask_registry", RunFingerprints.maskRegistry());
    m.put(
        "libraries",
        r.libraries().stream()
            .map(l -> Map.of("name", l.name(), "file", l.file(), "sha256", l.sha256()))
            .toList());
    if (!source.libraryDirs().isEmpty()) {
      m.put("libraries_dir", source.libraryDirs().get(0).toAbsolutePath().toString());
    }
    return m;
  }

  static Map<String, Object> connection(ConnectionConfig c, Path file) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("file", file.toAbsolutePath().toString());
    m.put("db_type", c.dialect().name());
    m.put("url", c.redactedUrl());
    return m;
  }

  /**
   * @param instanceFingerprint the instance secret's fingerprint, or null when disabled: what
   *     {@code guise secrets import} reads to know whether a finished run used the secret it would
   *     replace
   */
  static Map<String, Object> options(
      RunRequest req,
      RunSecret secret,
      JsonNode resumed,
      String instanceFingerprint,
      TokenRing tokens) {
    RunOptions o = req.options();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dry_run", o.dryRun());
    m.put("batch_size", o.batchSize());
    m.put("max_rows", o.maxRows() == 0 ? null : o.maxRows());
    m.put("continue_on_failure", o.continueOnFailure());
    m.put("workers", o.workers());
    if (o.shard() != null) {
      m.put("shard", o.shard().label());
      m.put("shard_set", o.shard().set());
    }
    m.put("on_value_error", o.onValueError().json());
    m.put("progress_every", o.progressEvery() == 0 ? null : o.progressEvery());
    m.put("description", o.description());
    if (req.transfers()) {
      m.put("source", req.connection());
      m.put("target", req.target());
      m.put("target_mode", o.targetMode().option());
    }
    m.put("instance_secret", !req.disableInstanceSecret());
    if (instanceFingerprint != null) {
      m.put("instance_secret_fingerprint", instanceFingerprint);
    }
    m.put("run_secret_fingerprint", secret.fingerprint());
    m.put("run_secret_generated", secret.generated());
    m.put("host", RunProgress.host());
    m.put("pid", RunProgress.pid());
    if (resumed != null) {
      m.put("resumed_from", resumed.path("id").asText());
    }
    if (req.tokens().reidentify()) {
      m.put("reidentify", true);
    }
    if (req.tokens().keysFile() != null) {
      m.put("keys_file", req.tokens().keysFile().toAbsolutePath().toString());
    }
    if (tokens != null && !tokens.keys().isEmpty()) {
      // names and fingerprints only: the key itself never enters a record
      m.put(
          "token_keys",
          tokens.fingerprints().entrySet().stream()
              .map(e -> Map.of("name", e.getKey(), "fingerprint", e.getValue()))
              .toList());
    }
    return m;
  }
}
