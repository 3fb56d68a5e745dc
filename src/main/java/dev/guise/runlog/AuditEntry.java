package dev.guise.runlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code $GUISE_HOME/audit.jsonl}: who did what, where, with which ruleset, and how it
 * ended. Holds names, paths and hashes only: never a secret, a password or a value from the data.
 *
 * @param event what happened, one of {@link AuditEvent}'s names (readers keep unknown ones)
 * @param outcome how it ended: a run status, {@code valid}/{@code invalid}, {@code requested}
 * @param command the Guise command that wrote the line, e.g. {@code run}
 * @param ruleset the ruleset path as given
 * @param rulesetSha256 the SHA-256 of the ruleset file, when it could be read
 * @param detail a short note without values (an error code, "dry run"), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
    @JsonProperty("time") Instant time,
    @JsonProperty("event") String event,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("user") String user,
    @JsonProperty("host") String host,
    @JsonProperty("command") String command,
    @JsonProperty("connection") String connection,
    @JsonProperty("ruleset") String ruleset,
    @JsonProperty("ruleset_sha256") String rulesetSha256,
    @JsonProperty("run_id") String runId,
    @JsonProperty("detail") String detail) {

  /** The field names in line order: the CSV header of {@code guise audit}. */
  public static final List<String> COLUMNS =
      List.of(
          "time",
          "event",
          "outcome",
          "user",
          "host",
          "command",
          "connection",
          "ruleset",
          "ruleset_sha256",
          "run_id",
          "detail");

  /** The fields in {@link #COLUMNS} order. */
  public List<Object> values() {
    return Arrays.asList(
        time,
        event,
        outcome,
        user,
        host,
        command,
        connection,
        ruleset,
        rulesetSha256,
        runId,
        detail);
  }
}
