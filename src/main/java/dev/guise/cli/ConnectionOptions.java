package dev.guise.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where connections.yml is found. */
public final class ConnectionOptions {
  @Option(
      names = "--connections",
      paramLabel = "FILE",
      description =
          "Connections file. Default: ./connections.yml, then $GUISE_HOME/connections.yml.")
  Path connections;
}
