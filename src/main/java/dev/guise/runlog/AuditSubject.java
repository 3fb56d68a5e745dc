package dev.guise.runlog;

/**
 * What an audit line is about; any part may be null.
 *
 * @param command the Guise command, e.g. {@code run} or {@code runs cancel}
 * @param ruleset the ruleset path as given
 * @param rulesetSha256 the ruleset file's SHA-256
 */
public record AuditSubject(
    String command, String connection, String ruleset, String rulesetSha256, String runId) {

  public AuditSubject withRunId(String id) {
    return new AuditSubject(command, connection, ruleset, rulesetSha256, id);
  }
}
