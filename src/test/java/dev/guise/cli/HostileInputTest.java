package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small hostile files must not take the process down: each is refused with exit 3 and a message
 * naming the file (with line:col where the input has one), within seconds, with no stack trace.
 */
class HostileInputTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.sql("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40))");
  }

  private CliHarness.Result validate(String file) {
    return assertTimeoutPreemptively(LIMIT, () -> h.run("validate", file));
  }

  private static void refused(CliHarness.Result r, String... expected) {
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ").contains(expected);
  }

  private static String bomb(int levels, int width) {
    StringBuilder y = new StringBuilder("version: '1.0'\nx0: &a0 [a, a, a]\n");
    for (int i = 1; i <= levels; i++) {
      y.append("x").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < width; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    return y.append("tasks: []\n").toString();
  }

  @Test
  void aliasBombsAreRefused() throws Exception {
    // 180 aliases in 1.5 KB that expand to 3^60 nodes: stopped by counting the expansion
    h.write("bomb.yml", bomb(60, 3));
    refused(validate("bomb.yml"), "bomb.yml:", "aliases expand");
    // more aliases than snakeyaml allows at all
    h.write("many.yml", bomb(60, 10));
    refused(validate("many.yml"), "many.yml", "aliases");
  }

  @Test
  void anAnchorInsideItselfIsRefused() throws Exception {
    h.write("self.yml", "version: '1.0'\ntasks: &t\n  - type: serial\n    tasks: *t\n");
    refused(validate("self.yml"), "self.yml:");
    h.write("merge.yml", "version: '1.0'\nx: &m\n  <<: *m\ntasks: []\n");
    refused(validate("merge.yml"), "merge.yml:");
  }

  @Test
  void devicesPipesAndFoldersAreRefusedAtOnce() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    refused(validate("/dev/zero"), "/dev/zero", "not a regular file");
    refused(validate(dir.toString()), "is a directory");
    Path fifo = dir.resolve("fifo.yml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor() == 0);
    refused(validate("fifo.yml"), "fifo.yml", "not a regular file");
    CliHarness.Result r =
        assertTimeoutPreemptively(
            LIMIT, () -> h.run("validate", "ok.yml", "-c", "db", "--connections", "fifo.yml"));
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.all()).contains("fifo.yml").doesNotContain("Exception");
  }

  @Test
  void hugeFilesAndValuesAreRefusedQuickly() throws Exception {
    String big = "x".repeat(16 << 20);
    h.write("huge.yml", "version: '1.0'\ntasks: []\nnote: " + big + "\n");
    refused(validate("huge.yml"), "huge.yml", "MiB");
    h.write("line.yml", "version: '1.0'\nnote: " + "y".repeat(2 << 20) + "\ntasks: []\n");
    refused(validate("line.yml"), "line.yml:2:65537", "a line longer than");
    String block = ("  " + "z".repeat(99) + "\n").repeat(11_000);
    h.write("long.yml", "version: '1.0'\ntasks: []\nnote: |\n" + block);
    refused(validate("long.yml"), "long.yml:3:7", "characters");
  }

  @Test
  void utf16WithAByteOrderMarkIsRead() throws Exception {
    String yaml = "version: '1.0'\ntasks:\n  - type: truncate_table\n    table: people\n";
    byte[] body = yaml.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);
    Files.write(dir.resolve("utf16.yml"), withBom);
    CliHarness.Result r = validate("utf16.yml");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.OK);

    Files.write(dir.resolve("nobom.yml"), body);
    refused(validate("nobom.yml"), "nobom.yml:1:2", "byte-order mark");
  }

  @Test
  void binaryAndBadUtf8AreRefusedWithAPosition() throws Exception {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(dir.resolve("junk.yml"), junk);
    refused(validate("junk.yml"), "junk.yml");
    Files.write(
        dir.resolve("latin1.yml"),
        "version: '1.0'\ntasks: []\nname: Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    refused(validate("latin1.yml"), "latin1.yml:3:10", "UTF-8");
    h.write("ctrl.yml", "version: '1.0'\ntasks: []\nname: a\u0007b\n");
    refused(validate("ctrl.yml"), "ctrl.yml:3:8", "U+0007");
  }
}
