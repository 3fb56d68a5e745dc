package dev.guise.it;

import java.nio.file.Path;
import java.sql.SQLException;

/** H2 in a file, so a separate guise process and the test see the same database. */
final class H2FileEngine extends H2Engine {
  H2FileEngine(Path dir) {
    // AUTO_SERVER: the test keeps its connection open while the child process works on the file
    super(
        "jdbc:h2:"
            + dir.resolve("db").toAbsolutePath().toString().replace('\\', '/')
            + ";AUTO_SERVER=TRUE");
  }

  /** No SHUTDOWN: a child process may still hold the file. */
  @Override
  public void close() throws SQLException {
    if (admin() != null) {
      admin().close();
    }
  }
}
