package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run is told apart from a real one, and every record says which Guise wrote it. */
class DryRunAndVersionTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = CliHarness.withSampleData(dir);
  }

  @Test
  void dryRunAndVersionInTheRecordTheListAndShow() throws Exception {
    assertThat(h.run("run", "ruleset.yml", "-c", "db", "--dry-run").code()).isZero();
    JsonNode dry = Json.MAPPER.readTree(h.lastRecord());
    assertThat(dry.path("dry_run").asBoolean()).isTrue();
    // run from classes in the tests: no jar manifest
    assertThat(dry.path("guise_version").asText()).isEqualTo("dev");
    assertThat(h.run("run", "ruleset.yml", "-c", "db").code()).isZero();
    JsonNode real = Json.MAPPER.readTree(h.lastRecord());
    assertThat(real.path("dry_run").asBoolean()).isFalse();

    String list = h.run("runs", "list").out();
    assertThat(list.lines().filter(l -> l.startsWith(dry.path("id").asText())).findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains("dry-run"));
    assertThat(list.lines().filter(l -> l.startsWith(real.path("id").asText())).findFirst())
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("dry-run"));
    JsonNode listed = Json.MAPPER.readTree(h.run("runs", "list", "--format", "json").out());
    assertThat(listed.get(1).path("dry_run").asBoolean()).isTrue();
    assertThat(listed.get(1).path("guise_version").asText()).isEqualTo("dev");

    assertThat(h.run("runs", "show", dry.path("id").asText()).out())
        .contains("status:     finished (dry run: nothing was written)")
        .contains("guise:      dev");
    assertThat(h.run("runs", "show", real.path("id").asText()).out()).doesNotContain("dry run");
  }
}
