package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password references are resolved only for the connection a command uses. */
class ConnectionsInUseTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = CliHarness.withSampleData(dir);
    h.write(
        "connections.yml",
        "version: '1.0'\nconnections:\n  db:\n    url: "
            + h.url
            + "\n  prod:\n    db_type: postgres\n    host: prod.internal\n    database: app\n"
            + "    user: masker\n    password: ${env:GUISE_TEST_UNSET_PROD_PASSWORD}\n");
  }

  @Test
  void anUnsetVariableOfAnotherConnectionDoesNotBlockTheRun() {
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.all()).doesNotContain("GUISE_TEST_UNSET_PROD_PASSWORD");
    assertThat(h.run("validate", "ruleset.yml", "-c", "db").code()).isZero();
  }

  @Test
  void theConnectionInUseStillNeedsItsVariable() {
    CliHarness.Result r = h.run("validate", "ruleset.yml", "-c", "prod");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("GUISE_TEST_UNSET_PROD_PASSWORD");
  }
}
