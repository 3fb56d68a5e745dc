package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guise.exec.Cancellation;
import dev.guise.exec.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code from_unique} on a primary key: the n-th distinct value gets the format's n-th output,
 * through the key path (the children follow); a format with fewer outputs than the key has values
 * is refused before anything changes.
 */
class FromUniqueKeyIT {
  static final String RULESET =
      "version: '1.0'\n"
          + "tasks:\n"
          + "  - type: mask_table\n"
          + "    table: customers\n"
          + "    key: code\n"
          + "    rules:\n"
          + "      - column: code\n"
          + "        masks: [{type: from_unique, format: \"%s\"}]\n";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mariadb"})
  void fromUniqueRewritesAKeyAndItsChildrenOrRefusesATooSmallFormat(String engine)
      throws Exception {
    try (TestEngine e = Engines.forProcesses(engine, tmp)) {
      assumeTrue(e != null, engine + ": its GUISE_IT_*_URL is not set; skipped");
      e.open();
      KeyFamilyFixture f = new KeyFamilyFixture(e);
      try {
        f.create();
        Map<String, List<String>> before = KeyPathContract.canonical(f.dump(), false);
        TreeSet<String> catalog = f.catalog();

        RunStatus small =
            f.run(
                RULESET.formatted("K{[0-9],2}"), KeyPathContract.runId(), null, new Cancellation());

        assertThat(small).isEqualTo(RunStatus.FAILED);
        assertThat(f.events.toString()).contains("has 300 distinct values").contains("only 100");
        assertThat(KeyPathContract.canonical(f.dump(), false)).isEqualTo(before);

        String id = KeyPathContract.runId();
        RunStatus s = f.run(RULESET.formatted("K{[0-9],4}"), id, null, new Cancellation());

        assertThat(s).as("%s", f.events).isEqualTo(RunStatus.FINISHED);
        assertThat(f.catalog()).isEqualTo(catalog);
        assertThat(f.leftovers(id)).isEmpty();
        Map<Object, Object> invoices = KeyRows.byId(f.dump().get("invoices"), "cust");
        Map<Object, Object> notes = KeyRows.byId(f.dump().get("notes"), "cust");
        assertThat(notes).isEqualTo(invoices);
        assertThat(invoices.values())
            .filteredOn(v -> v != null)
            .allSatisfy(v -> assertThat(v.toString()).matches("K[0-9]{4}"));
        assertThat(f.dump().get("orders"))
            .allSatisfy(r -> assertThat(KeyRows.lower(r).get("cust").toString()).startsWith("K"));
      } finally {
        e.sql("DROP TABLE IF EXISTS " + e.q(e.otherSchema) + "." + e.q("notes"));
      }
    }
  }

  /**
   * Under MariaDB's case-insensitive collation {@code K00a} and {@code K00A} are one key: 300 keys
   * from a format with 400 outputs but 200 case-folded ones must clash, and the run stops before it
   * rewrites anything (the mapping's unique index on its new values is the check).
   */
  @org.junit.jupiter.api.Test
  void outputsEqualUnderTheCollationStopTheRunBeforeAnythingChanges() throws Exception {
    try (TestEngine e = Engines.forProcesses("mariadb", tmp)) {
      assumeTrue(e != null, "mariadb: GUISE_IT_MARIADB_URL is not set; skipped");
      e.open();
      KeyFamilyFixture f = new KeyFamilyFixture(e);
      try {
        f.create();
        Map<String, List<String>> before = KeyPathContract.canonical(f.dump(), false);
        TreeSet<String> catalog = f.catalog();
        String id = KeyPathContract.runId();

        RunStatus s = f.run(RULESET.formatted("K{[0-9],2}{[abAB]}"), id, null, new Cancellation());

        assertThat(s).isEqualTo(RunStatus.FAILED);
        assertThat(f.events.toString())
            .contains("gave equal outputs for different keys")
            .containsPattern("\\(\\d+ clashes");
        assertThat(KeyPathContract.canonical(f.dump(), false)).isEqualTo(before);
        assertThat(f.catalog()).isEqualTo(catalog);
        assertThat(f.leftovers(id)).isEmpty();
      } finally {
        e.sql("DROP TABLE IF EXISTS " + e.q(e.otherSchema) + "." + e.q("notes"));
      }
    }
  }
}
