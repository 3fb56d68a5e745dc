package dev.guise.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ruleset argument and where its seed files come from; shared by run, validate and plan. */
public final class RulesetOptions {
  /** The {@code --libraries} help, shared with {@code run}, which declares its options itself. */
  static final String LIBRARIES_HELP =
      "Folder of ruleset libraries (<namespace>/<library>.yml) for 'imports', searched before"
          + " $GUISE_HOME/libraries.";

  @Parameters(index = "0", paramLabel = "RULESET", description = "The ruleset YAML file.")
  Path ruleset;

  @Option(
      names = "--seeds-dir",
      paramLabel = "DIR",
      description = "Folder of user seed files (CSV with a header), searched before the built-ins.")
  Path seedsDir;

  @Option(names = "--libraries", paramLabel = "DIR", description = LIBRARIES_HELP)
  Path librariesDir;

  @Override
  public String toString() {
    return String.valueOf(ruleset);
  }
}
