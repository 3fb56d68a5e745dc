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
}
