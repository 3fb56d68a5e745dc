package dev.guise.run;

import dev.guise.plan.SerialStep;
import dev.guise.ruleset.Ruleset;
import dev.guise.yaml.Diagnostic;
import java.util.List;

/**
 * What a check found.
 *
 * @param ruleset the parsed ruleset, or null when it could not be read
 * @param plan the task graph resolved against the live schema, or null when no connection was
 *     given, the connection is unusable or planning found errors
 * @param diagnostics every problem from the ruleset, the connections file and the live schema
 */
public record CheckResult(Ruleset ruleset, SerialStep plan, List<Diagnostic> diagnostics) {
  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public boolean hasWarnings() {
    return diagnostics.stream().anyMatch(d -> !d.isError());
  }
}
