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
 * @param libraries the libraries it imported, with their hashes, in import order
 * @param library true when the file is a ruleset library checked on its own: it has no tasks and
 *     cannot be run
 */
public record Ruleset(
    String file,
    String sha256,
    String doc,
    List<SkipValue> skipDefaults,
    List<Task> tasks,
    boolean autoManageTriggers,
    java.nio.file.Path baseDir,
    List<LibraryUse> libraries,
    boolean library) {
  public Ruleset(
      String file,
      String sha256,
      String doc,
      List<SkipValue> skipDefaults,
      List<Task> tasks,
      boolean autoManageTriggers,
      java.nio.file.Path baseDir) {
    this(file, sha256, doc, skipDefaults, tasks, autoManageTriggers, baseDir, List.of(), false);
  }
}
