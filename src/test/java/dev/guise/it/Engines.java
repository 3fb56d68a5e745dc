package dev.guise.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The engines an IT can run on by name, for parameterized tests; skips one that is not set up. */
final class Engines {
  private Engines() {}

  static Stream<String> names() {
    return Stream.of("h2", "postgres", "mariadb");
  }

  /**
   * A fresh sandbox on the named engine (not yet opened): the server of the engine's IT variable,
   * else an embedded one (see {@link IntegrationServers}); the test is skipped when there is none.
   */
  static TestEngine named(String name) {
    String url = url(name);
    Assumptions.assumeTrue(url != null, () -> whySkipped(name));
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
    String url = url(name);
    if (url == null) {
      return null;
    }
    return switch (name) {
      case "postgres" -> new PostgresEngine(url);
      case "mariadb" -> new MariaDbEngine(url);
      default -> new H2FileEngine(dir);
    };
  }

  private static IntegrationServers.Engine server(String name) {
    return switch (name) {
      case "postgres" -> IntegrationServers.Engine.POSTGRES;
      case "mariadb" -> IntegrationServers.Engine.MARIADB;
      default -> null;
    };
  }

  /** The engine's JDBC URL ("h2" for H2), or null when it has none. */
  private static String url(String name) {
    IntegrationServers.Engine s = server(name);
    return s == null ? "h2" : IntegrationServers.url(s).orElse(null);
  }

  static String whySkipped(String name) {
    IntegrationServers.Engine s = server(name);
    return s == null ? "" : IntegrationServers.whySkipped(s);
  }
}
