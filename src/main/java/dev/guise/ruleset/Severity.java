package dev.guise.ruleset;

/** How serious a diagnostic is: errors stop a run before it touches anything. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
