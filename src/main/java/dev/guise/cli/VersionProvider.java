package dev.guise.cli;

import dev.guise.GuiseVersion;
import picocli.CommandLine;

/** Reads the version from the jar manifest (or says "development build"). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GuiseVersion.current();
    return new String[] {
      "guise " + (v.equals("dev") ? "development build" : v),
      "Java " + System.getProperty("java.version")
    };
  }
}
