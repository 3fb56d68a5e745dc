package dev.guise.yaml;

/** How serious a diagnostic is: errors stop a run before it touches anything. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
