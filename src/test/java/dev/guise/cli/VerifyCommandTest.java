package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guise verify} after the demo ruleset's run on the demo database (smaller), on H2. */
class VerifyCommandTest {
  @TempDir Path dir;
  private CliHarness h;

  @BeforeEach
  void demoRun() throws Exception {
    h = new CliHarness(dir);
    try (Connection c = DriverManager.getConnection(h.url)) {
      c.setAutoCommit(false);
      new DemoDatabase(300).create(c);
    }
    h.sql(
        "CREATE TABLE orig_customers AS SELECT * FROM customers",
        "CREATE TABLE orig_payments AS SELECT * FROM payments");
    Files.copy(Path.of("examples/demo/ruleset.yml"), dir.resolve("ruleset.yml"));
    CliHarness.Result run = h.run("run", "ruleset.yml", "-c", "db", "--batch-size", "64");
    assertThat(run.code()).as(run.all()).isZero();
  }

  @Test
  void noOriginalSurvivesWhereAMaskPromisedAChange() throws Exception {
    CliHarness.Result r = h.run("verify", runId(), "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out()).contains("No original survived");
    Map<String, JsonNode> cols = columns(h.run("verify", runId(), "-c", "db", "--format", "json"));
    for (String promised :
        new String[] {
          "customers.first_name",
          "customers.last_name",
          "addresses.street",
          "addresses.postcode",
          "payments.card_number",
          "employees.first_name"
        }) {
      JsonNode c = cols.get(promised);
      assertThat(c).as(promised).isNotNull();
      assertThat(c.path("change_promised").asBoolean()).as(promised).isTrue();
      assertThat(c.path("values_read").asLong()).as(promised).isPositive();
      assertThat(c.path("originals").asLong()).as(promised).isPositive();
      assertThat(c.path("same_row").asLong()).as(promised).isZero();
    }
    assertThat(cols.get("payments.card_number").path("any_row").asLong()).isZero();
    // a fixed value promises nothing (and equals no original here)
    assertThat(cols.get("employees.notes").path("change_promised").asBoolean()).isFalse();
    // the values are nowhere in the output
    assertThat(r.all()).doesNotContain(h.dump("orig_payments", "order_id").split("\\|")[2]);
  }

  @Test
  void originalsRestoredByHandAreCountedExactlyAndFail() throws Exception {
    Map<String, JsonNode> before =
        columns(h.run("verify", runId(), "-c", "db", "--format", "json"));
    // five first names back in their own rows; three card numbers back in their own rows and one
    // original card number moved into another row
    h.sql(
        "UPDATE customers c SET first_name = (SELECT o.first_name FROM orig_customers o"
            + " WHERE o.id = c.id) WHERE id IN (3, 5, 8, 13, 21)",
        "UPDATE payments p SET card_number = (SELECT o.card_number FROM orig_payments o"
            + " WHERE o.order_id = p.order_id AND o.attempt = p.attempt)"
            + " WHERE order_id IN (2, 4, 6) AND attempt = 1",
        "UPDATE payments SET card_number = (SELECT card_number FROM orig_payments"
            + " WHERE order_id = 10 AND attempt = 1) WHERE order_id = 11 AND attempt = 1");
    CliHarness.Result r = h.run("verify", runId(), "-c", "db", "--format", "json");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.COVERAGE_GAP);
    Map<String, JsonNode> after = columns(r);
    assertThat(after.get("customers.first_name").path("same_row").asLong()).isEqualTo(5);
    assertThat(after.get("customers.first_name").path("fails").asBoolean()).isTrue();
    assertThat(after.get("payments.card_number").path("same_row").asLong()).isEqualTo(3);
    assertThat(after.get("payments.card_number").path("any_row").asLong()).isEqualTo(4);
    assertThat(after.get("customers.last_name").path("same_row").asLong())
        .isEqualTo(before.get("customers.last_name").path("same_row").asLong());
    CliHarness.Result text = h.run("verify", runId(), "-c", "db");
    assertThat(text.code()).isEqualTo(ExitCodes.COVERAGE_GAP);
    assertThat(text.out()).contains("FAIL").contains("exit 8");
  }

  @Test
  void fingerprintsOfAnotherSecretMatchNothing() throws Exception {
    h.sql(
        "UPDATE payments p SET card_number = (SELECT o.card_number FROM orig_payments o"
            + " WHERE o.order_id = p.order_id AND o.attempt = p.attempt)");
    CliHarness.Result wrong = withSecret("another-secret-0123456789-abcdef", "verify");
    assertThat(wrong.code()).as(wrong.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(wrong.err()).contains("not the one the run used");
    // told the other secret is the run's, verify derives another key: nothing matches
    Path record = runFolder().resolve("run.json");
    ObjectNode rec = (ObjectNode) Json.MAPPER.readTree(record.toFile());
    ((ObjectNode) rec.path("options"))
        .put(
            "run_secret_fingerprint",
            dev.guise.secret.RunSecret.of("another-secret-0123456789-abcdef", "test")
                .fingerprint());
    Json.MAPPER.writeValue(record.toFile(), rec);
    CliHarness.Result other = withSecret("another-secret-0123456789-abcdef", "json");
    assertThat(other.code()).as(other.all()).isZero();
    assertThat(columns(other).get("payments.card_number").path("same_row").asLong()).isZero();
  }

  @Test
  void deleteFingerprintsRemovesThemAndTheFilesAreTheOwnersAlone() throws Exception {
    Path prints = runFolder().resolve("fingerprints");
    try (Stream<Path> s = Files.walk(prints)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as(p.toString())
            .isEqualTo("rw-------");
      }
    }
    CliHarness.Result d = h.run("verify", runId(), "--delete-fingerprints");
    assertThat(d.code()).as(d.all()).isZero();
    assertThat(d.out()).contains("fingerprints deleted");
    assertThat(prints).doesNotExist();
    CliHarness.Result again = h.run("verify", runId(), "-c", "db");
    assertThat(again.code()).as(again.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(again.err()).contains("keeps no fingerprints");
  }

  @Test
  void aDryRunKeepsNoFingerprints() throws Exception {
    CliHarness.Result dry = h.run("run", "ruleset.yml", "-c", "db", "--dry-run", "--remask");
    assertThat(dry.code()).as(dry.all()).isZero();
    assertThat(runFolder().resolve("fingerprints")).doesNotExist();
  }

  private CliHarness.Result withSecret(String secret, String mode) throws Exception {
    Map<String, String> saved = new HashMap<>(h.env);
    h.env.put("GUISE_RUN_SECRET", secret);
    try {
      return mode.equals("json")
          ? h.run("verify", runId(), "-c", "db", "--format", "json")
          : h.run("verify", runId(), "-c", "db");
    } finally {
      h.env.clear();
      h.env.putAll(saved);
    }
  }

  private Path runFolder() throws Exception {
    try (Stream<Path> s = Files.list(h.home.resolve("runs"))) {
      return s.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  private String runId() throws Exception {
    return runFolder().getFileName().toString();
  }

  private static Map<String, JsonNode> columns(CliHarness.Result r) throws Exception {
    JsonNode doc = Json.MAPPER.readTree(r.out());
    Map<String, JsonNode> out = new HashMap<>();
    doc.path("columns")
        .forEach(
            c ->
                out.put(
                    c.path("table").asText().toLowerCase()
                        + "."
                        + c.path("column").asText().toLowerCase(),
                    c));
    return out;
  }
}
