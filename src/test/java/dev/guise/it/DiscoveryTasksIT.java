package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ruleset tasks {@code run_schema_discovery} and {@code run_data_discovery} on every engine:
 * their reports land in the run's folder (owner-only), sdd-report.csv in the vendor's column order
 * with the ruleset's coverage, run.json links them, {@code guise runs report} shows them; a dry run
 * writes the reports and no table; no sampled value reaches any file.
 */
class DiscoveryTasksIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SDD_HEADER =
      "Selected,Table schema,Table name,Column name,Data Type,Constraint,Foreign Keys,Max Length,"
          + "Numeric Precision,Numeric Scale,Reason for flag,Flagged by,Data classifications,"
          + "Masked by,Coverage gap";
  private static final String RULESET =
      "version: '1.0'\n"
          + "tasks:\n"
          + "  - type: run_schema_discovery\n"
          + "  - type: run_data_discovery\n"
          + "    sample_rows: 50\n"
          + "  - type: mask_table\n"
          + "    table: dt_customers\n"
          + "    key: id\n"
          + "    rules:\n"
          + "      - column: email\n"
          + "        masks:\n"
          + "          - type: from_fixed\n"
          + "            value: masked@example.org\n";

  static Stream<String> engines() {
    return Engines.names();
  }

  @ParameterizedTest
  @MethodSource("engines")
  void discoveryTasksWriteLinkedPrivateReportsBesideMasking(String engineName, @TempDir Path tmp)
      throws Exception {
    try (TestEngine e = Engines.named(engineName)) {
      e.open();
      create(e);
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);

      GuiseCli.Result dry = cli.run(RULESET, "--dry-run");
      assertThat(dry.exit()).as(dry.toString()).isZero();
      assertThat(emails(e)).as("a dry run writes no table").allMatch(v -> v.startsWith("person"));
      Path dryDir = runDir(tmp, dry);
      assertThat(dryDir.resolve("sdd-report.csv")).exists();
      assertThat(dryDir.resolve("schema-report.json")).exists();

      GuiseCli.Result run = cli.run(RULESET);
      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(emails(e)).as("mask_table ran too").containsOnly("masked@example.org");
      Path dir = runDir(tmp, run);
      JsonNode record = JSON.readTree(dir.resolve("run.json").toFile());
      List<String> links = new ArrayList<>();
      record
          .path("reports")
          .forEach(r -> links.add(r.path("kind").asText() + ":" + r.path("file").asText()));
      assertThat(links).containsExactly("schema:schema-report.json", "sdd:sdd-report.csv");
      for (String f : List.of("sdd-report.csv", "schema-report.json")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
            .as(f)
            .isEqualTo("rw-------");
      }

      String sdd = Files.readString(dir.resolve("sdd-report.csv"), StandardCharsets.UTF_8);
      assertThat(sdd.lines().findFirst()).hasValue(SDD_HEADER);
      assertThat(line(sdd, "dt_customers,email,")).startsWith("TRUE,").contains("mask_table");
      assertThat(line(sdd, "dt_customers,first_name,")).startsWith("TRUE,").contains("NOT COVERED");
      assertThat(line(sdd, "dt_orders,card_number,")).startsWith("TRUE,").contains("PCI");
      assertThat(line(sdd, "dt_orders,quantity,")).startsWith("FALSE,");
      JsonNode schema = JSON.readTree(dir.resolve("schema-report.json").toFile());
      assertThat(schema.path("summary").path("tables").asInt()).isEqualTo(2);

      // no sampled value in any file of either run (fingerprints included: read as bytes)
      for (Path d : List.of(dir, dryDir)) {
        try (Stream<Path> files = Files.walk(d)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(text)
                .as(f.toString())
                .doesNotContain("person1@", "Alice", "4111111111111111");
          }
        }
      }

      GuiseCli.Result show = cli.command("runs", "show", id(run));
      assertThat(show.out()).contains("report:     sdd-report.csv", "--kind schema");
      GuiseCli.Result text = cli.command("runs", "report", id(run));
      assertThat(text.exit()).as(text.toString()).isZero();
      assertThat(text.out().toLowerCase(Locale.ROOT))
          .contains("dt_customers.email", "not covered by the ruleset", "dt_orders.card_number");
      GuiseCli.Result csv =
          cli.command("runs", "report", id(run), "--kind", "sdd", "--format", "csv");
      assertThat(csv.exit()).as(csv.toString()).isZero();
      assertThat(csv.out()).isEqualTo(sdd);
      GuiseCli.Result html =
          cli.command(
              "runs", "report", id(run), "--kind", "schema", "--format", "html", "-o", "s.html");
      assertThat(html.exit()).as(html.toString()).isZero();
      assertThat(Files.readString(tmp.resolve("work/s.html")).toLowerCase(Locale.ROOT))
          .contains("<table>", "dt_orders", "quantity");
      GuiseCli.Result json =
          cli.command("runs", "report", id(run), "--kind", "schema", "--format", "json");
      assertThat(JSON.readTree(json.out()).size()).isGreaterThanOrEqualTo(8);
    }
  }

  private static void create(TestEngine e) throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("dt_customers")
            + " (id INT PRIMARY KEY, email VARCHAR(100), first_name VARCHAR(40),"
            + " phone VARCHAR(30))",
        "CREATE TABLE "
            + e.t("dt_orders")
            + " (id INT PRIMARY KEY, customer_id INT REFERENCES "
            + e.t("dt_customers")
            + " (id), card_number VARCHAR(19), quantity INT)");
    List<Object[]> customers = new ArrayList<>();
    List<Object[]> orders = new ArrayList<>();
    String[] names = {"Alice", "Bruno", "Chiara", "Deepak"};
    for (int i = 1; i <= 20; i++) {
      customers.add(
          new Object[] {i, "person" + i + "@example.com", names[i % 4], "+6421555" + (1000 + i)});
      orders.add(new Object[] {i, i, "4111111111111111", i * 3});
    }
    e.insert("dt_customers", List.of("id", "email", "first_name", "phone"), customers);
    e.insert("dt_orders", List.of("id", "customer_id", "card_number", "quantity"), orders);
  }

  private static List<String> emails(TestEngine e) throws Exception {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> row : e.dump("dt_customers")) {
      row.forEach(
          (k, v) -> {
            if (k.equalsIgnoreCase("email")) {
              out.add(String.valueOf(v));
            }
          });
    }
    return out;
  }

  private static String line(String csv, String contains) {
    return csv.lines()
        .filter(l -> l.toLowerCase(Locale.ROOT).contains(contains))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + contains + " in\n" + csv));
  }

  static String id(GuiseCli.Result r) {
    return r.record().path("id").asText();
  }

  static Path runDir(Path tmp, GuiseCli.Result r) {
    return tmp.resolve("home/runs").resolve(id(r));
  }
}
