package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Source → target runs of a small shop (customers, orders referencing them, payments with a
 * composite key referencing orders): the target ends with exactly the rows an in-place run of the
 * same ruleset and secret gives, the source is unchanged, the target's foreign keys hold; target
 * modes and the plan errors (a foreign key's parent in no task, build_temp_table, a type without a
 * faithful mapping) refuse the run with exit 3 and touch nothing.
 */
class TransferIT {
  static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: parallel
          tasks:
            - type: mask_table
              table: customers
              key: id
              rules:
                - column: first_name
                  hash_columns: [first_name]
                  masks: [{type: from_file, seed_file: first_names, seed_column: first_name}]
                - column: email
                  hash_columns: [email]
                  masks: [{type: from_format_string, value_format: "{[a-z],8}@example.com"}]
                - column: born
                  masks: [{type: from_random_date, min: '1950-01-01', max: '2000-12-31'}]
            - type: copy_table
              table: regions
        - type: mask_table
          table: orders
          key: id
          rules:
            - column: notes
              masks: [{type: from_random_text, min: 5, max: 20}]
        - type: mask_table
          table: payments
          key: [order_id, attempt]
          rules:
            - column: card
              masks: [{type: credit_card}]
      """;

  @TempDir Path tmp;
  private final List<TestEngine> engines = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (TestEngine e : engines) {
      e.close();
    }
  }

  private TestEngine open(String name) throws SQLException {
    TestEngine e = Engines.named(name);
    e.open();
    engines.add(e);
    return e;
  }

  static void schema(TestEngine e, String schema) throws SQLException {
    String num = e.name().equals("mariadb") ? "DECIMAL(10,2)" : "NUMERIC(10,2)";
    e.sql(
        "CREATE TABLE "
            + e.q(schema)
            + ".customers (id BIGINT PRIMARY KEY, first_name VARCHAR(60) NOT NULL, email"
            + " VARCHAR(160), born DATE, seen "
            + e.timestampType()
            + ", balance "
            + num
            + ")",
        "CREATE TABLE " + e.q(schema) + ".regions (code VARCHAR(8) PRIMARY KEY, label VARCHAR(60))",
        "CREATE TABLE "
            + e.q(schema)
            + ".orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES "
            + e.q(schema)
            + ".customers(id), region VARCHAR(8) REFERENCES "
            + e.q(schema)
            + ".regions(code), notes VARCHAR(400))",
        "CREATE TABLE "
            + e.q(schema)
            + ".payments (order_id BIGINT NOT NULL REFERENCES "
            + e.q(schema)
            + ".orders(id), attempt INT NOT NULL, card VARCHAR(19), amount "
            + num
            + ", PRIMARY KEY (order_id, attempt))");
  }

  static void fill(TestEngine e, String schema, int customers) throws SQLException {
    List<Object[]> regions = new ArrayList<>();
    for (String r : List.of("north", "south", "east", "west")) {
      regions.add(new Object[] {r, "The " + r + " 'quoted', \"too\"\ttab"});
    }
    List<Object[]> cs = new ArrayList<>();
    List<Object[]> os = new ArrayList<>();
    List<Object[]> ps = new ArrayList<>();
    for (long id = 1; id <= customers; id++) {
      cs.add(
          new Object[] {
            id,
            "Name" + (id % 97) + (id % 5 == 0 ? " Ünïcødé" : ""),
            id % 7 == 0 ? null : "person" + id + "@corp.example",
            java.time.LocalDate.of(1960, 1, 1).plusDays(id * 37 % 15000),
            java.time.LocalDateTime.of(2023, 1, 1, 0, 0).plusSeconds(id * 7919),
            new java.math.BigDecimal(id * 13 % 100000).movePointLeft(2)
          });
      for (int o = 0; o < 2; o++) {
        long oid = id * 2 + o;
        os.add(
            new Object[] {
              oid, id, o == 0 ? "north" : id % 3 == 0 ? null : "west", "deliver, \"please\"\n" + oid
            });
        ps.add(new Object[] {oid, 1L, "4111111111111111", new java.math.BigDecimal("12.50")});
      }
    }
    String s = schema + ".";
    insertInto(
        e, s + "customers", List.of("id", "first_name", "email", "born", "seen", "balance"), cs);
    insertInto(e, s + "regions", List.of("code", "label"), regions);
    insertInto(e, s + "orders", List.of("id", "customer_id", "region", "notes"), os);
    insertInto(e, s + "payments", List.of("order_id", "attempt", "card", "amount"), ps);
  }

  private static void insertInto(TestEngine e, String table, List<String> cols, List<Object[]> rows)
      throws SQLException {
    String schema = table.substring(0, table.indexOf('.'));
    String name = table.substring(table.indexOf('.') + 1);
    var info = e.dialect().describe(e.admin(), e.q(schema) + "." + name, schema).orElseThrow();
    List<dev.guise.schema.ColumnInfo> ci =
        cols.stream().map(c -> info.column(c).orElseThrow()).toList();
    String sql =
        "INSERT INTO "
            + e.q(schema)
            + "."
            + name
            + " ("
            + String.join(", ", ci.stream().map(c -> e.q(c.name())).toList())
            + ") VALUES ("
            + String.join(", ", cols.stream().map(c -> "?").toList())
            + ")";
    try (var ps = e.admin().prepareStatement(sql)) {
      for (Object[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          e.dialect().bind(ps, i + 1, r[i], ci.get(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static final List<String> TABLES = List.of("customers", "regions", "orders", "payments");

  static Map<String, List<Map<String, Object>>> dumpAll(TestEngine e, String schema)
      throws SQLException {
    Map<String, List<Map<String, Object>>> out = new java.util.LinkedHashMap<>();
    for (String t : TABLES) {
      out.put(t, e.dump(e.q(schema) + "." + t));
    }
    return out;
  }

  private static String conn(String name, TestEngine e, String schema) {
    return "  "
        + name
        + ":\n    url: \""
        + e.url().replace("\"", "\\\"")
        + "\"\n    schema: "
        + schema
        + "\n";
  }

  /** A cli whose connections are src (the source), dst (the target) and inplace. */
  private GuiseCli cli(TestEngine src, TestEngine dst) throws IOException {
    GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), src, 0);
    Files.writeString(
        tmp.resolve("work/connections.yml"),
        "version: '1.0'\nconnections:\n"
            + conn("src", src, src.schema)
            + conn("inplace", src, src.otherSchema)
            + conn("dst", dst, dst.schema),
        StandardCharsets.UTF_8);
    return cli;
  }

  private static GuiseCli.Result transfer(GuiseCli cli, String ruleset, String... more)
      throws IOException {
    Files.writeString(cli.dir().resolve("ruleset.yml"), ruleset, StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run", "ruleset.yml", "--source", "src", "--target", "dst", "--format", "json"));
    args.addAll(List.of(more));
    return cli.command(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "h2>h2",
        "postgres>postgres",
        "postgres>h2",
        "mariadb>mariadb",
        "mariadb>postgres"
      })
  void targetEqualsAnInPlaceRunAndTheSourceIsUntouched(String pair) throws Exception {
    String[] p = pair.split(">");
    TestEngine src = open(p[0]);
    TestEngine dst = open(p[1]);
    schema(src, src.schema);
    schema(src, src.otherSchema);
    schema(dst, dst.schema);
    fill(src, src.schema, 1_500);
    fill(src, src.otherSchema, 1_500);
    GuiseCli cli = cli(src, dst);
    var before = dumpAll(src, src.schema);

    // in place, the same ruleset without its copy_table (which only a source -> target run runs)
    Files.writeString(
        cli.dir().resolve("ruleset.yml"),
        RULESET.replace("      - type: copy_table\n        table: regions\n", ""),
        StandardCharsets.UTF_8);
    GuiseCli.Result inPlace =
        cli.command(
            "run", "ruleset.yml", "-c", "inplace", "--format", "json", "--batch-size", "700");
    assertThat(inPlace.exit()).as(inPlace.toString()).isZero();

    GuiseCli.Result r = transfer(cli, RULESET, "--batch-size", "400");
    assertThat(r.exit()).as(r.toString()).isZero();

    var masked = dumpAll(src, src.otherSchema);
    var target = dumpAll(dst, dst.schema);
    for (String t : TABLES) {
      assertThat(target.get(t)).as(t).hasSize(masked.get(t).size()).isEqualTo(masked.get(t));
    }
    assertThat(target.get("customers").get(0).get("email"))
        .isNotEqualTo(before.get("customers").get(0).get("email"));
    assertThat(dumpAll(src, src.schema)).as("the source is unchanged").isEqualTo(before);
    assertThat(orphans(dst, dst.schema)).as("foreign keys hold in the target").isZero();

    // a second run into the now full target is refused; truncate empties and writes it again
    GuiseCli.Result again = transfer(cli, RULESET);
    assertThat(again.exit()).as(again.toString()).isEqualTo(3);
    assertThat(again.out() + again.err()).contains("holds rows").contains("--target-mode truncate");
    GuiseCli.Result truncated = transfer(cli, RULESET, "--target-mode", "truncate");
    assertThat(truncated.exit()).as(truncated.toString()).isZero();
    assertThat(dumpAll(dst, dst.schema)).isEqualTo(target);
    assertThat(dumpAll(src, src.schema)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2>h2", "postgres>h2"})
  void planErrorsRefuseTheRunAndTouchNothing(String pair) throws Exception {
    String[] p = pair.split(">");
    TestEngine src = open(p[0]);
    TestEngine dst = open(p[1]);
    schema(src, src.schema);
    schema(dst, dst.schema);
    fill(src, src.schema, 50);
    // a column whose type cannot hold the source's values
    dst.sql("ALTER TABLE " + dst.q(dst.schema) + ".customers DROP COLUMN born");
    dst.sql("ALTER TABLE " + dst.q(dst.schema) + ".customers ADD COLUMN born INT");
    GuiseCli cli = cli(src, dst);
    var before = dumpAll(src, src.schema);
    String noRegions = RULESET.replace("      - type: copy_table\n        table: regions\n", "");
    String withTemp =
        noRegions.replace(
            "tasks:\n  - type: parallel",
            "tasks:\n  - type: build_temp_table\n    table: t1\n    sql_select: SELECT 1 AS x\n"
                + "  - type: parallel");
    GuiseCli.Result r = transfer(cli, withTemp);
    String all = r.out() + r.err();
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    // the foreign key's parent that no task copies, naming both tables
    assertThat(all)
        .containsIgnoringCase("orders has foreign key")
        .containsIgnoringCase("regions, which is in neither a mask_table nor a copy_table task");
    assertThat(all).contains("build_temp_table creates a table in the database it reads");
    assertThat(all).containsIgnoringCase("customers.born").contains("has no faithful mapping");
    // validate and plan with --source/--target find the same before any run, and touch nothing
    for (String command : List.of("validate", "plan")) {
      GuiseCli.Result c = cli.command(command, "ruleset.yml", "--source", "src", "--target", "dst");
      assertThat(c.exit()).as(c.toString()).isEqualTo(3);
      assertThat(c.out() + c.err())
          .as(command)
          .containsIgnoringCase("regions, which is in neither a mask_table nor a copy_table task")
          .contains("build_temp_table creates a table in the database it reads")
          .containsIgnoringCase("customers.born");
    }
    // parents after children
    String late =
        RULESET.replace("      - type: copy_table\n        table: regions\n", "")
            + "  - type: copy_table\n    table: regions\n";
    dst.sql("ALTER TABLE " + dst.q(dst.schema) + ".customers DROP COLUMN born");
    dst.sql("ALTER TABLE " + dst.q(dst.schema) + ".customers ADD COLUMN born DATE");
    GuiseCli.Result order = transfer(cli, late);
    assertThat(order.exit()).as(order.toString()).isEqualTo(3);
    assertThat(order.out()).contains("fk-order").containsIgnoringCase("move the task for regions");
    assertThat(dumpAll(dst, dst.schema).values()).allMatch(List::isEmpty);
    assertThat(dumpAll(src, src.schema)).isEqualTo(before);

    // usage: -c with --source, --target-mode without a target
    GuiseCli.Result both =
        cli.command("run", "ruleset.yml", "-c", "src", "--source", "src", "--target", "dst");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("-c and --source - give one");
    GuiseCli.Result badMode = transfer(cli, RULESET, "--target-mode", "overwrite");
    assertThat(badMode.exit()).isEqualTo(2);
    assertThat(badMode.err()).contains("unknown mode 'overwrite'");
    GuiseCli.Result validBoth =
        cli.command("validate", "ruleset.yml", "-c", "src", "--source", "src", "--target", "dst");
    assertThat(validBoth.exit()).isEqualTo(2);
    assertThat(validBoth.err()).contains("-c and --source - give one");
    // the fixed ruleset is valid for the transfer, and plan shows it read from src into dst
    GuiseCli.Result valid =
        cli.command("validate", "ruleset.yml", "--source", "src", "--target", "dst");
    assertThat(valid.exit()).as(valid.toString()).isZero();
    assertThat(valid.out()).contains("against source 'src' and target 'dst'");
    GuiseCli.Result plan = cli.command("plan", "ruleset.yml", "--source", "src", "--target", "dst");
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("on src → dst").contains("mask_table");
    // a dry run reads and masks everything and writes nothing to the target
    GuiseCli.Result dry = transfer(cli, RULESET, "--dry-run");
    assertThat(dry.exit()).as(dry.toString()).isZero();
    assertThat(dumpAll(dst, dst.schema).values()).allMatch(List::isEmpty);
    // append into an empty target writes the rows; a copy_table in place is refused
    GuiseCli.Result append = transfer(cli, RULESET, "--target-mode", "append");
    assertThat(append.exit()).as(append.toString()).isZero();
    assertThat(dumpAll(dst, dst.schema).get("payments")).hasSize(100);
    // now the target holds rows: the default mode is refused before a run, as by the run
    GuiseCli.Result full =
        cli.command("validate", "ruleset.yml", "--source", "src", "--target", "dst");
    assertThat(full.exit()).as(full.toString()).isEqualTo(3);
    assertThat(full.out() + full.err()).contains("holds rows; empty it");
    GuiseCli.Result appendOk =
        cli.command(
            "validate",
            "ruleset.yml",
            "--source",
            "src",
            "--target",
            "dst",
            "--target-mode",
            "append");
    assertThat(appendOk.exit()).as(appendOk.toString()).isZero();
    GuiseCli.Result inPlace = cli.command("run", "ruleset.yml", "-c", "src", "--format", "json");
    assertThat(inPlace.exit()).isEqualTo(3);
    assertThat(inPlace.out()).contains("copy-table-in-place");
    assertThat(dumpAll(src, src.schema)).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void sslRequiredAgainstAServerWithoutTlsFailsWithOneSentence() throws Exception {
    TestEngine src = open("postgres");
    TestEngine dst = open("h2");
    GuiseCli cli = cli(src, dst);
    Path f = tmp.resolve("work/connections.yml");
    Files.writeString(
        f,
        Files.readString(f)
            .replace(
                "    schema: " + src.schema + "\n",
                "    schema: " + src.schema + "\n    ssl:\n      mode: require\n"),
        StandardCharsets.UTF_8);
    GuiseCli.Result r = transfer(cli, RULESET);
    assertThat(r.exit()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("connection 'src'").contains("SSL").doesNotContain("Exception");
  }

  /**
   * The real jar killed with SIGKILL after a committed batch of a source → target run; {@code
   * --resume} continues from the target's checkpoint and the target ends equal to an uninterrupted
   * run's.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgres>postgres", "mariadb>mariadb"})
  void aKilledTransferResumesToTheUninterruptedResult(String pair) throws Exception {
    String[] p = pair.split(">");
    TestEngine src = Engines.forProcesses(p[0], tmp);
    TestEngine dst = Engines.forProcesses(p[1], tmp);
    org.junit.jupiter.api.Assumptions.assumeTrue(src != null && dst != null, "servers not set");
    src.open();
    engines.add(src);
    dst.open();
    engines.add(dst);
    // 60,000 rows: read and written in two key ranges at once (--workers 2, the default)
    KillResumeIT.fill(src, 60_000);
    dst.sql(
        "CREATE TABLE "
            + dst.t("people")
            + " (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL, email VARCHAR(60) NOT NULL)");
    GuiseCli cli = cli(src, dst);
    Files.writeString(cli.dir().resolve("ruleset.yml"), KillResumeIT.RULESET);
    List<String> args =
        List.of("run", "ruleset.yml", "--source", "src", "--target", "dst", "--batch-size", "500");
    GuiseCli.Result once = cli.command(args.toArray(String[]::new));
    assertThat(once.exit()).as(once.toString()).isZero();
    String onceId;
    try (var files = Files.list(tmp.resolve("home/runs"))) {
      onceId =
          files.map(f -> f.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
    try (var st = dst.admin().createStatement();
        var rs =
            st.executeQuery(
                "SELECT COUNT(*) FROM "
                    + dst.q("guise")
                    + "."
                    + dst.q("progress")
                    + " WHERE "
                    + dst.q("run_id")
                    + " = '"
                    + onceId
                    + "' AND "
                    + dst.q("task_id")
                    + " LIKE '1#_/2:60000'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("a checkpoint row per key range in the target").isEqualTo(2);
    }
    List<Map<String, Object>> expected = dst.dump(dst.q(dst.schema) + ".people");
    var source = src.dump(src.q(src.schema) + ".people");
    for (int killAfter : List.of(3, 11)) {
      dst.sql("DELETE FROM " + dst.t("people"));
      GuiseProcess child =
          new GuiseProcess(cli.dir(), GuiseProcess.env(tmp.resolve("home")), killAfter, args);
      child.await();
      assertThat(child.batchSeen).as("killed after batch %d:%n%s", killAfter, child).isDone();
      String killed;
      try (var files = Files.list(tmp.resolve("home/runs"))) {
        killed =
            files.map(f -> f.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
      }
      long partial = dst.dump(dst.q(dst.schema) + ".people").size();
      assertThat(partial).as("rows committed before the kill").isBetween(1L, 59_999L);
      GuiseCli.Result resumed = cli.command("run", "--resume", killed, "--format", "json");
      assertThat(resumed.exit()).as(resumed.toString()).isZero();
      assertThat(dst.dump(dst.q(dst.schema) + ".people"))
          .as("killed after batch %d then resumed", killAfter)
          .isEqualTo(expected);
    }
    assertThat(src.dump(src.q(src.schema) + ".people")).isEqualTo(source);
  }

  /** A table of every type a MariaDB target loads as text, in the source engine's spelling. */
  private static void awkwardTable(TestEngine e, String table, String amount) throws SQLException {
    boolean pg = e.name().equals("postgres");
    e.sql(
        "CREATE TABLE "
            + e.t(table)
            + " (id BIGINT PRIMARY KEY, t VARCHAR(2000), v VARCHAR(40), d DATE, ts "
            + (pg ? "TIMESTAMP(6)" : "DATETIME(6)")
            + ", n "
            + amount
            + ", b "
            + (pg ? "BYTEA" : "VARBINARY(64)")
            + ", flag BOOLEAN, f "
            + (pg ? "DOUBLE PRECISION" : "DOUBLE")
            + ", tm TIME(6))");
  }

  private static final List<String> AWKWARD_COLUMNS =
      List.of("id", "t", "v", "d", "ts", "n", "b", "flag", "f", "tm");

  /** Rows of NULLs, escapes, characters beyond the BMP, extreme dates, fractions and bytes. */
  private static List<Object[]> awkwardRows(int count) {
    String[] texts = {
      "tab\there", "new\nline", "back\\slash", "\\N", "", "cr\r\nlf", "😀 𝄞 日本", "'q' \"dq\" ,;"
    };
    byte[][] bytes = {
      {},
      {0, 9, 10, 13, 92, 78, (byte) 0xff},
      "\\N".getBytes(StandardCharsets.US_ASCII),
      {(byte) 0xf0}
    };
    List<Object[]> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (i % 10 == 1) {
        rows.add(new Object[] {(long) i, null, null, null, null, null, null, null, null, null});
        continue;
      }
      rows.add(
          new Object[] {
            (long) i,
            texts[i % texts.length] + i,
            texts[(i + 3) % texts.length],
            i % 3 == 0 ? java.time.LocalDate.of(1000, 1, 1) : java.time.LocalDate.of(9999, 12, 31),
            java.time.LocalDateTime.of(2021, 3, 4, 5, 6, 7)
                .plusNanos(i * 1_001_000L % 1_000_000_000),
            new java.math.BigDecimal("-12345678901234.123456").add(java.math.BigDecimal.valueOf(i)),
            bytes[i % bytes.length],
            i % 2 == 0,
            i % 4 == 0 ? 1.0E-7 : i % 4 == 1 ? 1.7976931348623157E308 : i / 3.0,
            java.time.LocalTime.of(23, 59, 59, 999_999_000).minusSeconds(i)
          });
    }
    return rows;
  }

  private static long comLoad(TestEngine e) throws SQLException {
    try (Statement st = e.admin().createStatement();
        ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_load'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  /** The run log of the newest run. */
  private String lastRunLog() throws IOException {
    return Files.readString(
        tmp.resolve("home/runs").resolve(lastRunId()).resolve("log.jsonl"), StandardCharsets.UTF_8);
  }

  /** The id of the newest run (ids sort by their start). */
  private String lastRunId() throws IOException {
    try (var files = Files.list(tmp.resolve("home/runs"))) {
      return files.map(f -> f.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  /**
   * A MariaDB target loads each batch with LOAD DATA LOCAL INFILE (the server's Com_load counts
   * them) and every awkward value arrives exactly as the source holds it; a target connection whose
   * driver refuses LOCAL INFILE ({@code allowLocalInfile=false}: the server then refuses it for
   * that session, error 4166, as with local_infile=OFF) gets the same rows through batched INSERTs
   * and one warning in the run log.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb>mariadb", "postgres>mariadb", "mariadb>mariadb no-local-infile"})
  void aMariaDbTargetLoadsAwkwardValuesExactly(String pair) throws Exception {
    boolean refused = pair.endsWith(" no-local-infile");
    String[] p = pair.replace(" no-local-infile", "").split(">");
    TestEngine src = open(p[0]);
    TestEngine dst = open(p[1]);
    String num = src.name().equals("postgres") ? "NUMERIC(20,6)" : "DECIMAL(20,6)";
    awkwardTable(src, "awkward", num);
    awkwardTable(dst, "awkward", "DECIMAL(20,6)");
    src.insert("awkward", AWKWARD_COLUMNS, awkwardRows(250));
    GuiseCli cli = cli(src, dst);
    if (refused) {
      Path f = tmp.resolve("work/connections.yml");
      String dstUrl = dst.url().replace("\"", "\\\"");
      String yml = Files.readString(f);
      int at = yml.lastIndexOf(dstUrl); // dst is the last connection
      Files.writeString(
          f,
          yml.substring(0, at)
              + dstUrl
              + (dstUrl.contains("?") ? "&" : "?")
              + "allowLocalInfile=false"
              + yml.substring(at + dstUrl.length()),
          StandardCharsets.UTF_8);
    }
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: awkward
            key: id
            rules:
              - column: v
                masks: [{type: from_fixed, value: "masked\\ttab\\\\ 😀"}]
        """;
    long loadsBefore = comLoad(dst);
    GuiseCli.Result r = transfer(cli, ruleset, "--batch-size", "100");
    assertThat(r.exit()).as(r.toString()).isZero();
    long loads = comLoad(dst) - loadsBefore;

    List<Map<String, Object>> expected = src.dump(src.q(src.schema) + ".awkward");
    for (Map<String, Object> row : expected) {
      if (row.get("v") != null && !row.get("v").equals("")) { // masks leave NULL and empty
        row.put("v", "masked\ttab\\ 😀");
      }
    }
    List<Map<String, Object>> target = dst.dump(dst.q(dst.schema) + ".awkward");
    assertThat(target).hasSize(250);
    for (int i = 0; i < target.size(); i++) {
      assertThat(target.get(i)).as("row %d", i + 1).isEqualTo(expected.get(i));
    }
    String log = lastRunLog();
    if (refused) {
      assertThat(log)
          .contains("awkward - the server refused LOAD DATA LOCAL INFILE (error 4166)")
          .contains("batched INSERTs");
    } else {
      assertThat(loads).as("LOAD DATA statements: a probe and 3 batches").isGreaterThanOrEqualTo(4);
      assertThat(log).doesNotContain("refused LOAD DATA");
    }
  }

  /**
   * PostgreSQL → PostgreSQL passes the columns no rule reads through as COPY's own CSV fields:
   * every awkward value (NULLs and empty strings, quotes, commas, newlines, backslashes, characters
   * beyond the BMP, extreme dates, bytes, doubles, times) and the types only PostgreSQL has
   * (timestamptz, interval, jsonb, arrays, uuid, money-free numerics) arrive exactly as the source
   * holds them, while the masked column equals an in-place run's. Keys are text with quotes and
   * backslashes (the keyset's literals), read in batches of 7 by two workers (a range's end is a
   * literal too); a CHAR(n) column the rule hashes on is unpadded as the JDBC read unpads it.
   */
  @org.junit.jupiter.api.Test
  void aPostgresTargetGetsUnreadColumnsExactlyAsTheSourceHoldsThem() throws Exception {
    TestEngine src = open("postgres");
    TestEngine dst = open("postgres");
    String ddl =
        " (id VARCHAR(40) PRIMARY KEY, t VARCHAR(2000), v VARCHAR(40), code CHAR(6), d DATE,"
            + " ts TIMESTAMP(6), tz TIMESTAMPTZ, span INTERVAL, n NUMERIC(20,6), b BYTEA,"
            + " flag BOOLEAN, f DOUBLE PRECISION, tm TIME(6), doc JSONB, tags TEXT[], u UUID)";
    for (TestEngine e : List.of(src, dst)) {
      e.sql("CREATE TABLE " + e.t("awkward") + ddl);
    }
    src.sql("CREATE TABLE " + src.q(src.otherSchema) + ".awkward" + ddl);
    List<Object[]> rows = awkwardRows(250);
    String[] keys = {"o'neil", "back\\slash", "quote\"", "日本", "a,b", "tab\tkey", "plain"};
    {
      TestEngine e = src;
      for (String schema : List.of(e.schema, e.otherSchema)) {
        String t = e.q(schema) + ".awkward";
        try (var ps =
            e.admin()
                .prepareStatement(
                    "INSERT INTO "
                        + t
                        + " (id, t, v, code, d, ts, n, b, flag, f, tm) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (Object[] r : rows) {
            int i = (int) (long) (Long) r[0];
            ps.setString(1, keys[i % keys.length] + i);
            for (int c = 1; c < r.length; c++) {
              int at = c < 3 ? c + 1 : c + 2; // code goes in after v
              ps.setObject(at, r[c]);
            }
            ps.setString(4, i % 10 == 1 ? null : "c" + (i % 4));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        e.sql(
            "UPDATE "
                + t
                + " SET tz = timestamptz '2020-02-29 23:59:59.123456+05:30' + (length(id) ||"
                + " ' hours')::interval, span = (length(id) || ' days 03:04:05.5')::interval,"
                + " doc = jsonb_build_object('k', id, 'n', length(id), 'q', 'a\"b'),"
                + " tags = ARRAY[id, NULL, '', 'x,y'], u = md5(id)::uuid WHERE id NOT LIKE '%1'");
      }
    }
    GuiseCli cli = cli(src, dst);
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: awkward
            key: id
            rules:
              - column: v
                hash_columns: [code]
                masks: [{type: from_format_string, value_format: "{[a-z],12}"}]
        """;
    Files.writeString(cli.dir().resolve("ruleset.yml"), ruleset, StandardCharsets.UTF_8);
    GuiseCli.Result inPlace =
        cli.command("run", "ruleset.yml", "-c", "inplace", "--format", "json", "--batch-size", "9");
    assertThat(inPlace.exit()).as(inPlace.toString()).isZero();
    var before = src.dump(src.q(src.schema) + ".awkward");
    GuiseCli.Result r = transfer(cli, ruleset, "--batch-size", "7", "--workers", "2");
    assertThat(r.exit()).as(r.toString()).isZero();

    List<Map<String, Object>> expected = src.dump(src.q(src.otherSchema) + ".awkward");
    List<Map<String, Object>> target = dst.dump(dst.q(dst.schema) + ".awkward");
    assertThat(target).hasSize(250);
    for (int i = 0; i < target.size(); i++) {
      assertThat(target.get(i)).as("row %s", expected.get(i).get("id")).isEqualTo(expected.get(i));
    }
    long changed =
        java.util.stream.IntStream.range(0, target.size())
            .filter(i -> !java.util.Objects.equals(target.get(i).get("v"), before.get(i).get("v")))
            .count();
    assertThat(changed).as("values of v masked").isGreaterThan(180);
    assertThat(src.dump(src.q(src.schema) + ".awkward")).as("the source").isEqualTo(before);
    try (Statement st = dst.admin().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM "
                    + dst.t("awkward")
                    + " WHERE tz IS NOT NULL AND doc->>'q' = 'a\"b' AND tags[4] = 'x,y'"
                    + " AND tags[2] IS NULL AND tags[3] = ''")) {
      rs.next();
      assertThat(rs.getLong(1)).as("PostgreSQL's own types arrived whole").isEqualTo(225);
    }
  }

  /**
   * A value LOAD DATA LOCAL would clip (a decimal beyond the target column's precision, which the
   * plan cannot see) fails its batch naming table.column, without the value; the batches before it
   * are committed with their checkpoint, so once the column is widened the run resumes to exactly
   * the source's rows.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb>mariadb", "postgres>mariadb"})
  void aValueThatDoesNotFitFailsItsBatchAndTheRunResumes(String pair) throws Exception {
    String[] p = pair.split(">");
    TestEngine src = open(p[0]);
    TestEngine dst = open(p[1]);
    String num = src.name().equals("postgres") ? "NUMERIC(20,6)" : "DECIMAL(20,6)";
    awkwardTable(src, "amounts", num);
    awkwardTable(dst, "amounts", "DECIMAL(8,2)");
    List<Object[]> rows = new ArrayList<>();
    for (long id = 1; id <= 250; id++) {
      java.math.BigDecimal n =
          id == 137 ? new java.math.BigDecimal("98765432.17") : java.math.BigDecimal.valueOf(id);
      rows.add(new Object[] {id, "t" + id, null, null, null, n, null, null, null, null});
    }
    src.insert("amounts", List.of("id", "t", "v", "d", "ts", "n", "b", "flag", "f", "tm"), rows);
    GuiseCli cli = cli(src, dst);
    String ruleset =
        """
        version: '1.0'
        tasks:
          - type: copy_table
            table: amounts
        """;
    GuiseCli.Result r = transfer(cli, ruleset, "--batch-size", "50");
    String all = r.out() + r.err();
    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(all)
        .contains("amounts.n - a value is out of the column's range")
        .contains("row 37 of the batch")
        .contains("nothing of this batch is committed")
        .doesNotContain("98765432")
        .doesNotContain("99999.99");
    List<Map<String, Object>> partial = dst.dump(dst.q(dst.schema) + ".amounts");
    assertThat(partial).as("the two batches before the failing one").hasSize(100);
    assertThat(partial.get(99).get("id")).isEqualTo(100L);

    dst.sql("ALTER TABLE " + dst.t("amounts") + " MODIFY n DECIMAL(20,6)");
    String failed = lastRunId();
    GuiseCli.Result resumed = cli.command("run", "--resume", failed, "--format", "json");
    assertThat(resumed.exit()).as(resumed.toString()).isZero();
    assertThat(dst.dump(dst.q(dst.schema) + ".amounts"))
        .isEqualTo(src.dump(src.q(src.schema) + ".amounts"));
  }

  /**
   * A character the target column's character set cannot hold (latin1), which LOAD DATA LOCAL would
   * store as '?' with a warning, fails the first batch naming the column; nothing is committed.
   */
  @org.junit.jupiter.api.Test
  void aCharacterTheTargetCharacterSetLacksFailsItsBatch() throws Exception {
    TestEngine src = open("mariadb");
    TestEngine dst = open("mariadb");
    src.sql("CREATE TABLE " + src.t("notes") + " (id BIGINT PRIMARY KEY, body VARCHAR(20))");
    dst.sql(
        "CREATE TABLE "
            + dst.t("notes")
            + " (id BIGINT PRIMARY KEY, body VARCHAR(20) CHARACTER SET latin1)");
    List<Object[]> rows = new ArrayList<>();
    for (long id = 1; id <= 30; id++) {
      rows.add(new Object[] {id, id == 12 ? "snow \u2603 man" : "café " + id});
    }
    src.insert("notes", List.of("id", "body"), rows);
    GuiseCli cli = cli(src, dst);
    GuiseCli.Result r =
        transfer(
            cli,
            "version: '1.0'\ntasks:\n  - type: copy_table\n    table: notes\n",
            "--batch-size",
            "20");
    String all = r.out() + r.err();
    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(all)
        .contains("notes.body - a value has characters the column's character set cannot hold")
        .contains("row 12 of the batch, server warning 1366); nothing of this batch is committed")
        .doesNotContain("snow")
        .doesNotContain("\\xE2");
    assertThat(dst.dump(dst.q(dst.schema) + ".notes")).isEmpty();
  }

  private static long orphans(TestEngine e, String schema) throws SQLException {
    String s = e.q(schema);
    try (Statement st = e.admin().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT COUNT(*) FROM "
                    + s
                    + ".orders o WHERE NOT EXISTS (SELECT 1 FROM "
                    + s
                    + ".customers c WHERE c.id = o.customer_id)) + (SELECT COUNT(*) FROM "
                    + s
                    + ".payments p WHERE NOT EXISTS (SELECT 1 FROM "
                    + s
                    + ".orders o WHERE o.id = p.order_id))")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
