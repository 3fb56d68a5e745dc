package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guise plan -c}: columns, row estimates and triggers in text, the whole plan as data. */
class PlanDetailsTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = CliHarness.withSampleData(dir);
    h.sql(
        "CREATE TABLE orders (id INT PRIMARY KEY, person INT, note VARCHAR(40))",
        "INSERT INTO orders SELECT x, x, 'n' FROM SYSTEM_RANGE(1, 10)",
        "CREATE TRIGGER people_audit BEFORE UPDATE ON people FOR EACH ROW CALL '"
            + NoopTrigger.class.getName()
            + "'");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: orders
            key: id
            joins:
              - target_table: people
                target_key: id
                source_table: orders
                source_key: person
            rules:
              - column: note
                hash_columns: [people.email]
                masks:
                  - type: from_fixed
                    value: masked
          - type: mask_table
            table: people
            key: id
            rules:
              - column: name
                masks: [{type: from_choices, choices: [Ann, Bob]}]
              - column: email
                masks: [{type: from_fixed, value: x@example.com}]
          - type: truncate_table
            table: contacts
        """);
  }

  @Test
  void textKeepsTheColumnsShowsEstimatesAndWarnsAboutTriggers() {
    CliHarness.Result r = h.run("plan", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("\\[1] mask_table PUBLIC.ORDERS .*, ~10 rows: NOTE")
        .containsPattern("\\[2] mask_table PUBLIC.PEOPLE .*, ~2500 rows: NAME, EMAIL");
    assertThat(r.err())
        .contains(
            "warning: PUBLIC.PEOPLE - has a trigger (PEOPLE_AUDIT) that will fire on every row")
        .doesNotContain("PUBLIC.ORDERS -");
  }

  @Test
  void jsonIsStructured() throws Exception {
    CliHarness.Result r = h.run("plan", "r.yml", "-c", "db", "--format", "json");
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode tasks = Json.MAPPER.readTree(r.out()).path("tasks");
    JsonNode orders = tasks.get(0);
    assertThat(orders.path("type").asText()).isEqualTo("mask_table");
    assertThat(orders.path("id").asText()).isEqualTo("1");
    assertThat(orders.path("table").asText()).isEqualTo("PUBLIC.ORDERS");
    assertThat(orders.path("key").toString()).isEqualTo("[\"ID\"]");
    assertThat(orders.path("estimated_rows").asLong()).isEqualTo(10);
    assertThat(orders.path("triggers")).isEmpty();
    JsonNode note = orders.path("columns").get(0);
    assertThat(note.path("column").asText()).isEqualTo("NOTE");
    assertThat(note.path("masks").get(0).path("type").asText()).isEqualTo("from_fixed");
    assertThat(note.path("masks").get(0).path("value").asText()).isEqualTo("masked");
    assertThat(note.path("hash_columns").get(0).asText()).isEqualTo("people.email");
    JsonNode join = orders.path("joins").get(0);
    assertThat(join.path("table").asText()).isEqualTo("PUBLIC.PEOPLE");
    assertThat(join.path("key").get(0).asText()).isEqualTo("ID");
    assertThat(join.path("source_key").get(0).asText()).isEqualTo("PERSON");
    JsonNode people = tasks.get(1);
    assertThat(people.path("triggers").get(0).asText()).isEqualTo("PEOPLE_AUDIT");
    assertThat(people.path("columns")).hasSize(2);
    assertThat(tasks.get(2).path("type").asText()).isEqualTo("truncate_table");
    assertThat(tasks.get(2).path("table").asText()).isEqualTo("PUBLIC.CONTACTS");
  }
}
