package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dialect contract on MariaDB; set GUISE_IT_MARIADB_URL to run it. */
class MariaDbContractIT extends DialectContract {
  @Override
  TestEngine createEngine() {
    String url = System.getenv(MariaDbEngine.ENV);
    return url == null || url.isBlank() ? null : new MariaDbEngine(url);
  }

  @Override
  String whySkipped() {
    return MariaDbEngine.ENV
        + " is not set (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root);"
        + " MariaDB contract tests skipped";
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
