package dev.guise.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (or says "development build"). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GuiseCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "guise " + (v == null ? "development build" : v), "Java " + System.getProperty("java.version")
    };
  }
}
