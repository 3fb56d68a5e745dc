package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A test's own PostgreSQL keeps its data across a fast stop and an immediate kill, comes back on
 * the same URL, refuses connections while it is down, and leaves nothing behind once closed.
 */
class ThrowawayPostgresIT {
  @Test
  void dataSurvivesStopAndKillAndCloseRemovesTheServer() throws Exception {
    Path dataDir;
    String url;
    try (ThrowawayPostgres pg = new ThrowawayPostgres().start()) {
      url = pg.url();
      dataDir = Path.of(query(url, "SHOW data_directory"));
      assertThat(dataDir).isDirectory();
      sql(
          url,
          "CREATE TABLE kept (id int PRIMARY KEY, v text)",
          "INSERT INTO kept VALUES (1, 'a')");

      pg.stop();
      assertThat(pg.running()).isFalse();
      assertThatThrownBy(() -> query(url, "SELECT 1")).isInstanceOf(SQLException.class);

      pg.start();
      assertThat(pg.url()).isEqualTo(url);
      assertThat(query(url, "SELECT v FROM kept WHERE id = 1")).isEqualTo("a");

      // an open session sees the crash; the committed row is replayed from the WAL
      sql(url, "INSERT INTO kept VALUES (2, 'b')");
      try (Connection held = DriverManager.getConnection(url)) {
        pg.kill();
        assertThatThrownBy(() -> held.createStatement().execute("SELECT 1"))
            .isInstanceOf(SQLException.class);
      }
      pg.restart();
      assertThat(pg.running()).isTrue();
      assertThat(query(url, "SELECT string_agg(v, ',' ORDER BY id) FROM kept")).isEqualTo("a,b");
    }
    assertThat(Files.exists(dataDir)).as("data directory removed by close()").isFalse();
    assertThatThrownBy(() -> query(url, "SELECT 1")).isInstanceOf(SQLException.class);
  }

  private static void sql(String url, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static String query(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
