package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ConnectionsFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dry run cannot write: a {@code where} that smuggles in statements is refused before anything
 * runs (exit 3), on every engine, and the connections of a dry run are read-only sessions, so even
 * an injected {@code COMMIT} could not be followed by a write.
 */
class DryRunCannotWriteIT {
  private static final List<String> ATTACKS =
      List.of(
          "id > 0); DELETE FROM v; COMMIT; --",
          "1=1; COMMIT; DELETE FROM v",
          "1=1; SET default_transaction_read_only = off; DELETE FROM v",
          "1=1; DROP TABLE v");

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.guise.it.Engines#names")
  void injectedStatementsInAWhereAreRefusedAndTouchNothing(String name) throws Exception {
    try (TestEngine e = Engines.named(name)) {
      e.open();
      e.sql(
          "CREATE TABLE " + e.t("people") + " (id INT PRIMARY KEY, name VARCHAR(40))",
          "INSERT INTO " + e.t("people") + " VALUES (1, 'Ann'), (2, 'Bob')",
          "CREATE TABLE " + e.t("v") + " (id INT PRIMARY KEY)",
          "INSERT INTO " + e.t("v") + " VALUES (1), (2), (3)");
      Object before = List.of(e.dump(e.schema + ".people"), e.dump(e.schema + ".v"));
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
      for (String where : ATTACKS) {
        for (String dry : new String[] {"--dry-run", "--max-rows=100"}) {
          GuiseCli.Result r =
              cli.run(
                  "version: '1.0'\ntasks:\n  - type: mask_table\n    table: people\n    key: id\n"
                      + "    where: \""
                      + where
                      + "\"\n    rules:\n      - column: name\n        masks:\n"
                      + "          - type: from_fixed\n            value: x\n",
                  dry);
          assertThat(r.exit()).as(name + " " + where + "\n" + r).isEqualTo(3);
          assertThat(r.out() + r.err()).contains("unsafe-where").contains("one condition");
        }
      }
      assertThat(List.of(e.dump(e.schema + ".people"), e.dump(e.schema + ".v"))).isEqualTo(before);
    }
  }

  /** PostgreSQL and MariaDB: a dry run's session refuses writes even after a COMMIT. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.guise.it.Engines#names")
  void aDryRunsSessionsAreReadOnly(String name) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !name.equals("h2"), "H2 has no read-only session; its where check is what stops writes");
    try (TestEngine e = Engines.named(name)) {
      e.open();
      e.sql(
          "CREATE TABLE " + e.t("v") + " (id INT PRIMARY KEY)",
          "INSERT INTO " + e.t("v") + " VALUES (1), (2), (3)");
      ConnectionConfig config = connection(e);
      try (ConnectionPool pool = ConnectionPool.open(config, 2, true);
          Connection c = pool.connection();
          Statement st = c.createStatement()) {
        c.commit();
        assertThatThrownBy(() -> st.execute("DELETE FROM " + e.t("v")))
            .isInstanceOf(SQLException.class)
            .hasMessageMatching("(?is).*read[ -]only.*");
        c.rollback();
      }
      try (ConnectionPool pool = ConnectionPool.open(config, 2, false);
          Connection c = pool.connection();
          Statement st = c.createStatement()) {
        assertThat(st.executeUpdate("DELETE FROM " + e.t("v") + " WHERE id = 3")).isEqualTo(1);
        c.commit(); // the same connection settings without a dry run do write
      }
      assertThat(e.dump(e.schema + ".v")).hasSize(2);
    }
  }

  private ConnectionConfig connection(TestEngine e) throws Exception {
    Path file = tmp.resolve("c.yml");
    java.nio.file.Files.writeString(
        file,
        "version: '1.0'\nconnections:\n  it:\n    url: \""
            + e.url().replace("\"", "\\\"")
            + "\"\n    schema: "
            + e.schema
            + "\n");
    ConnectionsFile.Result r = ConnectionsFile.load(file, k -> null);
    assertThat(r.diagnostics().hasErrors()).as(r.diagnostics().list().toString()).isFalse();
    return r.connections().get("it");
  }
}
