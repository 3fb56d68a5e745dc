package dev.guise.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The engines an IT can run on by name, for parameterized tests; skips one that is not set up. */
final class Engines {
  private Engines() {}

  static Stream<String> names() {
    return Stream.of("h2", "postgres", "mariadb");
  }

  /** A fresh sandbox on the named engine (not yet opened); the test is skipped without its URL. */
  static TestEngine named(String name) {
    String url =
        switch (name) {
          case "postgres" -> System.getenv(PostgresEngine.ENV);
          case "mariadb" -> System.getenv(MariaDbEngine.ENV);
          default -> "h2";
        };
    Assumptions.assumeTrue(url != null && !url.isBlank(), name + ": its IT URL is not set");
    return switch (name) {
      case "postgres" -> new PostgresEngine(url);
      case "mariadb" -> new MariaDbEngine(url);
      default -> new H2Engine();
    };
  }

  /**
   * An engine a separate guise process can share (H2 in a file under {@code dir}), or null when the
   * named server's URL is not set.
   */
  static TestEngine forProcesses(String name, java.nio.file.Path dir) {
    String url =
        switch (name) {
          case "postgres" -> System.getenv(PostgresEngine.ENV);
          case "mariadb" -> System.getenv(MariaDbEngine.ENV);
          default -> "h2";
        };
    if (url == null || url.isBlank()) {
      return null;
    }
    return switch (name) {
      case "postgres" -> new PostgresEngine(url);
      case "mariadb" -> new MariaDbEngine(url);
      default -> new H2FileEngine(dir);
    };
  }
}
