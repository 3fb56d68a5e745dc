package dev.guise.it;

import dev.guise.schema.ColumnCategory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** H2 in a file, so a separate guise process and the test see the same database. */
final class H2FileEngine extends TestEngine {
  private final String url;

  H2FileEngine(Path dir) {
    // AUTO_SERVER: the test keeps its connection open while the child process works on the file
    this.url =
        "jdbc:h2:"
            + dir.resolve("db").toAbsolutePath().toString().replace('\\', '/')
            + ";AUTO_SERVER=TRUE";
  }

  @Override
  String name() {
    return "h2";
  }

  @Override
  String url() {
    return url;
  }

  @Override
  String timestampType() {
    return "timestamp";
  }

  @Override
  String setBasedWriteBack() {
    return "KeyedUpdateWriteBack";
  }

  @Override
  List<TypeCase> typeCases() {
    return List.of(new TypeCase("int", "1", ColumnCategory.INTEGER));
  }

  @Override
  String statementTimeoutProbe() {
    return null;
  }

  @Override
  public void close() throws SQLException {
    if (admin() != null) {
      admin().close();
    }
  }
}
