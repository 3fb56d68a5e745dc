package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.mask.MaskDefinition;
import dev.guise.mask.MaskRegistry;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The informational commands, help and usage errors. */
class CommandsTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.sql("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10))");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo",
        "run",
        "validate",
        "plan",
        "runs",
        "runs list",
        "runs show",
        "runs log",
        "masks",
        "masks list",
        "masks show",
        "connections",
        "connections list",
        "connections test"
      })
  void everyCommandHasHelpWithAnExample(String command) {
    String[] args = (command + " --help").split(" ");
    CliHarness.Result r = h.run(args);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: guise " + command).containsIgnoringCase("example");
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    CliHarness.Result r = h.run("--help");
    assertThat(r.out())
        .contains("demo")
        .contains("validate")
        .contains("Exit codes:")
        .contains("7  warnings under --strict");
    assertThat(h.run("--version").out()).contains("guise");
  }

  @Test
  void badFlagIsAUsageError() {
    CliHarness.Result r = h.run("run", "x.yml", "-c", "db", "--batch-size", "many");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--batch-size").contains("Try 'guise run --help'");
    assertThat(h.run("run", "x.yml").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void masksListAndShowComeFromTheRegistry() throws Exception {
    CliHarness.Result list = h.run("masks", "list");
    for (MaskDefinition d : MaskRegistry.standard().all()) {
      assertThat(list.out()).contains(d.name());
    }
    CliHarness.Result show = h.run("masks", "show", "from_random_number");
    assertThat(show.out()).contains("decimal_places").contains("Example:");
    JsonNode json =
        Json.MAPPER.readTree(h.run("masks", "show", "from_fixed", "--format", "json").out());
    assertThat(json.path("parameters").get(0).path("name").asText()).isEqualTo("value");
    CliHarness.Result unknown = h.run("masks", "show", "from_fixd");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("did you mean 'from_fixed'?");
  }

  @Test
  void connectionsListRedactsAndTestConnects() throws Exception {
    h.env.put("PW", "s3cret-password");
    h.write(
        "connections.yml",
        "version: '1.0'\nconnections:\n  db:\n    url: "
            + h.url
            + "\n  other:\n    url: jdbc:h2:mem:x;PASSWORD=plain-secret\n"
            + "    password: ${env:PW}\n");
    CliHarness.Result list = h.run("connections", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out())
        .contains("db")
        .contains("other")
        .contains("PASSWORD=***")
        .doesNotContain("plain-secret");
    assertThat(list.all()).doesNotContain("s3cret");
    CliHarness.Result test = h.run("connections", "test", "db");
    assertThat(test.code()).as(test.all()).isZero();
    assertThat(test.out()).contains("OK: H2");
    assertThat(h.run("connections", "test", "nope").code()).isEqualTo(ExitCodes.INVALID);
  }

  @Test
  void planPrintsTheTaskTree() throws Exception {
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: parallel
            tasks:
              - type: mask_table
                table: t
                key: id
                rules:
                  - column: a
                    masks: [{type: from_fixed, value: x}]
              - type: serial
                tasks:
                  - type: run_sql
                    sql: "SELECT 1"
        """);
    CliHarness.Result offline = h.run("plan", "r.yml");
    assertThat(offline.code()).isZero();
    assertThat(offline.out())
        .contains("└── parallel")
        .contains("├── mask_table t (1 rule: a)")
        .contains("run_sql");
    CliHarness.Result live = h.run("plan", "r.yml", "-c", "db");
    assertThat(live.code()).as(live.all()).isZero();
    assertThat(live.out())
        .contains("[1.1] mask_table PUBLIC.T key (ID) 1 rule")
        .contains("[1.2.1] run_sql SELECT 1");
    JsonNode json =
        Json.MAPPER.readTree(h.run("plan", "r.yml", "-c", "db", "--format", "json").out());
    assertThat(json.path("tasks").get(0).path("tasks").size()).isEqualTo(2);
  }

  @Test
  void verboseOutputStillHoldsNoSecrets() throws Exception {
    h.sql("INSERT INTO t VALUES (1, 'x')");
    h.write(
        "r.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: t\n    key: id\n    rules:\n"
            + "      - column: a\n        masks: [{type: from_random_text, max: 5}]\n");
    for (String format : new String[] {"text", "json"}) {
      // the same table twice: the second run must say --remask (a finished run masked it)
      CliHarness.Result r = h.run("run", "r.yml", "-c", "db", "-v", "--format", format, "--remask");
      assertThat(r.code()).isZero();
      assertThat(r.all()).doesNotContain(CliHarness.SECRET);
      assertThat(h.lastRecord()).doesNotContain(CliHarness.SECRET);
      assertThat(h.lastLog()).doesNotContain(CliHarness.SECRET);
    }
  }
}
