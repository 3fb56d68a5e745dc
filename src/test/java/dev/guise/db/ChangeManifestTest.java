package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeManifestTest {
  private Connection c;
  private final Dialect h2 = Dialects.forDbType("h2").orElseThrow();
  private final ChangeManifest manifest = new ChangeManifest(h2, "GUISE");

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:h2:mem:manifest" + System.nanoTime());
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA \"GUISE\"");
      c.commit();
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void entriesComeBackInTheOrderTheyWereMadeWithTheirRestoreStatements() throws SQLException {
    manifest.ensure(c);
    manifest.add(c, entry("run-1", "fk", "T.FK_A").withRestore("SELECT 1"));
    manifest.add(c, entry("run-1", "fk", "T.FK_B").withRestore("SELECT 2; SELECT 3"));
    manifest.add(c, entry("run-2", "fk", "T.FK_A"));
    List<ChangeManifest.Entry> one = manifest.ofRun(c, "run-1");
    assertThat(one)
        .extracting(ChangeManifest.Entry::objectName)
        .containsExactly("T.FK_A", "T.FK_B");
    assertThat(one).extracting(ChangeManifest.Entry::seq).containsExactly(1L, 2L);
    assertThat(one.get(1).restore()).isEqualTo("SELECT 2; SELECT 3");
    assertThat(manifest.ofRun(c, "run-2").get(0).restore()).isNull();
  }

  @Test
  void restoreRunsEveryStatementOfTheScript() throws SQLException {
    manifest.ensure(c);
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE T (X INT)");
      c.commit();
    }
    RestoreScript.run(
        c,
        h2,
        entry("run-1", "fk", "T")
            .withRestore("INSERT INTO T VALUES (1); INSERT INTO T VALUES (2)"));
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM T")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  /** A trigger body holds semicolons, quotes and newlines that no script splitter may cut. */
  @Test
  void restoreStatementsKeptOneByOneComeBackWhole() throws SQLException {
    List<String> statements =
        List.of(
            "SET @a = 1",
            "CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW BEGIN\n  SET NEW.a = ';'; END",
            "",
            "SELECT '12\n34'");
    String stored = RestoreScript.of(statements);
    assertThat(RestoreScript.split(h2, stored)).isEqualTo(statements);
    assertThat(RestoreScript.split(h2, "SELECT 1; SELECT 2"))
        .containsExactly("SELECT 1", "SELECT 2");
    manifest.ensure(c);
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE T (X VARCHAR(10))");
      c.commit();
    }
    RestoreScript.run(
        c,
        h2,
        entry("run-1", "trigger", "T")
            .withRestore(
                RestoreScript.of(
                    List.of("INSERT INTO T VALUES ('a;b')", "INSERT INTO T VALUES ('c')"))));
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM T WHERE X IN ('a;b', 'c')")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void aManifestOfAnOlderGuiseGainsTheNewColumnsAndKeepsItsRows() throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE \"GUISE\".\"manifest\" (\"run_id\" VARCHAR(64) NOT NULL, \"kind\""
              + " VARCHAR(32) NOT NULL, \"object_name\" VARCHAR(512) NOT NULL, \"host\""
              + " VARCHAR(255), \"pid\" BIGINT, \"created\" VARCHAR(40), PRIMARY KEY (\"run_id\","
              + " \"kind\", \"object_name\"))");
      st.execute(
          "INSERT INTO \"GUISE\".\"manifest\" VALUES ('old', 'temp_table', 'TMP', 'h', 1, 'x')");
      c.commit();
    }
    manifest.ensure(c);
    assertThat(manifest.ofRun(c, "old"))
        .extracting(ChangeManifest.Entry::objectName)
        .containsExactly("TMP");
    manifest.add(c, entry("old", "fk", "T.FK").withRestore("SELECT 1"));
    assertThat(manifest.ofRun(c, "old")).hasSize(2);
  }

  private static ChangeManifest.Entry entry(String run, String kind, String object) {
    return new ChangeManifest.Entry(run, kind, object, "host", 1, "2026-12-02T00:00:00Z");
  }
}
