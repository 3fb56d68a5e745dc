package dev.guise.ruleset;

import java.util.List;

/**
 * A parsed, validated ruleset.
 *
 * @param file the path it was read from, as the user gave it
 * @param sha256 hex SHA-256 of the file's bytes, recorded in the run record
 * @param skipDefaults values never masked unless a rule's {@code skip} replaces them
 * @param baseDir the ruleset's folder, which relative paths in it (e.g. {@code sql_file}) start
 *     from
 */
public record Ruleset(
    String file,
    String sha256,
    String doc,
    List<SkipValue> skipDefaults,
    List<Task> tasks,
    boolean autoManageTriggers,
    java.nio.file.Path baseDir) {}
