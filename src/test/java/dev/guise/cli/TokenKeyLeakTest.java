package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.secret.TokenKey;
import dev.guise.secret.TokenKeySubkeys;
import dev.guise.secret.TokenKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token key, and every key derived from it, appears in no output, run folder file, log, audit
 * entry or database file, at every verbosity, in hex, base64 and base32 (either case, with or
 * without padding) and as raw bytes. Only the key file itself holds it.
 */
class TokenKeyLeakTest {
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - {column: id, masks: [{type: tokenize, key_name: leak}]}
            - {column: name, masks: [{type: tokenize, key_name: leak}]}
            - {column: email, masks: [{type: tokenize, key_name: leak, format: prefixed}]}
      """;

  @TempDir Path tmp;

  @Test
  void theKeyAppearsNowhereButInItsFile() throws Exception {
    CliHarness h = new CliHarness(tmp);
    h.sql(
        "CREATE TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(40), email VARCHAR(200))",
        "CREATE TABLE orders (oid INT PRIMARY KEY, person BIGINT REFERENCES people(id))",
        "INSERT INTO people VALUES (1, 'Alice', 'alice@example.com'), (2, 'Bob', 'b@x.org'),"
            + " (3, NULL, NULL)",
        "INSERT INTO orders VALUES (10, 1), (11, 2)");
    h.write("ruleset.yml", RULESET);
    List<CliHarness.Result> outputs = new ArrayList<>();
    outputs.add(expect(0, h.run("keys", "create", "leak", "-v")));
    outputs.add(expect(0, h.run("keys", "list", "-v")));
    outputs.add(expect(0, h.run("keys", "list", "--format", "json")));
    outputs.add(expect(0, h.run("run", "ruleset.yml", "-c", "db", "--dry-run", "-v")));
    outputs.add(expect(0, h.run("run", "ruleset.yml", "-c", "db", "-q")));
    String tokens = h.dump("people", "id");
    outputs.add(expect(0, h.run("reidentify", "ruleset.yml", "-c", "db", "-v")));
    outputs.add(expect(0, h.run("run", "ruleset.yml", "-c", "db", "--remask")));
    outputs.add(expect(0, h.run("reidentify", "ruleset.yml", "-c", "db", "-q")));
    outputs.add(
        expect(0, h.run("run", "ruleset.yml", "-c", "db", "--remask", "-v", "--format", "json")));
    outputs.add(expect(0, h.run("reidentify", "ruleset.yml", "-c", "db", "--format", "json")));
    outputs.add(expect(0, h.run("run", "ruleset.yml", "-c", "db", "--remask", "-v")));
    // the first row with an email (the tokenized ids sort the NULL row anywhere)
    h.write(
        "tokens.txt",
        tokens
            .lines()
            .map(l -> l.split("\\|")[2])
            .filter(t -> t.startsWith("tok_"))
            .findFirst()
            .orElseThrow());
    for (String v : List.of("-q", "-v", "--format=json")) {
      outputs.add(
          expect(
              0,
              h.run(
                  "reidentify",
                  "--values",
                  "tokens.txt",
                  "--key",
                  "leak",
                  "--token-format",
                  "prefixed",
                  "-c",
                  "db",
                  v)));
    }
    // failures with -v print stack traces: a wrong key, then a wrong key type
    outputs.add(expect(0, h.run("keys", "create", "leak", "--keys", "other.keys")));
    CliHarness.Result wrong =
        expect(3, h.run("reidentify", "ruleset.yml", "-c", "db", "--keys", "other.keys", "-v"));
    assertThat(wrong.err()).contains("tokenized with another key of that name");
    outputs.add(wrong);
    outputs.add(
        expect(
            3,
            h.run(
                "reidentify",
                "--values",
                "tokens.txt",
                "--key",
                "leak",
                "--keys",
                "other.keys",
                "--token-format",
                "prefixed",
                "-v")));

    TokenKey key = new TokenKeys(h.home, null, n -> null).get("leak");
    TokenKey other = new TokenKeys(h.home, tmp.resolve("other.keys"), n -> null).get("leak");
    Map<String, byte[]> needles = new LinkedHashMap<>();
    List<byte[]> secrets = new ArrayList<>(TokenKeySubkeys.of(key));
    secrets.addAll(TokenKeySubkeys.of(other));
    assertThat(secrets).hasSize(6);
    for (byte[] s : secrets) {
      for (String text : encodings(s)) {
        needles.put(text, text.getBytes(StandardCharsets.UTF_8));
      }
      needles.put("raw " + HexFormat.of().formatHex(s, 0, 4), s);
    }
    // the check: the key file really holds the key in one of these forms (the test can fail)
    String keyFile = Files.readString(h.home.resolve("keys/leak.key"));
    assertThat(encodings(secrets.get(0)).stream().anyMatch(keyFile::contains)).isTrue();

    StringBuilder printed = new StringBuilder();
    outputs.forEach(r -> printed.append(r.out()).append(r.err()));
    assertThat(printed.toString())
        .contains("tokenized with another key")
        .doesNotContainIgnoringCase("Exception: null");
    byte[] all = printed.toString().getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> n : needles.entrySet()) {
      assertThat(indexOf(all, n.getValue())).as("output holds " + n.getKey()).isEqualTo(-1);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tmp)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.equals(h.home.resolve("keys/leak.key")))
              .filter(p -> !p.equals(tmp.resolve("other.keys")))
              .toList();
    }
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .contains("run.json", "log.jsonl", "audit.jsonl", "db.mv.db");
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      for (Map.Entry<String, byte[]> n : needles.entrySet()) {
        assertThat(indexOf(bytes, n.getValue())).as(f + " holds " + n.getKey()).isEqualTo(-1);
      }
    }
    // what records keep instead: the name and the fingerprint (the last run: the wrong key's)
    assertThat(h.lastRecord())
        .contains("\"fingerprint\" : \"" + other.fingerprint() + "\"")
        .contains("\"mask_type\" : \"reidentification\"");
  }

  private static CliHarness.Result expect(int code, CliHarness.Result r) {
    assertThat(r.code()).as(r.all()).isEqualTo(code);
    return r;
  }

  /** Hex, base64 (standard and URL, padded or not) and base32 (padded or not), both cases. */
  static List<String> encodings(byte[] b) {
    List<String> out = new ArrayList<>();
    String hex = HexFormat.of().formatHex(b);
    out.add(hex);
    out.add(hex.toUpperCase(Locale.ROOT));
    out.add(Base64.getEncoder().encodeToString(b));
    out.add(Base64.getEncoder().withoutPadding().encodeToString(b));
    out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    String b32 = base32(b);
    out.add(b32);
    out.add(b32.toLowerCase(Locale.ROOT));
    out.add(b32.replace("=", ""));
    out.add(b32.replace("=", "").toLowerCase(Locale.ROOT));
    return out;
  }

  private static String base32(byte[] b) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte x : b) {
      buffer = (buffer << 8) | (x & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(alphabet.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    while (sb.length() % 8 != 0) {
      sb.append('=');
    }
    return sb.toString();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
