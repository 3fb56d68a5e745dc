package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML discovery report rendered by a real headless browser (Debian's chromium; skipped when it
 * is not installed): the summary, the coverage chart and the table are in the rendered DOM, the
 * page needs no network, and sorting works. Leaves a screenshot in target/ to look at.
 */
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir Path dir;

  @Test
  void renderedReportShowsSummaryChartAndASortableTable() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, first_name VARCHAR(40), email VARCHAR(100),"
            + " card_number VARCHAR(19), notes VARCHAR(200), zip VARCHAR(10))",
        "INSERT INTO people VALUES (1, 'Ann', 'ann@example.com', '4111111111111111', 'x', '12345')");
    h.write(
        "ruleset.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: people\n    key: id\n    rules:\n"
            + "      - column: email\n        masks: [{type: imitate}]\n");
    CliHarness.Result r =
        h.run(
            "discover", "-c", "db", "--ruleset", "ruleset.yml", "--format", "html", "-o", "r.html");
    assertThat(r.code()).as(r.all()).isZero();
    String html = Files.readString(dir.resolve("r.html"));
    assertThat(html).doesNotContain("http://", "https://").doesNotContain("ann@example.com");

    String dom = chromium("--dump-dom", dir.resolve("r.html").toUri() + "#sort=3");
    assertThat(dom).contains("<svg id=\"chart\"");
    assertThat(dom).containsPattern("data-label=\"not covered\" data-value=\"4\"");
    assertThat(dom).containsPattern("data-label=\"covered\" data-value=\"1\"");
    assertThat(dom).contains("data-label=\"PCI\"><b>1</b>");
    List<String> columns = new ArrayList<>();
    Matcher m =
        Pattern.compile("<tr[^>]*><td>[A-Z]+</td><td>[^<]*</td><td>PEOPLE</td><td>([A-Z_]+)</td>")
            .matcher(dom);
    while (m.find()) {
      columns.add(m.group(1));
    }
    assertThat(columns).hasSize(6);
    assertThat(columns).isSortedAccordingTo(String::compareTo);
    assertThat(dom).contains("class=\"uncovered\"");

    Path shot = Path.of("target", "discovery-report.png").toAbsolutePath();
    chromium(
        "--screenshot=" + shot, "--window-size=1400,900", dir.resolve("r.html").toUri().toString());
    assertThat(shot).exists();
  }

  private String chromium(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--user-data-dir=" + dir.resolve("chrome-profile")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chrome.err").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(out, java.nio.charset.StandardCharsets.UTF_8);
  }
}
