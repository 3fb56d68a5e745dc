package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.db.Redact;
import dev.guise.it.IntegrationServers.Engine;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real error messages of each engine for the failures a masking batch can meet (duplicate key,
 * value too long, bad cast, CHECK violation): after {@link Redact#sqlError} none holds the value
 * that caused it, while the raw messages do (so the test could fail).
 */
class RedactionIT {
  static Stream<String> engines() {
    return Stream.of("h2", "postgres", "mariadb");
  }

  private static TestEngine engine(String name) {
    Engine server =
        switch (name) {
          case "postgres" -> Engine.POSTGRES;
          case "mariadb" -> Engine.MARIADB;
          default -> null;
        };
    if (server == null) {
      return new H2Engine();
    }
    String url = IntegrationServers.url(server).orElse(null);
    Assumptions.assumeTrue(url != null, IntegrationServers.whySkipped(server));
    return server == Engine.POSTGRES ? new PostgresEngine(url) : new MariaDbEngine(url);
  }

  /** One failing statement, the value it quotes, and its parameters. */
  private record Case(String name, String sql, String secret, Object... params) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void errorMessagesLoseTheValuesTheyQuote(String name) throws Exception {
    try (TestEngine e = engine(name)) {
      e.open();
      String t = e.t("r");
      e.sql(
          "CREATE TABLE "
              + t
              + " (id INT PRIMARY KEY, email VARCHAR(40) UNIQUE, code VARCHAR(3), n INT,"
              + " CHECK (n < 100))",
          "INSERT INTO " + t + " VALUES (777001, 'orig.person3090@example.org', 'abc', 1)");
      String cast =
          name.equals("mariadb")
              ? "UPDATE " + t + " SET n = ? WHERE id = 777001"
              : "SELECT CAST(? AS INTEGER)";
      List<Case> cases =
          List.of(
              new Case(
                  "duplicate unique value",
                  "INSERT INTO " + t + " VALUES (2, ?, 'x', 1)",
                  "orig.person3090@example.org",
                  "orig.person3090@example.org"),
              new Case(
                  "duplicate primary key",
                  "INSERT INTO " + t + " VALUES (?, 'other@example.org', 'x', 1)",
                  "777001",
                  777001),
              new Case(
                  "value too long",
                  "UPDATE " + t + " SET code = ? WHERE id = 777001",
                  "SECRETLONGVALUE",
                  "SECRETLONGVALUE"),
              new Case("bad cast", cast, "OSSN-000002", "OSSN-000002"),
              new Case(
                  "check violation",
                  "INSERT INTO " + t + " VALUES (3, ?, 'x', 5000)",
                  "checkval@secret.example",
                  "checkval@secret.example"));
      List<String> quotedRaw = new ArrayList<>();
      for (Case c : cases) {
        SQLException err = fail(e, c);
        String raw = String.valueOf(err.getMessage());
        if (raw.contains(c.secret())) {
          quotedRaw.add(c.name());
        }
        String shown = Redact.sqlError(err);
        assertThat(shown).as(name + " " + c.name() + ": " + raw).doesNotContain(c.secret());
        assertThat(shown).as("the message still says what failed").hasSizeGreaterThan(15);
      }
      assertThat(quotedRaw).as(name + ": raw messages that quote a value").isNotEmpty();
    }
  }

  private static SQLException fail(TestEngine e, Case c) {
    Throwable[] caught = new Throwable[1];
    assertThatThrownBy(
            () -> {
              try (PreparedStatement ps = e.admin().prepareStatement(c.sql())) {
                for (int i = 0; i < c.params().length; i++) {
                  ps.setObject(i + 1, c.params()[i]);
                }
                ps.execute();
              } catch (SQLException x) {
                caught[0] = x;
                throw x;
              }
            })
        .as(c.name())
        .isInstanceOf(SQLException.class);
    return (SQLException) caught[0];
  }
}
