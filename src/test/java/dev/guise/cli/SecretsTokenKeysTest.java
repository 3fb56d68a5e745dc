package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token keys in {@code guise secrets export/import} between two installations (two GUISE_HOMEs):
 * tokens made on A re-identify on B after the import, and only then; an existing different key of
 * the same name is refused without --replace, with nothing changed.
 */
class SecretsTokenKeysTest {
  private static final String PASS = "correct horse battery staple\n";
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - {column: name, masks: [{type: tokenize, key_name: cust}]}
            - {column: email, masks: [{type: tokenize, key_name: cust, format: prefixed}]}
      """;
  private static final String ORIGINAL =
      "1|Alice|alice@example.com\n2|Bob|b@x.org\n3|Carol|c@y.net";

  @TempDir Path tmp;

  @Test
  void tokensMadeOnAReidentifyOnBAfterTheImportOnly() throws Exception {
    CliHarness a = new CliHarness(tmp.resolve("a"));
    CliHarness b = new CliHarness(tmp.resolve("b"));
    a.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(200))",
        "INSERT INTO people VALUES (1, 'Alice', 'alice@example.com'), (2, 'Bob', 'b@x.org'),"
            + " (3, 'Carol', 'c@y.net')");
    a.write("ruleset.yml", RULESET);
    b.write("ruleset.yml", RULESET);
    a.write("pass.txt", PASS);
    b.write("pass.txt", PASS);
    expect(0, a.run("keys", "create", "cust"));
    expect(0, a.run("keys", "create", "other"));
    assertThat(a.dump("people", "id").strip()).isEqualTo(ORIGINAL);
    expect(0, a.run("run", "ruleset.yml", "-c", "db"));
    String tokens = a.dump("people", "id");
    assertThat(tokens).doesNotContain("Alice").doesNotContain("alice@example.com");
    b.write(
        "emails.txt",
        String.join("\n", tokens.lines().map(l -> l.split("\\|")[2]).toList()) + "\n");
    // the tokenized database, copied to B
    Files.copy(a.dir.resolve("db.mv.db"), b.dir.resolve("db.mv.db"));

    String[] values = {
      "reidentify", "--values", "emails.txt", "--key", "cust", "--token-format", "prefixed"
    };
    CliHarness.Result before = b.run(values);
    assertThat(before.code()).as(before.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(before.err()).contains("token key 'cust' - not found");
    expect(3, b.run("reidentify", "ruleset.yml", "-c", "db"));
    assertThat(b.dump("people", "id")).isEqualTo(tokens);

    CliHarness.Result out =
        expect(
            0,
            a.run(
                "secrets",
                "export",
                "--out",
                "s.enc",
                "--key",
                "cust",
                "--passphrase-file",
                "pass.txt"));
    assertThat(out.out()).contains("exported token_key cust (fingerprint ").doesNotContain("other");
    String keyFile = Files.readString(a.home.resolve("keys/cust.key"));
    String keyB64 =
        keyFile
            .lines()
            .filter(l -> l.startsWith("cust.key="))
            .findFirst()
            .orElseThrow()
            .substring(9);
    assertThat(Files.readString(a.dir.resolve("s.enc"))).doesNotContain(keyB64);
    Files.copy(a.dir.resolve("s.enc"), b.dir.resolve("s.enc"));

    CliHarness.Result in =
        expect(0, b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt"));
    assertThat(in.out()).contains("imported token_key cust (fingerprint ");
    Path imported = b.home.resolve("keys/cust.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(imported)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(imported.getParent())))
        .isEqualTo("rwx------");
    assertThat(b.home.resolve("keys/other.key")).doesNotExist();

    CliHarness.Result after = expect(0, b.run(values));
    assertThat(after.out().strip())
        .isEqualTo("alice@example.com\nb@x.org\nc@y.net".replace("\n", System.lineSeparator()));
    expect(0, b.run("reidentify", "ruleset.yml", "-c", "db"));
    assertThat(b.dump("people", "id").strip()).isEqualTo(ORIGINAL);

    // importing the same key again is a no-op
    CliHarness.Result again =
        expect(0, b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt"));
    assertThat(again.out()).contains("token_key cust").contains("nothing to do");

    for (CliHarness.Result r : new CliHarness.Result[] {out, in, after, again}) {
      assertThat(r.all()).doesNotContain(keyB64);
    }
    assertThat(Files.readString(a.home.resolve("audit.jsonl")))
        .contains("\"event\":\"secrets_exported\"")
        .contains("token_key cust")
        .doesNotContain(keyB64);
    assertThat(Files.readString(b.home.resolve("audit.jsonl")))
        .contains("\"event\":\"secrets_imported\"")
        .contains("token_key cust")
        .doesNotContain(keyB64);
  }

  @Test
  void aDifferentKeyOfTheSameNameIsReplacedOnlyWithReplace() throws Exception {
    CliHarness a = new CliHarness(tmp.resolve("a"));
    CliHarness b = new CliHarness(tmp.resolve("b"));
    a.write("pass.txt", PASS);
    b.write("pass.txt", PASS);
    expect(0, a.run("keys", "create", "cust"));
    expect(0, a.run("keys", "create", "fresh"));
    expect(0, b.run("keys", "create", "cust"));
    expect(0, a.run("secrets", "export", "--out", "s.enc", "--passphrase-file", "pass.txt"));
    Files.copy(a.dir.resolve("s.enc"), b.dir.resolve("s.enc"));
    String bKey = Files.readString(b.home.resolve("keys/cust.key"));
    String bSecret =
        Files.exists(b.home.resolve("instance-secret"))
            ? Files.readString(b.home.resolve("instance-secret"))
            : null;

    CliHarness.Result refused =
        b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt");
    assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(refused.err())
        .contains("another token key 'cust'")
        .contains("--replace")
        .contains("nothing was imported");
    // nothing changed: not the key, not the instance secret, and the other key was not written
    assertThat(Files.readString(b.home.resolve("keys/cust.key"))).isEqualTo(bKey);
    assertThat(b.home.resolve("keys/fresh.key")).doesNotExist();
    assertThat(
            Files.exists(b.home.resolve("instance-secret"))
                ? Files.readString(b.home.resolve("instance-secret"))
                : null)
        .isEqualTo(bSecret);
    assertThat(Files.readString(b.home.resolve("audit.jsonl")))
        .contains("\"event\":\"secrets_imported\",\"outcome\":\"refused\"");

    CliHarness.Result replaced =
        expect(
            0, b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt", "--replace"));
    assertThat(replaced.out()).contains("replaced token key 'cust'");
    assertThat(keyLine(b.home.resolve("keys/cust.key")))
        .isEqualTo(keyLine(a.home.resolve("keys/cust.key")));
    assertThat(keyLine(b.home.resolve("keys/fresh.key")))
        .isEqualTo(keyLine(a.home.resolve("keys/fresh.key")));
    // the replaced key is kept beside it
    try (var s = Files.list(b.home.resolve("keys"))) {
      Path kept =
          s.filter(p -> p.getFileName().toString().startsWith("cust.key.replaced-"))
              .findFirst()
              .orElseThrow();
      assertThat(Files.readString(kept)).isEqualTo(bKey);
    }
    expect(0, b.run("keys", "list"));
  }

  private static String keyLine(Path f) throws Exception {
    return Files.readString(f).lines().filter(l -> l.contains(".key=")).findFirst().orElseThrow();
  }

  private static CliHarness.Result expect(int code, CliHarness.Result r) {
    assertThat(r.code()).as(r.all()).isEqualTo(code);
    return r;
  }
}
