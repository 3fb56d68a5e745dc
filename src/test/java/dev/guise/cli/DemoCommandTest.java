package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code guise demo} from the project folder, as the README's first command runs it. */
class DemoCommandTest {
  @TempDir Path home;

  private CliHarness.Result demo(Path workingDir, String... extra) {
    return guise(workingDir, "demo", extra);
  }

  private CliHarness.Result guise(Path workingDir, String command, String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        GuiseCommand.commandLine(
            new CliEnvironment(
                Map.of(
                    "GUISE_HOME",
                    home.toString(),
                    "GUISE_RUN_SECRET",
                    "demo-test-secret-0123456789"),
                Clock.systemUTC(),
                workingDir,
                false,
                false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] args = new String[extra.length + 1];
    args[0] = command;
    System.arraycopy(extra, 0, args, 1, extra.length);
    return new CliHarness.Result(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void demoMasksTheSampleDatabaseAndLeavesAFinishedRecord() throws Exception {
    CliHarness.Result r = demo(Path.of("").toAbsolutePath());
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("Sample of PUBLIC.CUSTOMERS (before -> after):")
        .contains(" -> ")
        .contains("finished");
    Path runs = home.resolve("runs");
    Path run;
    try (var s = Files.list(runs)) {
      run = s.findFirst().orElseThrow();
    }
    JsonNode rec = Json.MAPPER.readTree(run.resolve("run.json").toFile());
    assertThat(rec.path("status").asText()).isEqualTo("finished");
    assertThat(rec.path("rows_updated").asLong()).isGreaterThan(10_000);
    // originals were shown on screen (made-up data), but they are not kept in the record
    assertThat(rec.has("samples")).isFalse();
  }

  @Test
  void verifyAfterTheDemoRunFindsNoOriginalWhereAChangeWasPromised() throws Exception {
    Path project = Path.of("").toAbsolutePath();
    CliHarness.Result r = demo(project, "-q");
    assertThat(r.code()).as(r.all()).isZero();
    String id;
    try (var s = Files.list(home.resolve("runs"))) {
      id = s.findFirst().orElseThrow().getFileName().toString();
    }
    CliHarness.Result v =
        guise(
            project,
            "verify",
            id,
            "-c",
            "demo",
            "--connections",
            "examples/demo/connections.yml",
            "--format",
            "json");
    assertThat(v.code()).as(v.all()).isZero();
    JsonNode doc = Json.MAPPER.readTree(v.out());
    int promised = 0;
    for (JsonNode c : doc.path("columns")) {
      if (c.path("change_promised").asBoolean()) {
        promised++;
        assertThat(c.path("same_row").asLong()).as(c.toString()).isZero();
        assertThat(c.path("values_read").asLong()).as(c.toString()).isPositive();
      }
    }
    // force_change (postcode), credit_card, and the seed names and streets
    assertThat(promised).isGreaterThanOrEqualTo(7);
    assertThat(doc.path("survivors_where_change_promised").asBoolean()).isFalse();
  }

  @Test
  void demoWorksOutsideACheckoutFromTheBundledRuleset(@TempDir Path elsewhere) {
    CliHarness.Result r = demo(elsewhere, "--dry-run");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(home.resolve("demo/ruleset.yml")).exists();
    assertThat(r.out()).contains("dry run: nothing written");
  }
}
