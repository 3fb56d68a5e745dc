package dev.guise.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ruleset argument and where its seed files come from; shared by run, validate and plan. */
public final class RulesetOptions {
  @Parameters(index = "0", paramLabel = "RULESET", description = "The ruleset YAML file.")
  Path ruleset;

  @Option(
      names = "--seeds-dir",
      paramLabel = "DIR",
      description = "Folder of user seed files (CSV with a header), searched before the built-ins.")
  Path seedsDir;

  @Override
  public String toString() {
    return String.valueOf(ruleset);
  }
}
