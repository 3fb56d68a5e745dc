package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary values appear in samples as their size, in run.json and in the summary. */
class BinarySampleTest {
  @TempDir Path dir;

  @Test
  void bytesAreShownAsTheirSize() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE files (id INT PRIMARY KEY, data VARBINARY(64))",
        "INSERT INTO files VALUES (1, X'00FF10'), (2, X'41')");
    Files.write(dir.resolve("blank.bin"), new byte[] {1, 2, 3, 4, 5});
    h.write(
        "r.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: files\n    key: id\n    rules:\n"
            + "      - column: data\n        masks: [{type: from_blob, path: blank.bin}]\n");
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db", "--show-originals");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("DATA: <3 bytes> -> <5 bytes>")
        .contains("DATA: <1 byte> -> <5 bytes>");
    // without --show-originals the sample is recorded in run.json too (originals redacted)
    h.sql("UPDATE files SET data = X'0102' WHERE id = 1");
    r = h.run("run", "r.yml", "-c", "db", "--remask");
    assertThat(r.out()).contains("DATA: <redacted> -> <5 bytes>");
    String record = Json.MAPPER.readTree(h.lastRecord()).path("samples").toString();
    assertThat(record).contains("\"after\":\"<5 bytes>\"").doesNotContain("AQIDBAU=");
  }
}
