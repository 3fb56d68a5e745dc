package dev.guise.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands take from the process: environment variables, the clock, the working directory
 * and whether stdout is a terminal. Tests pass their own.
 */
public record CliEnvironment(
    Map<String, String> env,
    Clock clock,
    Path workingDir,
    boolean terminal,
    boolean installSignalHandlers) {

  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(),
        Clock.systemUTC(),
        Path.of("").toAbsolutePath(),
        System.console() != null,
        true);
  }

  public String get(String name) {
    return env.get(name);
  }

  /** {@code $GUISE_HOME}, else {@code ~/.guise}. */
  public Path guiseHome() {
    String h = env.get("GUISE_HOME");
    if (h != null && !h.isBlank()) {
      return workingDir.resolve(h);
    }
    return Path.of(System.getProperty("user.home"), ".guise");
  }
}
