package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet files through the real command line: typed columns masked and written back in the file's
 * schema and codec, the other columns copied as they were.
 */
class ParquetFileRunTest {
  static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          """
          message people {
            required int64 id;
            optional binary name (STRING);
            optional binary email (STRING);
            optional int32 age (INTEGER(16,true));
            optional int64 amount (DECIMAL(12,2));
            optional fixed_len_byte_array(8) balance (DECIMAL(18,4));
            optional int32 born (DATE);
            optional int64 seen (TIMESTAMP(MICROS,false));
            optional boolean active;
            optional double score;
            optional binary note (STRING);
          }
          """);

  static final String RULES =
      """
      version: '1.0'
      tasks:
        - type: mask_tabular_file
          skip: [{regex: 'skip_.*'}]
          rules:
            - column: email
              hash_columns: [email]
              masks:
                - type: from_format_string
                  value_format: "{[a-z],8}@example.com"
            - column: name
              masks:
                - type: from_choices
                  choices: [Ann, Bob, Cy, Di]
            - column: age
              masks: [{type: from_random_number, min: 18, max: 99}]
            - column: amount
              masks: [{type: from_random_number, min: 1, max: 1000, decimal_places: 2}]
            - column: born
              masks: [{type: from_random_date, min: '1950-01-01', max: '2000-12-31'}]
            - column: seen
              masks:
                - type: from_random_datetime
                  min: '2020-01-01T00:00:00'
                  max: '2024-12-31T00:00:00'
            - column: active
              masks: [{type: from_random_boolean}]
      """;

  static final List<String> UNMASKED = List.of("id", "balance", "score", "note");

  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.writeFileConnections();
  }

  private CliHarness.Result run(String ruleset, String... more) throws IOException {
    return h.runFiles(ruleset, more);
  }

  /** 30 people; every 5th has nulls, emails repeat every 7. */
  static List<Group> people(int n) {
    List<Group> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Group g = new SimpleGroup(SCHEMA);
      g.add("id", (long) i);
      g.add("name", "Name" + i);
      g.add("email", "user" + (i % 7) + "@corp.com");
      g.add("age", 20 + i);
      g.add("amount", 10_000L + i);
      g.add("balance", Binary.fromConstantByteArray(fixed8(BigInteger.valueOf(-123_456L * i))));
      if (i % 5 != 0) {
        g.add("born", (int) LocalDate.of(1980, 1, 1).plusDays(i).toEpochDay());
        g.add("note", "note é " + i);
      }
      g.add(
          "seen",
          ChronoUnit.MICROS.between(
              LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC),
              LocalDateTime.of(2021, 3, 4, 5, 6, 7).plusSeconds(i)));
      g.add("active", i % 2 == 0);
      g.add("score", i / 3.0);
      rows.add(g);
    }
    return rows;
  }

  private static byte[] fixed8(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[8];
    java.util.Arrays.fill(out, v.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(b, 0, out, 8 - b.length, b.length);
    return out;
  }

  /** A field's value as stored: the bits, for comparing unmasked columns. */
  static Object raw(Group g, String field) {
    int i = g.getType().getFieldIndex(field);
    if (g.getFieldRepetitionCount(i) == 0) {
      return null;
    }
    PrimitiveType p = g.getType().getType(i).asPrimitiveType();
    return switch (p.getPrimitiveTypeName()) {
      case INT64 -> g.getLong(i, 0);
      case INT32 -> g.getInteger(i, 0);
      case DOUBLE -> Double.doubleToRawLongBits(g.getDouble(i, 0));
      case FLOAT -> Float.floatToRawIntBits(g.getFloat(i, 0));
      case BOOLEAN -> g.getBoolean(i, 0);
      default -> g.getBinary(i, 0);
    };
  }

  @Test
  void typedColumnsAreMaskedAndTheRestIsCopiedInTheFilesSchemaAndCodec() throws Exception {
    List<Group> in = people(30);
    ParquetFiles.write(dir.resolve("in/people.parquet"), SCHEMA, CompressionCodecName.ZSTD, in);
    ParquetFiles.write(
        dir.resolve("in/skip_me.parquet"), SCHEMA, CompressionCodecName.SNAPPY, people(2));
    ParquetFiles.write(
        dir.resolve("in/deep/not_recursed.parquet"),
        SCHEMA,
        CompressionCodecName.SNAPPY,
        people(2));
    h.write(
        "in/people.csv",
        "id,name,email,age,amount,born,seen,active\n1,A,user1@corp.com,3,4,x,y,true\n");
    CliHarness.Result r = run(RULES);
    assertThat(r.code()).as(r.all()).isZero();

    ParquetFiles.Read out = ParquetFiles.read(dir.resolve("out/people.parquet"));
    assertThat(out.schema()).isEqualTo(SCHEMA);
    assertThat(out.codec()).isEqualTo(CompressionCodecName.ZSTD);
    assertThat(out.rows()).hasSize(30);
    Map<String, String> maskedEmail = new HashMap<>();
    for (int k = 0; k < 30; k++) {
      Group a = in.get(k);
      Group b = out.rows().get(k);
      for (String c : UNMASKED) {
        assertThat(raw(b, c)).as(c + " of row " + (k + 1)).isEqualTo(raw(a, c));
      }
      String email = b.getString("email", 0);
      assertThat(email).matches("[a-z]{8}@example\\.com");
      // the same email masks the same wherever it is
      assertThat(maskedEmail.computeIfAbsent(a.getString("email", 0), e -> email)).isEqualTo(email);
      assertThat(b.getString("name", 0)).isIn("Ann", "Bob", "Cy", "Di");
      assertThat(b.getInteger("age", 0)).isBetween(18, 99);
      assertThat(b.getLong("amount", 0)).isBetween(100L, 100_000L);
      if (b.getFieldRepetitionCount(b.getType().getFieldIndex("born")) > 0) {
        assertThat(LocalDate.ofEpochDay(b.getInteger("born", 0)))
            .isBetween(LocalDate.of(1950, 1, 1), LocalDate.of(2000, 12, 31));
      }
      LocalDateTime seen =
          LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC)
              .plus(b.getLong("seen", 0), ChronoUnit.MICROS);
      assertThat(seen)
          .isBetween(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2024, 12, 31, 0, 0));
    }
    // the csv file went through the same task, with the same masked email
    assertThat(Files.readAllLines(dir.resolve("out/people.csv")).get(1).split(",")[2])
        .isEqualTo(maskedEmail.get("user1@corp.com"));
    assertThat(dir.resolve("out/skip_me.parquet")).doesNotExist();
    assertThat(dir.resolve("out/deep")).doesNotExist();

    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    JsonNode task = rec.path("tasks").get(0);
    assertThat(task.path("rows_read").asLong()).isEqualTo(31);
    assertThat(task.path("bytes_done").asLong())
        .isEqualTo(task.path("bytes_total").asLong())
        .isEqualTo(
            Files.size(dir.resolve("in/people.parquet"))
                + Files.size(dir.resolve("in/people.csv")));
    String report =
        Files.readString(
            h.home.resolve("runs").resolve(rec.path("id").asText()).resolve("file-report.csv"));
    assertThat(report)
        .contains(
            "people.parquet,"
                + Files.size(dir.resolve("in/people.parquet"))
                + ",parquet,30,masked,")
        .contains("skip_me.parquet,")
        .contains(",parquet,0,skipped,matches skip regex 'skip_.*'")
        .doesNotContain("not_recursed")
        .doesNotContain("corp.com");
  }

  @Test
  void theSameRunSecretGivesTheSameFile() throws Exception {
    ParquetFiles.write(
        dir.resolve("in/p.parquet"), SCHEMA, CompressionCodecName.SNAPPY, people(10));
    assertThat(run(RULES).code()).isZero();
    List<Group> first = ParquetFiles.read(dir.resolve("out/p.parquet")).rows();
    CliHarness.Result r = run(RULES, "--target-mode", "truncate");
    assertThat(r.code()).as(r.all()).isZero();
    List<Group> second = ParquetFiles.read(dir.resolve("out/p.parquet")).rows();
    assertThat(second.toString()).isEqualTo(first.toString());
  }

  @Test
  void aDryRunWritesNothingAndFileTypeParquetNeedsNoExtension() throws Exception {
    ParquetFiles.write(
        dir.resolve("in/export.data"), SCHEMA, CompressionCodecName.UNCOMPRESSED, people(3));
    String rules = RULES.replace("skip: [{regex: 'skip_.*'}]", "file_type: parquet");
    CliHarness.Result r = run(rules, "--dry-run");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(dir.resolve("out")).doesNotExist();
    r = run(rules);
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(ParquetFiles.read(dir.resolve("out/export.data")).rows()).hasSize(3);
  }

  @Test
  void aDamagedFileFailsAloneNamingItAndContinueOnFailureMasksTheOthers() throws Exception {
    Files.createDirectories(dir.resolve("in"));
    Files.write(dir.resolve("in/a_broken.parquet"), "PAR1 not really parquet PAR1".getBytes());
    ParquetFiles.write(
        dir.resolve("in/b_good.parquet"), SCHEMA, CompressionCodecName.GZIP, people(3));
    CliHarness.Result r = run(RULES);
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(r.all()).contains("in:a_broken.parquet - is not a Parquet file");
    assertThat(dir.resolve("out/b_good.parquet")).doesNotExist();
    r = run(RULES, "--continue-on-failure");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(ParquetFiles.read(dir.resolve("out/b_good.parquet")).codec())
        .isEqualTo(CompressionCodecName.GZIP);
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("b_good.parquet");
    }
  }

  @Test
  void aValueThatDoesNotFitAndANestedColumnAreRefusedNamingFileAndColumn() throws Exception {
    ParquetFiles.write(dir.resolve("in/p.parquet"), SCHEMA, CompressionCodecName.SNAPPY, people(3));
    CliHarness.Result r = run(RULES.replace("min: 18, max: 99", "min: 40000, max: 50000"));
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(r.all())
        .contains("in:p.parquet (record 1) - column 'age' - a mask produced a number outside")
        .contains("16-bit");
    assertThat(dir.resolve("out/p.parquet")).doesNotExist();

    Files.delete(dir.resolve("in/p.parquet"));
    MessageType nested =
        MessageTypeParser.parseMessageType(
            "message m { optional binary email (STRING); optional group tags (LIST) {"
                + " repeated group list { optional binary element (STRING); } } }");
    Group g = new SimpleGroup(nested);
    g.add("email", "a@corp.com");
    ParquetFiles.write(
        dir.resolve("in/n.parquet"), nested, CompressionCodecName.SNAPPY, List.of(g));
    r = run(RULES);
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(r.all()).contains("in:n.parquet - column 'tags' is nested");
  }

  @Test
  void aDecimalIsHandedToMasksAsTheTableWouldHandIt() throws Exception {
    // DECIMAL(12,2) 100.01 is BigDecimal 100.01 for from_column and conditions too
    ParquetFiles.write(dir.resolve("in/p.parquet"), SCHEMA, CompressionCodecName.SNAPPY, people(1));
    String rules =
        """
        version: '1.0'
        tasks:
          - type: mask_tabular_file
            rules:
              - column: note
                masks: [{type: from_column, source_column: amount}]
        """;
    CliHarness.Result r = run(rules);
    assertThat(r.code()).as(r.all()).isZero();
    Group b = ParquetFiles.read(dir.resolve("out/p.parquet")).rows().get(0);
    assertThat(b.getString("note", 0)).isEqualTo(new BigDecimal("100.01").toPlainString());
  }

  @Test
  void legacyAndUtcTimestampsUuidsTimesAndUnsignedIntegersRoundTrip() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            """
            message m {
              required int96 legacy;
              optional int64 at (TIMESTAMP(MILLIS,true));
              optional fixed_len_byte_array(16) uid (UUID);
              optional int64 tod (TIME(MICROS,false));
              optional int32 small (INTEGER(8,false));
              optional float ratio;
              optional binary doc (JSON);
              optional binary blob;
              optional binary copy (STRING);
            }
            """);
    List<Group> rows = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Group g = new SimpleGroup(schema);
      byte[] int96 = new byte[12];
      java.nio.ByteBuffer.wrap(int96)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN)
          .putLong(3_600_000_000_000L * i)
          .putInt(2_459_000 + i);
      g.add("legacy", Binary.fromConstantByteArray(int96));
      g.add("at", 1_600_000_000_000L + i);
      g.add(
          "uid",
          Binary.fromConstantByteArray(
              new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) i}));
      g.add("tod", 3_600_000_000L * i);
      g.add("small", 250 + i % 3);
      g.add("ratio", 1.1f * i);
      g.add("doc", "{\"a\": " + i + "}");
      g.add("blob", Binary.fromConstantByteArray(new byte[] {(byte) 0xff, (byte) i}));
      g.add("copy", "x");
      rows.add(g);
    }
    ParquetFiles.write(dir.resolve("in/t.parquet"), schema, CompressionCodecName.LZ4_RAW, rows);
    String rules =
        """
        version: '1.0'
        tasks:
          - type: mask_tabular_file
            rules:
              - column: copy
                masks: [{type: from_column, source_column: uid}]
              - column: legacy
                masks:
                  - {type: from_random_datetime, min: '2001-01-01T00:00:00', max: '2001-12-31'}
              - column: at
                masks:
                  - {type: from_random_datetime, min: '2010-01-01T00:00:00', max: '2010-12-31'}
              - column: small
                masks: [{type: from_random_number, min: 200, max: 255}]
        """;
    CliHarness.Result r = run(rules);
    assertThat(r.code()).as(r.all()).isZero();
    ParquetFiles.Read out = ParquetFiles.read(dir.resolve("out/t.parquet"));
    assertThat(out.schema()).isEqualTo(schema);
    assertThat(out.codec()).isEqualTo(CompressionCodecName.LZ4_RAW);
    for (int k = 0; k < 5; k++) {
      Group a = rows.get(k);
      Group b = out.rows().get(k);
      for (String c : List.of("uid", "tod", "ratio", "doc", "blob")) {
        assertThat(raw(b, c)).as(c).isEqualTo(raw(a, c));
      }
      assertThat(b.getString("copy", 0)).isEqualTo("01020304-0506-0708-090a-0b0c0d0e0f0" + (k + 1));
      java.nio.ByteBuffer legacy =
          b.getInt96("legacy", 0).toByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
      legacy.getLong();
      assertThat(LocalDate.ofEpochDay(legacy.getInt() - 2_440_588L).getYear()).isEqualTo(2001);
      assertThat(
              LocalDateTime.ofEpochSecond(b.getLong("at", 0) / 1000, 0, ZoneOffset.UTC).getYear())
          .isEqualTo(2010);
      assertThat(b.getInteger("small", 0)).isBetween(200, 255);
    }
  }
}
