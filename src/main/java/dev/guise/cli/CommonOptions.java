package dev.guise.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  /** Output formats. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (json prints exactly one JSON document on stdout). Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors and the final result.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print more detail, and stack traces of errors.")
  boolean verbose;

  public boolean json() {
    return format == Format.json;
  }
}
