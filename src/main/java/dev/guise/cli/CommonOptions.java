package dev.guise.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions extends VerbosityOptions {
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

  public boolean json() {
    return format == Format.json;
  }
}
