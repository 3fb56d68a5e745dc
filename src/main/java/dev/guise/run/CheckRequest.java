package dev.guise.run;

import java.nio.file.Path;

/**
 * What {@link RunService#validate} and {@link RunService#plan} check.
 *
 * @param connectionsFile the connections file, already chosen and resolved
 * @param connection the connection whose live schema to check against, or null for the ruleset
 *     alone
 */
public record CheckRequest(RulesetSource ruleset, Path connectionsFile, String connection) {}
