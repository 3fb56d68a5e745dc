package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guise.it.IntegrationServers.Engine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokenize, then {@code guise reidentify}, on H2, PostgreSQL and MariaDB: each table comes back
 * identical to what was loaded (text with accents, CJK and emoji at the column's full length,
 * integers, numerics, dates, timestamps, NULLs, a key column with its foreign-key cascade), the
 * tokens are the same on every engine, {@code --values} turns ten tokens back, and a wrong key of
 * the same name is refused by the database run and by {@code --values -c}.
 */
class TokenizeRoundTripIT {
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - {column: id, masks: [{type: tokenize, key_name: people}]}
            - {column: name, masks: [{type: tokenize, key_name: people}]}
            - {column: code, masks: [{type: tokenize, key_name: people}]}
            - {column: visits, masks: [{type: tokenize, key_name: people}]}
            - {column: balance, masks: [{type: tokenize, key_name: people}]}
            - {column: born, masks: [{type: tokenize, key_name: people}]}
            - {column: seen, masks: [{type: tokenize, key_name: people}]}
            - {column: email, masks: [{type: tokenize, key_name: people, format: prefixed}]}
            - {column: tag, masks: [{type: from_fixed, value: gone}]}
      """;

  @TempDir Path tmp;
  private final List<TestEngine> engines = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (TestEngine e : engines) {
      e.close();
    }
  }

  @Test
  void tokenizeThenReidentifyGivesTheOriginalTablesOnEveryEngine() throws Exception {
    engines.add(new H2Engine());
    IntegrationServers.url(Engine.POSTGRES).ifPresent(u -> engines.add(new PostgresEngine(u)));
    IntegrationServers.url(Engine.MARIADB).ifPresent(u -> engines.add(new MariaDbEngine(u)));
    assumeTrue(engines.size() > 1, "only H2: " + IntegrationServers.whySkipped(Engine.POSTGRES));
    // one key, copied to every "host": tokens must not depend on the installation
    Path keyFile = tmp.resolve("people.keys");
    Map<String, List<Map<String, Object>>> tokenized = new LinkedHashMap<>();
    List<Map<String, Object>> firstOriginal = null;
    for (TestEngine e : engines) {
      e.open();
      create(e);
      List<Map<String, Object>> people = e.dump("people");
      List<Map<String, Object>> orders = e.dump("orders");
      if (firstOriginal == null) {
        firstOriginal = people;
      }
      GuiseCli cli = new GuiseCli(tmp.resolve(e.name()), tmp.resolve(e.name() + "-home"), e, 0);
      // the sandbox's own Guise schema: the database's token check values are this test's alone
      // (the shared default one may hold another run's key of the same name, rightly refused)
      Files.writeString(
          cli.dir().resolve("connections.yml"),
          "    guise_schema: " + e.otherSchema + "\n",
          java.nio.file.StandardOpenOption.APPEND);
      if (!Files.exists(keyFile)) {
        GuiseCli.Result k = cli.command("keys", "create", "people", "--keys", keyFile.toString());
        assertThat(k.exit()).as(k.toString()).isZero();
      }
      GuiseCli.Result run = cli.run(RULESET, "--batch-size", "7", "--keys", keyFile.toString());
      assertThat(run.exit()).as(e.name() + ": " + run).isZero();
      assertThat(run.record().path("options").path("token_keys").get(0).path("name").asText())
          .isEqualTo("people");
      List<Map<String, Object>> tokens = e.dump("people");
      tokenized.put(e.name(), tokens);
      assertNoTokenEqualsItsOriginal(people, tokens);

      Files.writeString(cli.dir().resolve("ruleset.yml"), RULESET, StandardCharsets.UTF_8);
      GuiseCli.Result dry =
          cli.command(
              "reidentify",
              "ruleset.yml",
              "-c",
              "it",
              "--keys",
              keyFile.toString(),
              "--dry-run",
              "--format",
              "json");
      assertThat(dry.exit()).as(dry.toString()).isZero();
      assertThat(e.dump("people")).as("a dry run writes nothing").isEqualTo(tokens);

      GuiseCli.Result back =
          cli.command(
              "reidentify",
              "ruleset.yml",
              "-c",
              "it",
              "--keys",
              keyFile.toString(),
              "--batch-size",
              "5",
              "--format",
              "json");
      assertThat(back.exit()).as(e.name() + ": " + back).isZero();
      assertThat(back.record().path("mask_type").asText()).isEqualTo("reidentification");
      assertThat(back.err()).contains("people.tag (from_fixed").contains("one-way, skipped");
      List<Map<String, Object>> after = e.dump("people");
      for (int i = 0; i < people.size(); i++) {
        Map<String, Object> want = new LinkedHashMap<>(people.get(i));
        want.put("tag", "gone"); // one-way: stays masked
        assertThat(after.get(i)).as(e.name() + " row " + i).isEqualTo(want);
      }
      assertThat(e.dump("orders")).as(e.name() + " foreign keys cascade back").isEqualTo(orders);

      if (e.name().equals("h2")) {
        tenValues(cli, e, keyFile, tokens, people);
      }
      wrongKeyRefused(cli, e, tmp.resolve(e.name() + "-wrong.keys"));
    }
    for (Map.Entry<String, List<Map<String, Object>>> t : tokenized.entrySet()) {
      assertThat(t.getValue()).as(t.getKey() + " tokens against h2").isEqualTo(tokenized.get("h2"));
    }
  }

  /** guise reidentify --values on ten tokens of the tokenized table gives the ten originals. */
  private static void tenValues(
      GuiseCli cli,
      TestEngine e,
      Path keyFile,
      List<Map<String, Object>> tokens,
      List<Map<String, Object>> originals)
      throws Exception {
    List<String> in = new ArrayList<>();
    List<String> want = new ArrayList<>();
    Map<Object, Map<String, Object>> tokenOf = byNote(tokens);
    for (int i = 0; i < originals.size() && in.size() < 10; i++) {
      Map<String, Object> o = originals.get(i);
      if (o.get("email") != null) {
        in.add((String) tokenOf.get(o.get("note")).get("email"));
        want.add((String) o.get("email"));
      }
    }
    assertThat(in).hasSize(10);
    Files.write(cli.dir().resolve("tokens.txt"), in, StandardCharsets.UTF_8);
    GuiseCli.Result r =
        cli.command(
            "reidentify",
            "--values",
            "tokens.txt",
            "--key",
            "people",
            "--keys",
            keyFile.toString(),
            "--token-format",
            "prefixed",
            "-c",
            "it");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines().toList()).isEqualTo(want);

    List<String> ids = new ArrayList<>();
    List<String> wantIds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add("\"a, b\"," + tokenOf.get(originals.get(i).get("note")).get("id"));
      wantIds.add(String.valueOf(originals.get(i).get("id")));
    }
    Files.write(cli.dir().resolve("ids.csv"), ids, StandardCharsets.UTF_8);
    GuiseCli.Result r2 =
        cli.command(
            "reidentify",
            "--values",
            "ids.csv",
            "--column",
            "2",
            "--key",
            "people",
            "--keys",
            keyFile.toString(),
            "--type",
            "integer",
            "-c",
            "it");
    assertThat(r2.exit()).as(r2.toString()).isZero();
    assertThat(r2.out().lines().toList()).isEqualTo(wantIds);
  }

  /** Another key of the same name: refused by the database run and by --values, nothing touched. */
  private static void wrongKeyRefused(GuiseCli cli, TestEngine e, Path wrong) throws Exception {
    GuiseCli.Result k = cli.command("keys", "create", "people", "--keys", wrong.toString());
    assertThat(k.exit()).as(k.toString()).isZero();
    List<Map<String, Object>> before = e.dump("people");
    GuiseCli.Result r =
        cli.command("reidentify", "ruleset.yml", "-c", "it", "--keys", wrong.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("tokenized with another key of that name");
    assertThat(e.dump("people")).isEqualTo(before);
    Files.writeString(cli.dir().resolve("one.txt"), "Abc\n");
    GuiseCli.Result v =
        cli.command(
            "reidentify",
            "--values",
            "one.txt",
            "--key",
            "people",
            "--keys",
            wrong.toString(),
            "-c",
            "it");
    assertThat(v.exit()).as(v.toString()).isEqualTo(3);
    assertThat(v.out()).isEmpty();
    Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-r--r--"));
    GuiseCli.Result open =
        cli.command("reidentify", "ruleset.yml", "-c", "it", "--keys", wrong.toString());
    assertThat(open.exit()).isEqualTo(3);
    assertThat(open.err()).contains("other users may read it").contains("chmod 600");
  }

  private static void assertNoTokenEqualsItsOriginal(
      List<Map<String, Object>> originals, List<Map<String, Object>> tokens) {
    Map<Object, Map<String, Object>> byNote = byNote(tokens);
    assertThat(byNote).hasSameSizeAs(originals);
    for (Map<String, Object> o : originals) {
      Map<String, Object> t = byNote.get(o.get("note"));
      for (String c : List.of("id", "name", "code", "visits", "born", "seen", "email")) {
        // format: preserve changes ASCII letters and digits: text without any (李小龍) stays
        boolean changeable =
            o.get(c) != null
                && !(o.get(c) instanceof String str && !str.matches(".*[A-Za-z0-9].*"));
        if (changeable) {
          assertThat(t.get(c)).as(o.get("note") + " " + c).isNotEqualTo(o.get(c));
        } else {
          assertThat(t.get(c)).as("NULL, '' and 李小龍 stay").isEqualTo(o.get(c));
        }
      }
    }
  }

  /** Rows by their untouched label (the tokenized key orders rows differently). */
  private static Map<Object, Map<String, Object>> byNote(List<Map<String, Object>> rows) {
    Map<Object, Map<String, Object>> m = new LinkedHashMap<>();
    rows.forEach(r -> m.put(r.get("note"), r));
    return m;
  }

  private static void create(TestEngine e) throws Exception {
    e.sql(
        "CREATE TABLE "
            + e.t("people")
            + " (id bigint PRIMARY KEY, name varchar(40), code varchar(12), visits int,"
            + " balance numeric(12,2), born date, seen "
            + e.timestampType()
            + ", email varchar(400), note varchar(20), tag varchar(10))",
        "CREATE TABLE "
            + e.t("orders")
            + " (oid int PRIMARY KEY, person bigint REFERENCES "
            + e.t("people")
            + " (id), total numeric(8,2))");
    String[] names = {
      "Olivia",
      "Zoë Ærøskøbing",
      "李小龍",
      "Ngā 😀 Tūhoe",
      "",
      null,
      "x".repeat(40),
      "ÄÖÜäöüß".repeat(5) + "Zz😀"
    };
    List<Object[]> rows = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      rows.add(
          new Object[] {
            (long) i * 1000 + 7,
            names[i % names.length],
            i % 13 == 0 ? null : i % 3 == 0 ? "007" : "Cu-" + (4000 + i) + "x",
            i % 4 == 0 ? null : (long) (i * i) * (i % 2 == 0 ? -1 : 1),
            i % 6 == 0 ? null : new BigDecimal(i * 37 + "." + (i < 10 ? "0" : "") + i),
            i % 7 == 0 ? null : LocalDate.of(1000 + i * 250, 1 + i % 12, 1 + i % 28),
            i % 8 == 0
                ? null
                : LocalDateTime.of(1900 + i * 3, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60),
            i % 5 == 0 ? null : (i % 2 == 0 ? "Üser" + i + "@mail.example" : "user" + i + "@x.org"),
            "n" + i,
            "t" + i
          });
    }
    e.insert(
        "people",
        List.of("id", "name", "code", "visits", "balance", "born", "seen", "email", "note", "tag"),
        rows);
    List<Object[]> orders = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      orders.add(new Object[] {(long) i, (long) (i % 5 + 1) * 1000 + 7, new BigDecimal(i + ".50")});
    }
    e.insert("orders", List.of("oid", "person", "total"), orders);
  }
}
