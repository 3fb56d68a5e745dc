package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.it.IntegrationServers.Engine;
import dev.guise.it.IntegrationServers.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end-of-run lines: a skipped engine stands out, one that ran names where, none is silent. */
class SkippedEnginesListenerTest {
  @Test
  void skippedEngineIsNamedLoudlyAndAUsedOneSaysWhere() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SkippedEnginesListener.report(
        Map.of(
            Engine.MARIADB, new Outcome(null, "GUISE_IT_MARIADB_URL is unset"),
            Engine.POSTGRES, new Outcome("jdbc:postgresql://x/test", "an embedded PostgreSQL")),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "--- PostgreSQL integration tests ran against an embedded PostgreSQL ---",
            "*** MariaDB integration tests SKIPPED: GUISE_IT_MARIADB_URL is unset ***");
  }

  @Test
  void aJvmThatAskedForNoServerPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SkippedEnginesListener.report(Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.size()).isZero();
  }
}
