package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.db.WriteBack;
import dev.guise.it.IntegrationServers.Engine;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialect contract on MariaDB: GUISE_IT_MARIADB_URL's server, else an embedded one. */
class MariaDbContractIT extends DialectContract {
  @Override
  TestEngine createEngine() {
    return IntegrationServers.url(Engine.MARIADB).map(MariaDbEngine::new).orElse(null);
  }

  @Override
  String whySkipped() {
    return IntegrationServers.whySkipped(Engine.MARIADB);
  }

  /** MySQL users write jdbc:mysql: URLs; the MariaDB driver must take them. */
  @Test
  void mysqlSchemeUrlsConnect() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mysql-scheme"));
    Files.writeString(
        dir.resolve("mysql.yml"),
        "version: '1.0'\nconnections:\n  legacy:\n    url: \""
            + e.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:")
            + "\"\n");
    GuiseCli.Result r =
        new GuiseCli(dir, tmp.resolve("home"), e, 0)
            .command(
                "connections",
                "test",
                "legacy",
                "--connections",
                dir.resolve("mysql.yml").toString(),
                "--format",
                "json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.record().get("product").asText()).isEqualTo("MariaDB");
  }

  /**
   * LOAD DATA LOCAL reports a value cut short or a duplicate row dropped only as a warning; the
   * write-back reads the warnings and the row count and fails the batch instead of storing it.
   */
  @Test
  void bulkLoadWarningsFailTheBatchBeforeItsCommit() throws Exception {
    e.sql(
        "CREATE TABLE " + e.t("w") + " (id INT PRIMARY KEY, name VARCHAR(3))",
        "INSERT INTO " + e.t("w") + " VALUES (1, 'a'), (2, 'b')");
    TableInfo info = e.describe(e.schema + ".w");
    ColumnInfo id = info.column("id").orElseThrow();
    ColumnInfo name = info.column("name").orElseThrow();
    List<List<Object[]>> badBatches =
        List.of(
            List.<Object[]>of(new Object[] {1, "abcdefghij"}),
            List.<Object[]>of(new Object[] {2, "x"}, new Object[] {2, "y"}));
    for (List<Object[]> rows : badBatches) {
      try (Connection c = DriverManager.getConnection(e.dialect().driverUrl(e.url()))) {
        c.setAutoCommit(false);
        c.setCatalog(e.schema);
        try (WriteBack w = e.dialect().writeBack(c, info, List.of(id), List.of(name))) {
          assertThatThrownBy(() -> w.write(w.prepare(rows)))
              .isInstanceOf(SQLException.class)
              .hasMessageNotContaining("abcdefghij");
        }
        c.rollback();
      }
    }
    assertThat(e.dump(e.schema + ".w").toString()).isEqualTo("[{id=1, name=a}, {id=2, name=b}]");
  }
}
