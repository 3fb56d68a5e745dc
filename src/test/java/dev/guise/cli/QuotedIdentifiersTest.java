package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table and column names written the way DataMasque's documentation writes them (quoted parts are
 * exact, unquoted ones fold as the engine folds), on H2 through the real command line.
 */
class QuotedIdentifiersTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
  }

  /** Must-show 1: reserved words as table and column, a composite key written unquoted. */
  @Test
  void reservedWordsQuotedAsTheVendorDocumentsThem() throws Exception {
    h.sql(
        "CREATE TABLE \"order\" (id INT, line INT, \"user\" VARCHAR(20), PRIMARY KEY (id, line))",
        "INSERT INTO \"order\" VALUES (1, 1, 'ann'), (1, 2, 'bob'), (2, 1, 'cy')");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: '"order"'
            key: [id, line]
            rules:
              - column: '"user"'
                masks: [{type: from_fixed, value: masked}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.dump("\"order\"", "id, line")).isEqualTo("1|1|masked\n1|2|masked\n2|1|masked\n");
  }

  /**
   * Every place a ruleset names a table or column, each written quoted: schema-qualified names,
   * spaces, mixed case, a dot and a doubled quote inside a name.
   */
  @Test
  void everyPlaceThatNamesAColumnReadsQuotedNames() throws Exception {
    h.sql(
        "CREATE SCHEMA \"Sales\"",
        "CREATE TABLE \"Sales\".\"Customers\" (\"Cust Id\" INT PRIMARY KEY, \"Name\" VARCHAR(20))",
        "CREATE TABLE \"Sales\".\"Order Lines\" (\"Id\" INT PRIMARY KEY, \"Cust Id\" INT,"
            + " \"Qty\" INT, \"a.b\" VARCHAR(20), \"say \"\"hi\"\"\" VARCHAR(20),"
            + " \"Note\" VARCHAR(40), \"Shuffled\" VARCHAR(20))",
        "CREATE TABLE \"Sales\".\"Scratch Pad\" (id INT PRIMARY KEY)",
        "INSERT INTO \"Sales\".\"Customers\" VALUES (1, 'Ann'), (2, 'Bob')",
        "INSERT INTO \"Sales\".\"Order Lines\" VALUES (1, 1, 5, 'dot1', 'hi1', 'keep', 'x'),"
            + " (2, 2, 5, 'dot2', 'hi2', 'mask', 'y'), (3, 1, 7, 'dot3', 'hi3', 'mask', 'z')",
        "INSERT INTO \"Sales\".\"Scratch Pad\" VALUES (1), (2)");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: truncate_table
            table: '"Sales"."Scratch Pad"'
          - type: mask_table
            table: '"Sales"."Order Lines"'
            key: '"Id"'
            joins:
              - target_table: 'Sales."Customers"'
                target_key: '"Cust Id"'
                source_table: '"Sales"."Order Lines"'
                source_key: '"Cust Id"'
            rules:
              - column: '"a.b"'
                masks:
                  - type: concat
                    glue: '/'
                    masks:
                      - {type: from_column, source_column: '"say ""hi""\"'}
                      - {type: from_column, source_column: '"Customers"."Name"'}
              - if:
                  - column: '"Sales"."Order Lines"."Note"'
                    equals: mask
                rules:
                  - column: '"Note"'
                    hash_columns: ['"Customers"."Name"']
                    masks: [{type: from_format_string, value_format: '{[a-z],8}'}]
              - column: '"Shuffled"'
                masks: [{type: secure_shuffle, shuffle_group: ['"Qty"']}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(h.count("SELECT COUNT(*) FROM \"Sales\".\"Scratch Pad\"")).isZero();
    String[][] rows =
        h.dump("\"Sales\".\"Order Lines\"", "\"Id\"")
            .lines()
            .map(l -> l.split("\\|"))
            .toArray(String[][]::new);
    // columns: Id, Cust Id, Qty, a.b, say "hi", Note, Shuffled
    assertThat(rows[0][3]).isEqualTo("hi1/Ann");
    assertThat(rows[1][3]).isEqualTo("hi2/Bob");
    assertThat(rows[2][3]).isEqualTo("hi3/Ann");
    assertThat(rows[0][5]).isEqualTo("keep");
    assertThat(rows[1][5]).matches("[a-z]{8}");
    assertThat(rows[2][5]).matches("[a-z]{8}").isNotEqualTo(rows[1][5]);
    // Qty groups: rows 1 and 2 share one (their values may swap), row 3 is alone in its own
    assertThat(List.of(rows[0][6], rows[1][6])).containsExactlyInAnyOrder("x", "y");
    assertThat(rows[2][6]).isEqualTo("z");
  }

  @Test
  void anAmbiguousUnquotedNameListsTheQuotedForms() throws Exception {
    h.sql(
        "CREATE TABLE \"Pets\" (id INT PRIMARY KEY, \"Name\" VARCHAR(20), \"nAME\" VARCHAR(20))",
        "CREATE TABLE \"PETs\" (id INT PRIMARY KEY)");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: pets
            key: id
            rules:
              - column: name
                masks: [{type: from_fixed, value: x}]
          - type: mask_table
            table: '"Pets"'
            key: id
            rules:
              - column: name
                masks: [{type: from_fixed, value: x}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all())
        .contains("pets - table not found")
        .contains("2 names differ from it only in case: '\"PETs\"' or '\"Pets\"'")
        .contains("Pets.name - column not found")
        .contains("'\"Name\"' or '\"nAME\"'; quote the one you mean");
  }

  @Test
  void aQuotedNameInTheWrongCaseSuggestsTheRealOne() throws Exception {
    h.sql("CREATE TABLE \"Order\" (id INT PRIMARY KEY, \"User\" VARCHAR(20))");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: mask_table
            table: '"order"'
            key: id
            rules:
              - column: u
                masks: [{type: from_fixed, value: x}]
          - type: mask_table
            table: '"Order"'
            key: id
            rules:
              - column: '"user"'
                masks: [{type: from_fixed, value: x}]
              - column: '"User'
                masks: [{type: from_fixed, value: x}]
        """);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all())
        .contains("\"order\" - table not found")
        .contains("did you mean '\"Order\"'?")
        .contains("Order.\"user\" - column not found")
        .contains("did you mean '\"User\"'?")
        .contains("the \" that opens a quoted name is never closed");
  }
}
