package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ruleset libraries: {@code imports} and {@code $ref} from validate through a run on H2. */
class LibrariesTest {
  /** A namespaced library: masks, rules referencing its own masks, a nested list. */
  static final String PEOPLE =
      """
      version: '1.0'
      masks:
        fixed_name:
          type: from_fixed
          value: Someone
      database_rules:
        name_rule:
          column: name
          masks:
            - $ref: "#masks/fixed_name"
      other:
        nested:
          - type: from_fixed
            value: first
          - type: from_fixed
            value: second
      """;

  /** A library without a namespace: a column's list of masks. */
  static final String SHOP =
      """
      version: '1.0'
      columns:
        email:
          - type: from_format_string
            value_format: "user{[0-9],5}@example.test"
      """;

  static final String RULESET =
      """
      version: '1.0'
      imports:
        - pii/people
        - shop
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - $ref: "pii/people#database_rules/name_rule"
            - column: email
              masks:
                $ref: "shop#columns/email"
        - type: mask_table
          table: contacts
          key: [owner, seq]
          rules:
            - column: email
              masks:
                - $ref: "pii/people#other/nested/1"
      """;

  @TempDir java.nio.file.Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    RunCommandTest.createData(h);
    h.write("libs/pii/people.yml", PEOPLE);
    h.write("libs/shop.yml", SHOP);
    h.write("ruleset.yml", RULESET);
  }

  @Test
  void aRulesetWithImportsValidatesPlansAndRuns() throws Exception {
    CliHarness.Result v = h.run("validate", "ruleset.yml", "--libraries", "libs");
    assertThat(v.code()).as(v.all()).isZero();
    assertThat(v.out()).contains("is valid");

    CliHarness.Result p =
        h.run("plan", "ruleset.yml", "-c", "db", "--libraries", "libs", "--format", "json");
    assertThat(p.code()).as(p.all()).isZero();
    // the plan shows rules after expansion: the library's masks, not the $ref
    assertThat(p.out())
        .contains("from_fixed")
        .contains("from_format_string")
        .doesNotContain("$ref");

    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db", "--libraries", "libs");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE name <> 'Someone'")).isZero();
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE email NOT LIKE 'user%@example.test'"))
        .isZero();
    assertThat(h.count("SELECT COUNT(*) FROM contacts WHERE email <> 'second'")).isZero();

    JsonNode libs = Json.MAPPER.readTree(h.lastRecord()).path("ruleset").path("libraries");
    assertThat(libs).hasSize(2);
    assertThat(libs.get(0).path("name").asText()).isEqualTo("pii/people");
    assertThat(libs.get(0).path("sha256").asText())
        .isEqualTo(sha256(Files.readAllBytes(dir.resolve("libs/pii/people.yml"))));
    assertThat(libs.get(1).path("name").asText()).isEqualTo("shop");
  }

  @Test
  void librariesUnderGuiseHomeAreFoundWithoutTheOption() throws Exception {
    h.write("home/libraries/pii/people.yml", PEOPLE);
    h.write("home/libraries/shop.yml", SHOP);
    CliHarness.Result v = h.run("validate", "ruleset.yml");
    assertThat(v.code()).as(v.all()).isZero();
  }

  @Test
  void aBrokenRefIsExit3WithTheRefAndTheMissingTarget() throws Exception {
    h.write("bad.yml", RULESET.replace("database_rules/name_rule", "database_rules/nmae_rule"));
    CliHarness.Result v = h.run("validate", "bad.yml", "--libraries", "libs");
    assertThat(v.code()).as(v.all()).isEqualTo(3);
    // where the $ref is, and where the target would be (the section in the library file)
    assertThat(v.err())
        .contains("bad.yml:10:9 - $ref 'pii/people#database_rules/nmae_rule'")
        .contains("no 'nmae_rule' in 'database_rules' at ")
        .contains("libs/pii/people.yml:7:3")
        .contains("(has: name_rule)");
    CliHarness.Result r = h.run("run", "bad.yml", "-c", "db", "--libraries", "libs");
    assertThat(r.code()).isEqualTo(3);
    assertThat(h.count("SELECT COUNT(*) FROM people WHERE name = 'Someone'")).isZero();
  }

  @Test
  void missingLibraryNamespaceAndSectionAreErrorsAtTheirPlace() throws Exception {
    h.write(
        "bad.yml",
        RULESET
            .replace("- pii/people", "- pi/people")
            .replace("pii/people#", "pi/people#")
            .replace("shop#columns", "shop#colums"));
    CliHarness.Result v = h.run("validate", "bad.yml", "--libraries", "libs");
    assertThat(v.code()).as(v.all()).isEqualTo(3);
    assertThat(v.err())
        .contains("bad.yml:3:5 - namespace 'pi' not found")
        .contains("'colums' is not a library section");
    h.write("bad2.yml", RULESET.replace("- shop", "- shops").replace("shop#", "shops#"));
    CliHarness.Result v2 = h.run("validate", "bad2.yml", "--libraries", "libs");
    assertThat(v2.code()).isEqualTo(3);
    assertThat(v2.err()).contains("bad2.yml:4:5 - library 'shops' not found");
  }

  @Test
  void aMistakeInsideALibraryNamesTheLibraryAndTheRef() throws Exception {
    h.write("libs/pii/people.yml", PEOPLE.replace("value: Someone", "valeu: Someone"));
    CliHarness.Result v = h.run("validate", "ruleset.yml", "--libraries", "libs");
    assertThat(v.code()).as(v.all()).isEqualTo(3);
    assertThat(v.err())
        .containsPattern("libs/pii/people.yml:\\d+:\\d+ \\(via \\$ref at .*ruleset.yml:10:9\\)");
  }

  @Test
  void aCycleAndACrossLibraryRefAreRefused() throws Exception {
    h.write(
        "libs/pii/people.yml",
        PEOPLE
            + "  a:\n    $ref: \"#other/b\"\n  b:\n    $ref: \"#other/a\"\n"
            + "  c:\n    $ref: \"shop#columns/email\"\n");
    h.write("cycle.yml", RULESET.replace("#other/nested/1", "#other/a"));
    CliHarness.Result v = h.run("validate", "cycle.yml", "--libraries", "libs");
    assertThat(v.code()).as(v.all()).isEqualTo(3);
    assertThat(v.err()).contains("refers back to itself");
    CliHarness.Result lib = h.run("validate", "libs/pii/people.yml");
    assertThat(lib.code()).isEqualTo(3);
    assertThat(lib.err()).contains("refers back to itself").contains("names another library");
  }

  @Test
  void overridingARefTargetAndTypeFromARefAreRefused() throws Exception {
    h.write(
        "bad.yml",
        RULESET.replace(
            "- $ref: \"pii/people#database_rules/name_rule\"",
            "- $ref: \"pii/people#database_rules/name_rule\"\n        column: email"));
    CliHarness.Result v = h.run("validate", "bad.yml", "--libraries", "libs");
    assertThat(v.code()).as(v.all()).isEqualTo(3);
    assertThat(v.err()).contains("'column' is already set by $ref");
    h.write(
        "bad2.yml",
        RULESET.replace(
            "- $ref: \"pii/people#other/nested/1\"",
            "- type:\n              $ref: \"pii/people#masks/fixed_name/type\"\n            value: x"));
    CliHarness.Result v2 = h.run("validate", "bad2.yml", "--libraries", "libs");
    assertThat(v2.code()).as(v2.all()).isEqualTo(3);
    assertThat(v2.err()).contains("'type' cannot come from a $ref");
  }

  @Test
  void aRefWithoutImportsNamesTheMissingImport() throws Exception {
    h.write("noimports.yml", RULESET.replace("imports:\n  - pii/people\n  - shop\n", ""));
    CliHarness.Result v = h.run("validate", "noimports.yml", "--libraries", "libs");
    assertThat(v.code()).as(v.all()).isEqualTo(3);
    assertThat(v.err())
        .contains("noimports.yml:7:9 - $ref 'pii/people#database_rules/name_rule' names library")
        .contains("which this ruleset does not import; add it to 'imports'")
        .doesNotContain("unknown key '$ref'");
  }

  @Test
  void validateRecognisesALibraryAndRunRefusesIt() throws Exception {
    CliHarness.Result ok = h.run("validate", "libs/pii/people.yml");
    assertThat(ok.code()).as(ok.all()).isZero();
    assertThat(ok.out()).contains("is valid");
    h.write("libs/broken.yml", SHOP.replace("from_format_string", "from_format_strin"));
    CliHarness.Result bad = h.run("validate", "libs/broken.yml");
    assertThat(bad.code()).isEqualTo(3);
    assertThat(bad.err()).contains("libs/broken.yml:4:13");
    CliHarness.Result run = h.run("run", "libs/pii/people.yml", "-c", "db");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("is a ruleset library, not a ruleset");
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
