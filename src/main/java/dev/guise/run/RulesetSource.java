package dev.guise.run;

import java.nio.file.Path;

/**
 * A ruleset file and where its seed files come from.
 *
 * @param file the file to read, already resolved against the working directory
 * @param label how messages name the file (usually the path as the user typed it)
 * @param seedsDir folder of user seed files searched before the built-ins, or null for built-ins
 *     only
 */
public record RulesetSource(Path file, String label, Path seedsDir) {}
