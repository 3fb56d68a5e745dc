package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong password is reported as such, not as a database that is not running. */
class AuthenticationFailureTest {
  @TempDir Path dir;

  @Test
  void aWrongPasswordSaysAuthenticationFailedForTheUser() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql("CREATE USER masker PASSWORD 'right-password'", "CREATE TABLE t (id INT PRIMARY KEY)");
    h.env.put("MASKER_PASSWORD", "wrong-password");
    h.write(
        "connections.yml",
        "version: '1.0'\nconnections:\n  db:\n    url: "
            + h.url
            + "\n    user: masker\n    password: ${env:MASKER_PASSWORD}\n");
    CliHarness.Result r = h.run("connections", "test", "db");
    assertThat(r.code()).isEqualTo(ExitCodes.DATABASE);
    assertThat(r.err())
        .contains("connection 'db'")
        .contains("authentication failed for user masker; check the password")
        .doesNotContain("check that the database is running")
        .doesNotContain("wrong-password");
  }
}
