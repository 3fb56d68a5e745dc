package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rows masked in an H2 table, in a CSV export of it and in a Parquet export of it give the
 * same values where the rules hash on columns of the same type: text, integer, date, decimal and
 * timestamp columns.
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
  void csvAndParquetExportsMaskLikeTheTableTheyCameFrom() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(80))",
        "INSERT INTO people SELECT x, 'Name' || x, 'user' || MOD(x, 7) || '@corp.com'"
            + " FROM SYSTEM_RANGE(1, 50)");
    StringBuilder csv = new StringBuilder("id,name,email\n");
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message people { required int32 id; optional binary name (STRING);"
                + " optional binary email (STRING); }");
    List<Group> parquet = new ArrayList<>();
    for (List<String> r : rows(h)) {
      csv.append(String.join(",", r)).append('\n');
      Group g = new SimpleGroup(schema);
      g.add("id", Integer.parseInt(r.get(0)));
      g.add("name", r.get(1));
      g.add("email", r.get(2));
      parquet.add(g);
    }
    h.write("in/people.csv", csv.toString());
    ParquetFiles.write(
        dir.resolve("in/people.parquet"), schema, CompressionCodecName.SNAPPY, parquet);
    h.writeFileConnections();
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
    StringBuilder fromParquet = new StringBuilder("id,name,email\n");
    for (Group g : ParquetFiles.read(dir.resolve("out/people.parquet")).rows()) {
      fromParquet
          .append(g.getInteger("id", 0))
          .append(',')
          .append(g.getString("name", 0))
          .append(',')
          .append(g.getString("email", 0))
          .append('\n');
    }
    assertThat(fromParquet.toString()).isEqualTo(masked.toString());
  }

  /** Rules that hash on a date, a decimal and a timestamp column. */
  private static final String TYPED_RULES =
      """
          rules:
            - column: code
              hash_columns: [born]
              masks: [{type: from_format_string, value_format: "{[A-Z],6}"}]
            - column: label
              hash_columns: [amount]
              masks: [{type: from_format_string, value_format: "{[a-z],6}"}]
            - column: tag
              hash_columns: [seen]
              masks: [{type: from_format_string, value_format: "{[0-9],6}"}]
      """;

  @Test
  void datesDecimalsAndTimestampsSeedAlikeInTheTableACsvAndAParquetFile() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE ev (id INT PRIMARY KEY, born DATE, amount DECIMAL(12,2), seen TIMESTAMP,"
            + " code VARCHAR(20), label VARCHAR(20), tag VARCHAR(20))",
        "INSERT INTO ev SELECT x, DATE '1980-01-01' + MOD(x, 5), CAST(MOD(x, 4) * 2.5 AS"
            + " DECIMAL(12,2)), TIMESTAMP '2021-03-04 05:06:07' + MOD(x, 3) * INTERVAL '1' HOUR,"
            + " 'c', 'l', 't' FROM SYSTEM_RANGE(1, 30)");
    List<List<String>> original = typedRows(h);
    StringBuilder csv = new StringBuilder("id,born,amount,seen,code,label,tag\n");
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message ev { required int32 id; optional int32 born (DATE);"
                + " optional int64 amount (DECIMAL(12,2)); optional int64 seen (TIMESTAMP(MICROS,false));"
                + " optional binary code (STRING); optional binary label (STRING);"
                + " optional binary tag (STRING); }");
    List<Group> parquet = new ArrayList<>();
    for (List<String> r : original) {
      csv.append(String.join(",", r)).append('\n');
      Group g = new SimpleGroup(schema);
      g.add("id", Integer.parseInt(r.get(0)));
      g.add("born", (int) LocalDate.parse(r.get(1)).toEpochDay());
      g.add("amount", new BigDecimal(r.get(2)).movePointRight(2).longValueExact());
      g.add(
          "seen",
          ChronoUnit.MICROS.between(
              LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC),
              LocalDateTime.parse(r.get(3).replace(' ', 'T'))));
      g.add("code", r.get(4));
      g.add("label", r.get(5));
      g.add("tag", r.get(6));
      parquet.add(g);
    }
    h.write("in/ev.csv", csv.toString());
    ParquetFiles.write(dir.resolve("in/ev.parquet"), schema, CompressionCodecName.ZSTD, parquet);
    h.writeFileConnections();
    h.write(
        "table.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: ev\n    key: id\n" + TYPED_RULES);
    h.write(
        "file.yml",
        "version: '1.0'\ntasks:\n  - type: mask_tabular_file\n"
            + "    column_types: {id: integer, born: date, amount: decimal, seen: datetime}\n"
            + TYPED_RULES);
    CliHarness.Result t = h.run("run", "table.yml", "-c", "db");
    assertThat(t.code()).as(t.all()).isZero();
    CliHarness.Result f = h.run("run", "file.yml", "--source", "in", "--target", "out");
    assertThat(f.code()).as(f.all()).isZero();

    List<String> table = new ArrayList<>();
    for (List<String> r : typedRows(h)) {
      table.add(String.join(",", r.subList(4, 7)));
    }
    assertThat(table).doesNotContain("c,l,t");
    assertThat(table.stream().distinct().count()).isGreaterThan(3); // seeded by the values
    List<String> fromCsv = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("out/ev.csv")).subList(1, 31)) {
      fromCsv.add(String.join(",", List.of(line.split(",")).subList(4, 7)));
    }
    assertThat(fromCsv).isEqualTo(table);
    List<String> fromParquet = new ArrayList<>();
    for (Group g : ParquetFiles.read(dir.resolve("out/ev.parquet")).rows()) {
      fromParquet.add(
          g.getString("code", 0) + "," + g.getString("label", 0) + "," + g.getString("tag", 0));
    }
    assertThat(fromParquet).isEqualTo(table);
  }

  private static List<List<String>> typedRows(CliHarness h) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(h.url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT id, born, amount, seen, code, label, tag FROM ev ORDER BY id")) {
      while (rs.next()) {
        List<String> r = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
          r.add(rs.getString(i));
        }
        out.add(r);
      }
    }
    return out;
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
