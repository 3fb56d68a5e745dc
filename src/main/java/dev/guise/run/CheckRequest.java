package dev.guise.run;

import dev.guise.exec.TargetMode;
import java.nio.file.Path;

/**
 * What {@link RunService#validate} and {@link RunService#plan} check.
 *
 * @param connectionsFile the connections file, already chosen and resolved
 * @param connection the connection whose live schema to check against (with {@code target}: the
 *     source), or null for the ruleset alone
 * @param target a source → target run's target (a database or, with a folder source, a folder),
 *     checked as the run would check it before writing; null for in place
 * @param targetMode the target mode the run would have
 */
public record CheckRequest(
    RulesetSource ruleset,
    Path connectionsFile,
    String connection,
    String target,
    TargetMode targetMode) {
  public CheckRequest(RulesetSource ruleset, Path connectionsFile, String connection) {
    this(ruleset, connectionsFile, connection, null, TargetMode.FAIL_IF_NOT_EMPTY);
  }
}
