package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guise.it.IntegrationServers.Engine;
import java.math.BigDecimal;
import java.nio.file.Path;
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
 * The same dataset, ruleset and run secret give identical masked values on every engine, whatever
 * the batch size: values are read into engine-independent Java types and hash inputs are encoded
 * canonically. Runs on H2 and on every server engine {@link IntegrationServers} provides (at least
 * one is needed).
 */
class CrossEngineIT {
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - column: first_name
              hash_columns: [first_name]
              masks: [{type: from_choices, choices: [Ana, Ben, Chloé, Dai, Émile, Farah]}]
            - column: last_name
              masks: [{type: imitate}]
            - column: email
              hash_columns: [{column_name: email, case_transform: lower, trim: true}]
              masks:
                - type: concat
                  glue: "@"
                  masks:
                    - {type: from_random_text, min: 4, max: 10}
                    - {type: from_choices, choices: [example.com, example.org]}
            - column: city
              hash_columns: [city]
              masks: [{type: imitate}]
            - column: born
              hash_columns: [born]
              masks: [{type: from_random_date, min: '1950-01-01', max: '2005-12-31'}]
            - column: seen
              hash_columns: [seen, balance]
              masks: [{type: from_random_datetime, min: '2020-01-01T00:00:00', max: '2024-12-31T23:59:59'}]
            - column: balance
              hash_columns: [balance]
              masks: [{type: from_random_number, min: 0, max: 10000, decimal_places: 2}]
            - column: score
              masks: [{type: from_random_number, min: 0, max: 1, decimal_places: 6}]
            - column: visits
              hash_columns: [visits, born]
              masks: [{type: from_random_number, min: 0, max: 500}]
            - column: active
              masks: [{type: from_random_boolean}]
            - column: notes
              hash_columns: [id, notes]
              masks: [{type: hash, length: 12}]
            - {column: code, masks: [{type: imitate_unique}]}
            - {column: amount, masks: [{type: imitate_unique}]}
            - {column: guid, masks: [{type: imitate_uuid}]}
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
  void everyEngineMasksTheSameDataToTheSameValues() throws Exception {
    engines.add(new H2Engine());
    IntegrationServers.url(Engine.POSTGRES).ifPresent(u -> engines.add(new PostgresEngine(u)));
    IntegrationServers.url(Engine.MARIADB).ifPresent(u -> engines.add(new MariaDbEngine(u)));
    assumeTrue(
        engines.size() > 1,
        IntegrationServers.whySkipped(Engine.POSTGRES)
            + "; "
            + IntegrationServers.whySkipped(Engine.MARIADB)
            + "; nothing to compare H2 with");

    List<Object[]> data = dataset();
    Map<String, List<Map<String, Object>>> masked = new LinkedHashMap<>();
    List<Map<String, Object>> original = null;
    int[] batchSizes = {7, 50_000, 13};
    for (int i = 0; i < engines.size(); i++) {
      TestEngine e = engines.get(i);
      e.open();
      e.sql(
          "CREATE TABLE "
              + e.t("people")
              + " (id bigint PRIMARY KEY, first_name varchar(40), last_name varchar(40),"
              + " email varchar(80), city varchar(40), born date, seen "
              + e.timestampType()
              + ", balance decimal(12,2), score double precision, visits int, active boolean,"
              + " notes varchar(200), code varchar(12), amount numeric(12,0), guid varchar(36))");
      e.insert(
          "people",
          List.of(
              "id",
              "first_name",
              "last_name",
              "email",
              "city",
              "born",
              "seen",
              "balance",
              "score",
              "visits",
              "active",
              "notes",
              "code",
              "amount",
              "guid"),
          data);
      List<Map<String, Object>> before = e.dump("people");
      if (original == null) {
        original = before;
      } else {
        assertThat(before).as("dataset as loaded into " + e.name()).isEqualTo(original);
      }
      // separate homes: values must not depend on an installation's instance secret
      GuiseCli cli = new GuiseCli(tmp.resolve(e.name()), tmp.resolve(e.name() + "-home"), e, 0);
      GuiseCli.Result r =
          cli.run(
              RULESET,
              "--disable-instance-secret",
              "--batch-size",
              String.valueOf(batchSizes[i % batchSizes.length]));
      assertThat(r.exit()).as(e.name() + ": " + r).isZero();
      masked.put(e.name(), e.dump("people"));
    }
    List<Map<String, Object>> reference = masked.get("h2");
    assertThat(reference).isNotEqualTo(original).hasSize(data.size());
    assertUniqueMasksMatchInProcess(original, reference);
    for (Map.Entry<String, List<Map<String, Object>>> m : masked.entrySet()) {
      for (int row = 0; row < reference.size(); row++) {
        assertThat(m.getValue().get(row))
            .as(m.getKey() + " row " + (row + 1) + " against h2")
            .isEqualTo(reference.get(row));
      }
    }
  }

  /**
   * The unique masks' values are those of the mask applied in process with the run's key alone: no
   * table, column or engine enters them, so equal values mask alike in every table that holds them.
   */
  private static void assertUniqueMasksMatchInProcess(
      List<Map<String, Object>> original, List<Map<String, Object>> masked) {
    dev.guise.secret.RunKey key = dev.guise.secret.RunKey.derive(null, GuiseCli.RUN_SECRET);
    dev.guise.mask.MaskContext ctx =
        new dev.guise.mask.MaskContext(d -> null, c -> null, key, java.time.Instant.EPOCH);
    dev.guise.mask.Mask unique = standardMask("imitate_unique");
    dev.guise.mask.Mask uuid = standardMask("imitate_uuid");
    for (int row = 0; row < original.size(); row++) {
      Map<String, Object> in = original.get(row);
      Map<String, Object> out = masked.get(row);
      assertThat(out.get("code")).isEqualTo(unique.apply(in.get("code"), ctx));
      assertThat(out.get("guid"))
          .isEqualTo(uuid.apply(in.get("guid"), ctx))
          .isNotEqualTo(in.get("guid"));
      if (in.get("amount") != null) {
        // a numeric(12,0) masks like the same integer read as a long
        long asLong = new BigDecimal(in.get("amount").toString()).longValueExact();
        assertThat(new BigDecimal(out.get("amount").toString()).longValueExact())
            .isEqualTo(unique.apply(asLong, ctx))
            .isNotEqualTo(asLong);
      }
    }
  }

  private static dev.guise.mask.Mask standardMask(String name) {
    dev.guise.mask.MaskDefinition d =
        dev.guise.mask.MaskRegistry.standard().find(name).orElseThrow();
    return d.factory().create(new dev.guise.mask.MaskArgs(name, Map.of()));
  }

  /** Ints, text with accents, CJK and emoji, dates, timestamps, decimals, doubles and NULLs. */
  private static List<Object[]> dataset() {
    String[] first = {"Olivia", "Zoë", "李", "Ngā", "José", "😀 Smile", "", null};
    String[] cities = {"Auckland", "東京", "São Paulo", "Zürich", null};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      rows.add(
          new Object[] {
            (long) i * 1000 + 7,
            first[i % first.length],
            i % 9 == 0 ? null : "Surname-" + i,
            i % 11 == 0
                ? null
                : (i % 2 == 0
                    ? " User" + (i % 5) + "@Mail.Example "
                    : "user" + (i % 5) + "@mail.example"),
            cities[i % cities.length],
            i % 7 == 0 ? null : LocalDate.of(1950 + i, 1 + i % 12, 1 + i % 28),
            i % 8 == 0
                ? null
                : LocalDateTime.of(2000 + i % 20, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60),
            i % 6 == 0 ? null : new BigDecimal(i * 37 + "." + (i % 100 < 10 ? "0" : "") + i % 100),
            i % 5 == 0 ? null : i / 8.0,
            i % 4 == 0 ? null : (long) (i * i),
            i % 3 == 0 ? null : i % 2 == 0,
            i % 10 == 0 ? null : "note " + i + " ✓",
            i % 13 == 0 ? null : "Cu-" + (4000 + i) + "x",
            i % 12 == 0 ? null : new BigDecimal(700_000 + i * 31),
            String.format("c232ab00-9414-11ec-b3c8-9f6bdeced8%02d", i)
          });
    }
    return rows;
  }
}
