package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guise secrets export/import} between two installations (two GUISE_HOMEs): the same ruleset
 * and run secret then give byte-identical masked tables; a wrong passphrase, a changed file and a
 * different secret a finished run used are each refused with nothing changed.
 */
class SecretsCommandTest {
  private static final String PASS = "correct horse battery staple\n";

  @TempDir Path tmp;

  @Test
  void anExportImportedElsewhereMasksByteIdentically() throws Exception {
    CliHarness a = CliHarness.withSampleData(tmp.resolve("a"));
    CliHarness b = CliHarness.withSampleData(tmp.resolve("b"));
    CliHarness c = CliHarness.withSampleData(tmp.resolve("c"));
    a.write("pass.txt", PASS);
    assertThat(a.run("run", "ruleset.yml", "-c", "db").code()).isZero();

    CliHarness.Result out =
        a.run("secrets", "export", "--out", "s.enc", "--passphrase-file", "pass.txt");
    assertThat(out.code()).as(out.all()).isZero();
    Path file = a.dir.resolve("s.enc");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String secretHex = Files.readString(a.home.resolve("instance-secret")).strip();
    assertThat(Files.readString(file)).doesNotContain(secretHex);
    assertThat(out.all()).doesNotContain(secretHex).contains("fingerprint");

    // c keeps its own instance secret: the same run secret masks otherwise (the test can fail)
    assertThat(c.run("run", "ruleset.yml", "-c", "db").code()).isZero();
    assertThat(c.dump("people", "id")).isNotEqualTo(a.dump("people", "id"));

    Files.copy(file, b.dir.resolve("s.enc"));
    b.write("pass.txt", PASS);
    CliHarness.Result in = b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt");
    assertThat(in.code()).as(in.all()).isZero();
    assertThat(in.out()).contains("imported instance_secret");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(b.home.resolve("instance-secret"))))
        .isEqualTo("rw-------");
    assertThat(b.run("run", "ruleset.yml", "-c", "db").code()).isZero();
    assertThat(b.dump("people", "id")).isEqualTo(a.dump("people", "id"));
    assertThat(b.dump("contacts", "owner, seq")).isEqualTo(a.dump("contacts", "owner, seq"));

    String auditA = Files.readString(a.home.resolve("audit.jsonl"));
    String auditB = Files.readString(b.home.resolve("audit.jsonl"));
    assertThat(auditA).contains("\"event\":\"secrets_exported\"").doesNotContain(secretHex);
    assertThat(auditB).contains("\"event\":\"secrets_imported\"").doesNotContain(secretHex);
  }

  @Test
  void wrongPassphraseChangedFileAndUsedSecretAreRefusedChangingNothing() throws Exception {
    CliHarness a = CliHarness.withSampleData(tmp.resolve("a"));
    CliHarness b = CliHarness.withSampleData(tmp.resolve("b"));
    a.write("pass.txt", PASS);
    assertThat(a.run("secrets", "export", "--out", "s.enc", "--passphrase-file", "pass.txt").code())
        .isZero();
    byte[] export = Files.readAllBytes(a.dir.resolve("s.enc"));
    // b has a secret of its own that a finished run used
    assertThat(b.run("run", "ruleset.yml", "-c", "db").code()).isZero();
    String bSecret = Files.readString(b.home.resolve("instance-secret"));
    b.write("pass.txt", PASS);
    b.write("wrong.txt", "not the passphrase at all\n");
    Files.write(b.dir.resolve("s.enc"), export);

    CliHarness.Result wrong = b.run("secrets", "import", "s.enc", "--passphrase-file", "wrong.txt");
    assertThat(wrong.code()).as(wrong.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(wrong.err()).contains("s.enc - cannot be decrypted: the passphrase is wrong");

    // one character of the ciphertext changed, then one of the (authenticated) header
    String text = new String(export, StandardCharsets.UTF_8);
    int body = text.indexOf('\n') + 5;
    char flipped = text.charAt(body) == 'A' ? 'B' : 'A';
    b.write("body.enc", text.substring(0, body) + flipped + text.substring(body + 1));
    b.write("header.enc", text.replaceFirst("\"version\":1,", "\"version\":1,\"x\":0,"));
    for (String f : new String[] {"body.enc", "header.enc"}) {
      CliHarness.Result t = b.run("secrets", "import", f, "--passphrase-file", "pass.txt");
      assertThat(t.code()).as(t.all()).isEqualTo(ExitCodes.INVALID);
      assertThat(t.err()).contains(f + " - cannot be decrypted");
    }

    CliHarness.Result used = b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt");
    assertThat(used.code()).as(used.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(used.err())
        .contains("this installation has another instance secret")
        .contains("finished run ")
        .contains("--replace");
    assertThat(Files.readString(b.home.resolve("instance-secret"))).isEqualTo(bSecret);
    assertThat(Files.readString(b.home.resolve("audit.jsonl")))
        .contains("\"event\":\"secrets_imported\",\"outcome\":\"refused\"");

    CliHarness.Result replaced =
        b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt", "--replace");
    assertThat(replaced.code()).as(replaced.all()).isZero();
    assertThat(Files.readString(b.home.resolve("instance-secret")))
        .isEqualTo(Files.readString(a.home.resolve("instance-secret")));

    // an export never overwrites a file
    CliHarness.Result again =
        a.run("secrets", "export", "--out", "s.enc", "--passphrase-file", "pass.txt");
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readAllBytes(a.dir.resolve("s.enc"))).isEqualTo(export);
  }

  @Test
  void aSecretNoFinishedRunUsedIsReplacedWithoutReplace() throws Exception {
    CliHarness a = CliHarness.withSampleData(tmp.resolve("a"));
    CliHarness b = CliHarness.withSampleData(tmp.resolve("b"));
    a.write("pass.txt", PASS);
    b.write("pass.txt", PASS);
    assertThat(a.run("secrets", "export", "--out", "s.enc", "--passphrase-file", "pass.txt").code())
        .isZero();
    Files.copy(a.dir.resolve("s.enc"), b.dir.resolve("s.enc"));
    // a dry run uses b's own secret without writing anything masked with it
    assertThat(b.run("run", "ruleset.yml", "-c", "db", "--dry-run").code()).isZero();
    assertThat(b.home.resolve("instance-secret")).exists();
    CliHarness.Result in = b.run("secrets", "import", "s.enc", "--passphrase-file", "pass.txt");
    assertThat(in.code()).as(in.all()).isZero();
    assertThat(in.out()).contains("no finished run used it");
    assertThat(Files.readString(b.home.resolve("instance-secret")))
        .isEqualTo(Files.readString(a.home.resolve("instance-secret")));
  }

  @Test
  void aShortPassphraseOrNoTerminalIsAUsageError() throws Exception {
    CliHarness a = new CliHarness(tmp.resolve("a"));
    a.write("short.txt", "short\n");
    CliHarness.Result r =
        a.run("secrets", "export", "--out", "s.enc", "--passphrase-file", "short.txt");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("at least 12 characters");
    CliHarness.Result none = a.run("secrets", "export", "--out", "s.enc");
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).contains("--passphrase-file FILE");
    assertThat(a.dir.resolve("s.enc")).doesNotExist();
  }
}
