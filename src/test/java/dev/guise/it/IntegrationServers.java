package dev.guise.it;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the integration tests find each server engine, decided once per test JVM: the URL in the
 * engine's variable when it is set (CI's way, the local servers), otherwise an embedded server
 * started on first use and stopped when the JVM exits. An engine that has neither is skipped, and
 * {@link SkippedEnginesListener} names it at the end of the run.
 */
public final class IntegrationServers {
  /** A server engine the integration tests run on besides H2. */
  public enum Engine {
    POSTGRES("PostgreSQL", "GUISE_IT_POSTGRES_URL"),
    MARIADB("MariaDB", "GUISE_IT_MARIADB_URL");

    private final String title;
    private final String variable;

    Engine(String title, String variable) {
      this.title = title;
      this.variable = variable;
    }

    /** The engine's name as people write it. */
    public String title() {
      return title;
    }

    /** The environment variable holding the URL of a server to use instead of an embedded one. */
    public String variable() {
      return variable;
    }
  }

  /**
   * How an engine was provided: {@code url} is null when it was skipped, {@code how} says where the
   * URL came from or why there is none.
   */
  record Outcome(String url, String how) {
    boolean skipped() {
      return url == null;
    }
  }

  private static final Map<Engine, Outcome> OUTCOMES = new EnumMap<>(Engine.class);

  private IntegrationServers() {}

  /** The URL of the engine's server for this JVM's tests, or empty when the engine is skipped. */
  public static Optional<String> url(Engine engine) {
    return Optional.ofNullable(outcome(engine).url());
  }

  /** Why {@link #url} is empty, for a test's skip message. */
  public static String whySkipped(Engine engine) {
    return engine.title() + " integration tests skipped: " + outcome(engine).how();
  }

  /** The engines asked for so far in this JVM and how each was provided. */
  static synchronized Map<Engine, Outcome> outcomes() {
    return Map.copyOf(OUTCOMES);
  }

  private static synchronized Outcome outcome(Engine engine) {
    return OUTCOMES.computeIfAbsent(engine, IntegrationServers::provide);
  }

  private static Outcome provide(Engine engine) {
    String configured = System.getenv(engine.variable());
    if (configured != null && !configured.isBlank()) {
      return new Outcome(configured, "the server at " + engine.variable());
    }
    Supplier<Outcome> embedded =
        switch (engine) {
          case POSTGRES -> IntegrationServers::embeddedPostgres;
          case MARIADB -> IntegrationServers::embeddedMariaDb;
        };
    return embedded.get();
  }

  private static Outcome embeddedPostgres() {
    // one server for every IT of this JVM; ThrowawayPostgres removes it when the JVM exits
    return embedded(
        Engine.POSTGRES,
        () -> {
          ThrowawayPostgres pg = new ThrowawayPostgres().start();
          return new Started(pg.url(), pg.port());
        });
  }

  private record Started(String url, int port) {}

  private static Outcome embedded(Engine engine, Supplier<Started> start) {
    try {
      Started s = start.get();
      return new Outcome(
          s.url(),
          "an embedded "
              + engine.title()
              + " on port "
              + s.port()
              + " ("
              + engine.variable()
              + " unset)");
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      return new Outcome(
          null,
          engine.variable()
              + " is unset and no embedded "
              + engine.title()
              + " could start ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
    }
  }

  /**
   * On unless {@value #EMBEDDED_MARIADB} is false. (On MariaDB 11.4 a CHECK-violating row used to
   * pass the bulk load as a warning and stay unmasked without an error; the write-back now reads
   * LOAD DATA's warnings and fails the batch, and the contract suite passes there.)
   */
  static final String EMBEDDED_MARIADB = "guise.it.embeddedMariaDb";

  private static Outcome embeddedMariaDb() {
    if (!Boolean.parseBoolean(System.getProperty(EMBEDDED_MARIADB, "true"))) {
      return new Outcome(
          null,
          "GUISE_IT_MARIADB_URL is unset and the embedded MariaDB is off (-D"
              + EMBEDDED_MARIADB
              + "=false)");
    }
    return embedded(
        Engine.MARIADB,
        () -> {
          EmbeddedMariaDb maria = EmbeddedMariaDb.start();
          return new Started(maria.url(), maria.port());
        });
  }
}
