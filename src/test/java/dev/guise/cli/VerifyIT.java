package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.it.IntegrationServers;
import dev.guise.it.IntegrationServers.Engine;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code guise verify} after the demo ruleset's run on PostgreSQL and MariaDB: no original survives
 * where a mask promised a change, and originals restored by hand are counted exactly (exit 8).
 */
class VerifyIT {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = Engine.class,
      names = {"POSTGRES", "MARIADB"})
  void verifyCountsPlantedOriginalsExactly(Engine engine) throws Exception {
    String server = IntegrationServers.url(engine).orElse(null);
    assumeTrue(server != null, IntegrationServers.whySkipped(engine));
    String name = "guise_verify_it_" + Long.toHexString(System.nanoTime());
    boolean pg = engine == Engine.POSTGRES;
    String url = pg ? server : server.replaceFirst("/test(\\?|$)", "/" + name + "$1");
    admin(server, pg ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name);
    try {
      try (Connection c = DriverManager.getConnection(url)) {
        c.setAutoCommit(false);
        if (pg) {
          c.setSchema(name);
        }
        new DemoDatabase(200).create(c);
      }
      sql(url, pg ? name : null, "CREATE TABLE orig_customers AS SELECT * FROM customers");
      sql(url, pg ? name : null, "CREATE TABLE orig_payments AS SELECT * FROM payments");
      CliHarness h = new CliHarness(dir);
      h.write(
          "connections.yml",
          "version: '1.0'\nconnections:\n  db:\n    url: '"
              + url
              + "'\n"
              + (pg ? "    schema: " + name + "\n" : ""));
      Files.copy(Path.of("examples/demo/ruleset.yml"), dir.resolve("ruleset.yml"));
      CliHarness.Result run = h.run("run", "ruleset.yml", "-c", "db", "--batch-size", "50");
      assertThat(run.code()).as(run.all()).isZero();
      String id = runId(h);

      CliHarness.Result clean = h.run("verify", id, "-c", "db", "--format", "json");
      assertThat(clean.code()).as(clean.all()).isZero();
      Map<String, JsonNode> before = columns(clean);
      for (String c :
          new String[] {"customers.first_name", "addresses.postcode", "payments.card_number"}) {
        assertThat(before.get(c).path("same_row").asLong()).as(c).isZero();
        assertThat(before.get(c).path("values_read").asLong()).as(c).isPositive();
      }

      sql(
          url,
          pg ? name : null,
          "UPDATE customers SET first_name = (SELECT o.first_name FROM orig_customers o"
              + " WHERE o.id = customers.id) WHERE id IN (2, 7, 9)");
      sql(
          url,
          pg ? name : null,
          "UPDATE payments SET card_number = (SELECT o.card_number FROM orig_payments o"
              + " WHERE o.order_id = payments.order_id AND o.attempt = payments.attempt)"
              + " WHERE order_id IN (1, 3) AND attempt = 1");
      CliHarness.Result planted = h.run("verify", id, "-c", "db", "--format", "json");
      assertThat(planted.code()).as(planted.all()).isEqualTo(ExitCodes.COVERAGE_GAP);
      Map<String, JsonNode> after = columns(planted);
      assertThat(after.get("customers.first_name").path("same_row").asLong()).isEqualTo(3);
      assertThat(after.get("payments.card_number").path("same_row").asLong()).isEqualTo(2);
      assertThat(after.get("payments.card_number").path("any_row").asLong()).isEqualTo(2);
      System.out.println("verify on " + engine.title() + ": planted 3 + 2 survivors, found 3 + 2");
    } finally {
      admin(server, pg ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name);
    }
  }

  private static void admin(String url, String statement) throws Exception {
    sql(url, null, statement);
  }

  private static void sql(String url, String schema, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      if (schema != null) {
        c.setSchema(schema);
      }
      s.execute(statement);
    }
  }

  private static String runId(CliHarness h) throws Exception {
    try (Stream<Path> s = Files.list(h.home.resolve("runs"))) {
      return s.filter(Files::isDirectory)
          .sorted()
          .reduce((a, b) -> b)
          .orElseThrow()
          .getFileName()
          .toString();
    }
  }

  private static Map<String, JsonNode> columns(CliHarness.Result r) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    Json.MAPPER
        .readTree(r.out())
        .path("columns")
        .forEach(
            c ->
                out.put(
                    (c.path("table").asText() + "." + c.path("column").asText())
                        .toLowerCase(Locale.ROOT),
                    c));
    return out;
  }
}
