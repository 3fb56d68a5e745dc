package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rows masked in an H2 table and in a CSV export of it give the same values where the
 * rules hash on columns of the same declared type: a text column and an integer one.
 */
class CsvMasksLikeTableTest {
  private static final String RULES =
      """
          rules:
            - column: email
              hash_columns: [email]
              masks:
                - type: from_format_string
                  value_format: "{[a-z],10}@example.com"
            - column: name
              hash_columns: [id]
              masks:
                - type: from_file
                  seed_file: first_names
                  seed_column: first_name
      """;

  @TempDir Path dir;

  @Test
  void aCsvExportMasksLikeTheTableItCameFrom() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(80))",
        "INSERT INTO people SELECT x, 'Name' || x, 'user' || MOD(x, 7) || '@corp.com'"
            + " FROM SYSTEM_RANGE(1, 50)");
    StringBuilder csv = new StringBuilder("id,name,email\n");
    for (List<String> r : rows(h)) {
      csv.append(String.join(",", r)).append('\n');
    }
    h.write("in/people.csv", csv.toString());
    h.write(
        "connections.yml",
        "version: '1.0'\nconnections:\n  db:\n    url: "
            + h.url
            + "\n  in:\n    type: file\n    path: in\n  out:\n    type: file\n    path: out\n");
    h.write(
        "table.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: people\n    key: id\n" + RULES);
    h.write(
        "file.yml",
        "version: '1.0'\ntasks:\n  - type: mask_tabular_file\n    column_types: {id: integer}\n"
            + RULES);
    CliHarness.Result t = h.run("run", "table.yml", "-c", "db");
    assertThat(t.code()).as(t.all()).isZero();
    CliHarness.Result f = h.run("run", "file.yml", "--source", "in", "--target", "out");
    assertThat(f.code()).as(f.all()).isZero();

    StringBuilder masked = new StringBuilder("id,name,email\n");
    for (List<String> r : rows(h)) {
      masked.append(String.join(",", r)).append('\n');
    }
    assertThat(masked.toString()).doesNotContain("@corp.com");
    assertThat(Files.readString(dir.resolve("out/people.csv"))).isEqualTo(masked.toString());
  }

  private static List<List<String>> rows(CliHarness h) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(h.url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, email FROM people ORDER BY id")) {
      while (rs.next()) {
        out.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }
}
