package dev.guise.yaml;

/**
 * One problem found in a ruleset, configuration or schema check.
 *
 * @param subject a file:line:col, a {@code schema.table.column} or a connection name
 * @param code a stable kebab-case identifier, e.g. {@code unknown-key}
 * @param message what happened, and after a semicolon what to do
 */
public record Diagnostic(Severity severity, String code, String subject, String message) {
  public static Diagnostic error(String code, Object subject, String message) {
    return new Diagnostic(Severity.ERROR, code, String.valueOf(subject), message);
  }

  public static Diagnostic warning(String code, Object subject, String message) {
    return new Diagnostic(Severity.WARNING, code, String.valueOf(subject), message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The house form: {@code <subject> - <message>}. */
  @Override
  public String toString() {
    return subject + " - " + message;
  }
}
