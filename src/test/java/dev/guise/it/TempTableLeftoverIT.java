package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real jar killed with SIGKILL right after its build_temp_table, while its mask_table runs: the
 * temporary table and its manifest row stay; the next run of the same ruleset drops the leftover
 * and succeeds, {@code runs list} shows the killed run interrupted, and {@code runs repair} on
 * another killed run drops its table. Runs in {@code verify}, after the jar is built.
 */
class TempTableLeftoverIT {
  @TempDir Path tmp;

  private String ruleset(TestEngine e, String temp) {
    return "version: '1.0'\n"
        + "tasks:\n"
        + "  - type: build_temp_table\n"
        + "    table: "
        + temp
        + "\n"
        + "    sql_select: \"SELECT id FROM "
        + e.t("people").replace("\"", "\\\"")
        + "\"\n"
        + "  - type: mask_table\n"
        + "    table: people\n"
        + "    key: id\n"
        + "    rules:\n"
        + "      - column: v\n"
        + "        masks: [{type: from_format_string, value_format: \"{[a-z],8}\"}]\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mariadb"})
  void aKilledRunsTempTableIsDroppedByTheNextRunOrByRepair(String engineName) throws Exception {
    try (TestEngine e = Engines.forProcesses(engineName, tmp)) {
      assumeTrue(e != null, engineName + ": its GUISE_IT_*_URL is not set; skipped");
      e.open();
      fill(e, 20_000);
      // the temporary table lands in the session's own schema: a unique name keeps runs apart
      String temp = "lk_" + UUID.randomUUID().toString().substring(0, 8);
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
      Files.writeString(tmp.resolve("work/ruleset.yml"), ruleset(e, temp));
      try {
        String killed = killAfterFirstBatch(e);
        assertThat(tempTableExists(e, temp)).as("the killed run's %s", temp).isTrue();
        assertThat(manifestRows(e, killed)).isEqualTo(1);

        GuiseCli.Result listed = cli.command("runs", "list", "--format", "json");
        assertThat(listed.out()).contains("\"interrupted\"");
        GuiseCli.Result shown = cli.command("runs", "show", killed);
        assertThat(shown.out())
            .contains("status:     interrupted")
            .contains("guise run --resume " + killed)
            .contains("last key [");
        assertThat(shown.err()).contains("guise runs repair " + killed);

        GuiseCli.Result again = cli.command("run", "ruleset.yml", "-c", "it", "--format", "json");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(
                Files.readString(runDir(again.record().path("id").asText()).resolve("log.jsonl")))
            .contains("dropped temporary table")
            .contains("left by interrupted run " + killed);
        assertThat(tempTableExists(e, temp)).as("dropped at the new run's end").isFalse();
        assertThat(manifestRows(e, killed)).isZero();

        refill(e, 20_000);
        String second = killAfterFirstBatch(e);
        assertThat(tempTableExists(e, temp)).isTrue();
        GuiseCli.Result repaired = cli.command("runs", "repair", second);
        assertThat(repaired.exit()).as(repaired.toString()).isZero();
        assertThat(repaired.out())
            .contains("dropped temporary table")
            .contains("marked run " + second + " interrupted");
        assertThat(tempTableExists(e, temp)).isFalse();
        assertThat(manifestRows(e, second)).isZero();
        JsonNode rec =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(runDir(second).resolve("run.json").toFile());
        assertThat(rec.path("status").asText()).isEqualTo("interrupted");
        assertThat(rec.path("recorded_status").asText()).isEqualTo("running");
      } finally {
        e.sql("DROP TABLE IF EXISTS " + e.dialect().quote(e.dialect().unquotedName(temp)));
      }
    }
  }

  private String killAfterFirstBatch(TestEngine e) throws Exception {
    GuiseProcess p =
        new GuiseProcess(
            tmp.resolve("work"),
            GuiseProcess.env(tmp.resolve("home")),
            1,
            List.of("run", "ruleset.yml", "-c", "it", "--batch-size", "200", "--remask"));
    p.await();
    assertThat(p.batchSeen).as("killed after its first batch:%n%s", p).isDone();
    try (Stream<Path> s = Files.list(tmp.resolve("home/runs"))) {
      return s.map(x -> x.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  private Path runDir(String id) {
    return tmp.resolve("home/runs").resolve(id);
  }

  private static boolean tempTableExists(TestEngine e, String temp) throws SQLException {
    String stored = e.dialect().unquotedName(temp);
    try (ResultSet rs = e.admin().getMetaData().getTables(null, null, stored, null)) {
      return rs.next();
    }
  }

  private static long manifestRows(TestEngine e, String runId) throws SQLException {
    try (var ps =
        e.admin()
            .prepareStatement(
                "SELECT COUNT(*) FROM "
                    + e.q("guise")
                    + "."
                    + e.q("manifest")
                    + " WHERE "
                    + e.q("run_id")
                    + " = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void fill(TestEngine e, int rows) throws SQLException {
    e.sql("CREATE TABLE " + e.t("people") + " (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL)");
    List<Object[]> data = new ArrayList<>(rows);
    for (int i = 1; i <= rows; i++) {
      data.add(new Object[] {(long) i, "orig"});
    }
    e.insert("people", List.of("id", "v"), data);
  }

  private static void refill(TestEngine e, int rows) throws SQLException, IOException {
    e.sql("DROP TABLE " + e.t("people"));
    fill(e, rows);
  }
}
