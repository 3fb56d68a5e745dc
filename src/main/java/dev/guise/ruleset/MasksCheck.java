package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import java.nio.file.Path;

/**
 * Checks a rule's masks at the moment the parser reads them. Problems go into the parse's own
 * diagnostics, so that mask problems are reported in document order among the others, as they were
 * when the parser built masks itself. Plan supplies the check that builds the pipelines.
 */
@FunctionalInterface
public interface MasksCheck {
  /** Checks nothing: for reading a ruleset's structure alone. */
  MasksCheck NONE = (masks, baseDir, diagnostics) -> {};

  /**
   * @param baseDir the ruleset's folder, where relative paths in mask parameters start
   */
  void check(MaskSpec masks, Path baseDir, Diagnostics diagnostics);
}
