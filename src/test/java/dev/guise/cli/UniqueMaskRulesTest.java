package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unique masks in rulesets: placement rules, the deprecated name, a run on H2. */
class UniqueMaskRulesTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE c (id INT PRIMARY KEY, code VARCHAR(12), n BIGINT)",
        "INSERT INTO c SELECT x, 'CU' || LPAD(CAST(x AS VARCHAR), 8, '0'), 1000 + x"
            + " FROM SYSTEM_RANGE(1, 500)");
  }

  private String ruleset(String masks) {
    return """
        version: '1.0'
        tasks:
          - type: mask_table
            table: c
            key: id
            rules:
              - column: code
                masks: %s
        """
        .formatted(masks);
  }

  @Test
  void fromUniqueMustBeTheOnlyMaskOfItsRule() throws Exception {
    for (String masks :
        new String[] {
          "[{type: from_unique, format: '{[A-Z],6}'}, {type: do_nothing}]",
          "[{type: chain, masks: [{type: from_unique, format: '{[A-Z],6}'}]}]"
        }) {
      h.write("r.yml", ruleset(masks));
      CliHarness.Result r = h.run("validate", "r.yml");
      assertThat(r.code()).as(masks).isEqualTo(ExitCodes.INVALID);
      assertThat(r.err())
          .contains("r.yml:")
          .contains("from_unique gives values over the whole column")
          .doesNotContain("Exception");
    }
    h.write("r.yml", ruleset("[{type: from_unique, format: '{[A-Z],2-3}{[0-9],1-2}'}]"));
    CliHarness.Result r = h.run("validate", "r.yml");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("at most one");
  }

  @Test
  void theDeprecatedNameRunsAsImitateUniqueAndMasksEveryValueDistinctly() throws Exception {
    String before = h.dump("c", "id");
    h.write("r.yml", ruleset("[{type: from_unique_imitate}]"));
    CliHarness.Result v = h.run("validate", "r.yml");
    assertThat(v.code()).isZero();
    assertThat(v.all()).contains("deprecated").contains("imitate_unique");
    h.write("r.yml", ruleset("[{type: imitate_unique}]"));
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db", "--batch-size", "64");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.dump("c", "id")).isNotEqualTo(before);
    assertThat(h.count("SELECT COUNT(DISTINCT code) FROM c")).isEqualTo(500);
    assertThat(h.count("SELECT COUNT(*) FROM c WHERE code NOT REGEXP '^[A-Z]{2}[0-9]{8}$'"))
        .isZero();
    assertThat(
            h.count(
                "SELECT COUNT(*) FROM c WHERE code = 'CU' || LPAD(CAST(id AS VARCHAR), 8, '0')"))
        .isZero();
  }
}
