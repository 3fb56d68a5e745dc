package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File runs through the real command line: folders of CSV, TSV, NDJSON, JSON and XML files. */
class FileRunTest {
  static final String CSV_RULES =
      """
      version: '1.0'
      tasks:
        - type: mask_tabular_file
          recurse: true
          column_types: {id: integer}
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
      """;

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

  private String out(String rel) throws IOException {
    return Files.readString(dir.resolve("out").resolve(rel));
  }

  @Test
  void csvAndTsvFilesAreMaskedColumnByColumnAndTheSourceIsUntouched() throws Exception {
    String csv =
        "id,name,email,note\n"
            + "1,Alice,alice@corp.com,\"has, a comma\"\n"
            + "2,Bob,bob@corp.com,plain\n"
            + "3,Carol,alice@corp.com,\"multi\nline\"\n";
    h.write("in/people.csv", csv);
    h.write("in/sub/more.tsv", "id\tname\temail\n7\tDan\tbob@corp.com\n");
    CliHarness.Result r = run(CSV_RULES);
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(Files.readString(dir.resolve("in/people.csv"))).isEqualTo(csv);

    List<String> lines = Files.readAllLines(dir.resolve("out/people.csv"));
    assertThat(lines.get(0)).isEqualTo("id,name,email,note");
    String masked = out("people.csv");
    assertThat(masked).doesNotContain("alice@corp.com", "bob@corp.com", "Alice", "Carol");
    assertThat(masked).contains("\"has, a comma\"", "\"multi\nline\"");
    // the same email masks the same in rows 1 and 3, and in the other file's format too
    String[] row1 = lines.get(1).split(",");
    String row3 = masked.substring(masked.indexOf("\n3,") + 1);
    assertThat(row1[2]).matches("[a-z]{8}@example\\.com");
    assertThat(row3.split(",")[2]).isEqualTo(row1[2]);
    String tsv = out("sub/more.tsv");
    assertThat(tsv).startsWith("id\tname\temail\n7\t");
    String bobMasked = lines.get(2).split(",")[2];
    assertThat(tsv.strip().split("\t")[4]).isEqualTo(bobMasked);

    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("mask_type").asText()).isEqualTo("file");
    assertThat(rec.path("tasks").get(0).path("rows_read").asLong()).isEqualTo(4);
    assertThat(rec.path("tasks").get(0).path("bytes_done").asLong())
        .isEqualTo(rec.path("tasks").get(0).path("bytes_total").asLong())
        .isEqualTo(
            Files.size(dir.resolve("in/people.csv")) + Files.size(dir.resolve("in/sub/more.tsv")));
    assertThat(rec.path("reports").get(0).path("file").asText()).isEqualTo("file-report.csv");
  }

  @Test
  void theSameRunSecretGivesTheSameFilesAndAnotherDifferentOnes() throws Exception {
    h.write("in/p.csv", "id,name,email\n1,Alice,alice@corp.com\n2,Bob,bob@corp.com\n");
    assertThat(run(CSV_RULES).code()).isZero();
    String first = out("p.csv");
    assertThat(run(CSV_RULES, "--target-mode", "truncate").code()).isZero();
    assertThat(out("p.csv")).isEqualTo(first);
    h.env.put("GUISE_RUN_SECRET", "another-secret-0123456789-abcdef");
    assertThat(run(CSV_RULES, "--target-mode", "truncate").code()).isZero();
    assertThat(out("p.csv")).isNotEqualTo(first);
  }

  @Test
  void includeSkipAndRecurseChooseTheFilesAndTheReportTellsWhy() throws Exception {
    h.write("in/a.csv", "name,email\nA,a@x.com\n");
    h.write("in/b_backup.csv", "name,email\nB,b@x.com\n");
    h.write("in/notes.txt", "not a csv\n");
    h.write("in/deep/c.csv", "name,email\nC,c@x.com\n");
    String rules =
        CSV_RULES
            .replace("recurse: true", "recurse: false")
            .replace(
                "column_types: {id: integer}",
                "include: [{glob: '*.csv'}]\n    skip: [{regex: '.*_backup\\.csv'}]");
    CliHarness.Result r = run(rules);
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(dir.resolve("out/a.csv")).exists();
    assertThat(dir.resolve("out/b_backup.csv")).doesNotExist();
    assertThat(dir.resolve("out/deep")).doesNotExist();
    assertThat(dir.resolve("out/notes.txt")).doesNotExist();
    String id = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    CliHarness.Result report = h.run("runs", "report", id, "--kind", "files", "--format", "csv");
    assertThat(report.code()).as(report.all()).isZero();
    assertThat(report.out())
        .contains("path,file_size,file_type,rows,status,skip_reason")
        .contains("a.csv,", ",csv,1,masked,")
        .contains("b_backup.csv")
        .contains("skipped,matches skip regex");
    assertThat(report.out()).doesNotContain("a@x.com");
  }

  @Test
  void ndjsonJsonAndXmlDocumentsAreMaskedWithTheDocumentMasks() throws Exception {
    h.write(
        "in/events.ndjson",
        "{\"user\":{\"email\":\"alice@corp.com\"},\"n\":1}\n\n{\"user\":{\"email\":\"bob@corp.com\"},\"n\":2}\n");
    h.write("in/one.json", "{\"user\":{\"email\":\"carol@corp.com\"},\"keep\":\"yes\"}");
    h.write(
        "in/cust.xml",
        "<?xml version=\"1.0\"?><customers><c id=\"1\"><email>dan@corp.com</email></c></customers>");
    String rules =
        """
        version: '1.0'
        tasks:
          - type: mask_file
            include: [{glob: '*.ndjson'}, {glob: '*.json'}]
            rules:
              - masks:
                  - type: json
                    transforms:
                      - path: [user, email]
                        masks:
                          - type: from_fixed
                            value: masked@example.com
          - type: mask_file
            include: [{glob: '*.xml'}]
            rules:
              - masks:
                  - type: xml
                    transforms:
                      - path: //c/email
                        masks:
                          - type: from_fixed
                            value: hidden@example.com
        """;
    CliHarness.Result r = run(rules);
    assertThat(r.code()).as(r.all()).isZero();
    List<String> nd = Files.readAllLines(dir.resolve("out/events.ndjson"));
    assertThat(nd).hasSize(3);
    assertThat(nd.get(0)).isEqualTo("{\"user\":{\"email\":\"masked@example.com\"},\"n\":1}");
    assertThat(nd.get(1)).isEmpty();
    assertThat(out("one.json")).contains("masked@example.com", "\"keep\":\"yes\"");
    assertThat(out("cust.xml")).contains("hidden@example.com", "id=\"1\"").doesNotContain("dan@");
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("reports")).hasSize(1);
    String id = rec.path("id").asText();
    String report = Files.readString(h.home.resolve("runs").resolve(id).resolve("file-report.csv"));
    assertThat(report.lines().filter(l -> l.startsWith("path,")).count()).isEqualTo(1);
    assertThat(report).contains("events.ndjson", "one.json", "cust.xml");
  }

  @Test
  void aMalformedRowNamesFileAndLineAndLeavesNoFile() throws Exception {
    h.write("in/a.csv", "name,email\nA,a@x.com\nB,b@x.com,extra\n");
    h.write("in/b.csv", "name,email\nC,c@x.com\n");
    CliHarness.Result r = run(CSV_RULES);
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(r.all()).contains("in:a.csv:3 - the row has 3 fields but the header 2");
    assertThat(r.all()).doesNotContain("b@x.com");
    assertThat(dir.resolve("out/a.csv")).doesNotExist();
    assertThat(dir.resolve("out/b.csv")).doesNotExist(); // stopped at the first failure
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertThat(s.toList()).isEmpty(); // no temporary part left behind
    }
    // with continue_on_failure the good file is written, the run still fails
    r = run(CSV_RULES, "--continue-on-failure");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(dir.resolve("out/b.csv")).exists();
    assertThat(dir.resolve("out/a.csv")).doesNotExist();
  }

  @Test
  void aBrokenQuoteAndAWrongTypeAreOneSentenceWithoutTheValue() throws Exception {
    h.write("in/q.csv", "name,email\nA,\"secret@x.com\n");
    CliHarness.Result r = run(CSV_RULES);
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(r.all()).contains("in:q.csv:").contains("quoted field is never closed");
    assertThat(r.all()).doesNotContain("secret@x.com");
    Files.delete(dir.resolve("in/q.csv"));
    h.write("in/t.csv", "id,name,email\nx42secret,A,a@x.com\n");
    r = run(CSV_RULES);
    assertThat(r.all()).contains("in:t.csv:2 - column 'id' is not an integer");
    assertThat(r.all()).doesNotContain("x42secret");
  }

  @Test
  void aDryRunWritesNoFile() throws Exception {
    h.write("in/p.csv", "name,email\nA,a@x.com\n");
    CliHarness.Result r = run(CSV_RULES, "--dry-run");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void refusedBeforeAnythingIsWritten() throws Exception {
    h.write("in/p.csv", "name,email\nA,a@x.com\n");
    // a rule on a column the file lacks
    CliHarness.Result r = run(CSV_RULES.replace("column: name", "column: nmae"));
    assertThat(r.code()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(r.all()).contains("in:p.csv - has no column 'nmae'");
    // a ruleset mixing database and file tasks
    r = run(CSV_RULES + "  - type: truncate_table\n    table: people\n");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all()).contains("task 'truncate_table' works on a database");
    // a file task in a database run
    h.write("files.yml", CSV_RULES);
    r = h.run("run", "files.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all()).contains("masks files; run it with --source and --target");
    // the target inside the source: never in place
    h.write(
        "connections.yml",
        "version: '1.0'\nconnections:\n  in:\n    type: file\n    path: in\n  out:\n    type: file\n    path: in/masked\n");
    r = run(CSV_RULES);
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all())
        .contains("overlaps the source folder")
        .contains("never masks files in place");
    assertThat(dir.resolve("in/masked")).doesNotExist();
  }

  @Test
  void aTargetHoldingFilesIsRefusedUnlessTruncate() throws Exception {
    h.write("in/p.csv", "name,email\nA,a@x.com\n");
    h.write("out/old.csv", "x\n");
    CliHarness.Result r = run(CSV_RULES);
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all()).contains("already holds files").contains("--target-mode truncate");
    r = run(CSV_RULES, "--target-mode", "append");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    r = run(CSV_RULES, "--target-mode", "truncate");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(dir.resolve("out/p.csv")).exists();
  }
}
