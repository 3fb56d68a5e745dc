package dev.guise.cli;

import picocli.CommandLine.Option;

/** {@code -q} and {@code -v}, for every command; {@link CommonOptions} adds {@code --format}. */
public class VerbosityOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors and the final result.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print more detail, and stack traces of errors.")
  boolean verbose;
}
