package dev.guise.run;

import java.nio.file.Path;
import java.util.List;

/**
 * A ruleset file and where its seed files come from.
 *
 * @param file the file to read, already resolved against the working directory
 * @param label how messages name the file (usually the path as the user typed it)
 * @param seedsDir folder of user seed files searched before the built-ins, or null for built-ins
 *     only
 * @param libraryDirs folders of ruleset libraries searched before {@code $GUISE_HOME/libraries}
 */
public record RulesetSource(Path file, String label, Path seedsDir, List<Path> libraryDirs) {
  public RulesetSource(Path file, String label, Path seedsDir) {
    this(file, label, seedsDir, List.of());
  }
}
