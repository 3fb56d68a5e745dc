package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.CancelRequest;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guise runs cancel} without a live process: the errors, the request and the time limit. */
class RunsCancelCommandTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
  }

  /** A record that says running, as a run of another process would leave it. */
  private Path liveRun(String id) throws Exception {
    Path folder = Files.createDirectories(h.home.resolve("runs").resolve(id));
    Files.writeString(
        folder.resolve("run.json"),
        "{\"id\":\""
            + id
            + "\",\"status\":\"running\",\"connection\":{\"name\":\"db\"},"
            + "\"ruleset\":{\"path\":\"r.yml\",\"sha256\":\"abc\"}}");
    return folder;
  }

  @Test
  void anUnknownIdIsAUsageError() {
    CliHarness.Result r = h.run("runs", "cancel", "20990101");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("run '20990101' - no such run");
  }

  @Test
  void aFinishedRunCannotBeCancelled() throws Exception {
    RunCommandTest.createData(h);
    h.write("ruleset.yml", RunCommandTest.RULESET);
    assertThat(h.run("run", "ruleset.yml", "-c", "db").code()).isZero();
    String id = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    CliHarness.Result r = h.run("runs", "cancel", id);
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("run " + id + " - is finished, not running");
    assertThat(h.home.resolve("runs").resolve(id).resolve(CancelRequest.FILE)).doesNotExist();
  }

  @Test
  void waitZeroOnlyAsksAndTheRequestIsAudited() throws Exception {
    Path folder = liveRun("20260101T000000000-aaaaaa");
    CliHarness.Result r = h.run("runs", "cancel", "20260101T0000", "--wait", "0");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out()).contains("cancel requested for run 20260101T000000000-aaaaaa");
    JsonNode req = Json.MAPPER.readTree(folder.resolve(CancelRequest.FILE).toFile());
    assertThat(req.path("requested_by").asText()).startsWith(System.getProperty("user.name"));
    JsonNode audit = Json.MAPPER.readTree(Files.readAllLines(h.home.resolve("audit.jsonl")).get(0));
    assertThat(audit.path("event").asText()).isEqualTo("cancel_requested");
    assertThat(audit.path("run_id").asText()).isEqualTo("20260101T000000000-aaaaaa");
    assertThat(audit.path("connection").asText()).isEqualTo("db");
    assertThat(audit.path("ruleset_sha256").asText()).isEqualTo("abc");
  }

  @Test
  void aRunThatDoesNotStopInTimeIsReportedAndTheRequestStands() throws Exception {
    Path folder = liveRun("20260101T000000000-bbbbbb");
    CliHarness.Result r =
        h.run("runs", "cancel", "20260101T000000000-bbbbbb", "--wait", "1", "--format", "json");
    assertThat(r.code()).isEqualTo(ExitCodes.RUN_FAILED);
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertThat(doc.path("status").asText()).isEqualTo("cancel_requested");
    assertThat(doc.path("message").asText()).contains("not cancelled within 1 s");
    assertThat(folder.resolve(CancelRequest.FILE)).exists();
  }
}
