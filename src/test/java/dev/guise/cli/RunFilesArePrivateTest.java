package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders are 0700 and their files 0600: records and logs name tables, errors and samples. */
class RunFilesArePrivateTest {
  @TempDir Path dir;

  @Test
  void runFoldersAndFilesAreTheOwnersAlone() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40))",
        "INSERT INTO people VALUES (1, 'Ann')");
    h.write(
        "r.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: people\n    key: id\n"
            + "    rules:\n      - column: name\n        masks:\n          - type: from_fixed\n"
            + "            value: x\n");
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    Path runs = h.home.resolve("runs");
    assertThat(mode(runs)).isEqualTo("rwx------");
    List<Path> folders;
    try (Stream<Path> s = Files.list(runs)) {
      folders = s.toList();
    }
    assertThat(folders).hasSize(1);
    assertThat(mode(folders.get(0))).isEqualTo("rwx------");
    assertThat(mode(folders.get(0).resolve("run.json"))).isEqualTo("rw-------");
    assertThat(mode(folders.get(0).resolve("log.jsonl"))).isEqualTo("rw-------");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
