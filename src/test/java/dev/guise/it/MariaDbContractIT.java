package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.it.IntegrationServers.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
