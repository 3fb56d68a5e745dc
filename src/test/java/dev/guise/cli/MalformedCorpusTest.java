package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of broken rulesets and connections files, mutations of the shipped examples
 * (seeded, so a failure names a case that can be rerun): none may give exit 1, a stack trace or a
 * hang; every refused one exits 3 (or 2 for usage) and names the file it is about.
 */
class MalformedCorpusTest {
  private static final long SEED = 20261202L;
  private static final int MUTANTS_PER_SOURCE = 70;
  private static final String[] JUNK = {
    "[",
    "]",
    "{",
    "}",
    ":",
    ": :",
    "- -",
    "&a",
    "*nope",
    "!!binary",
    "!!python/object:x",
    "\t",
    "'",
    "\"",
    "|",
    ">",
    "%YAML 1.1",
    "---",
    "...",
    "<<: *x",
    "? ",
    "@",
    "`",
    "\u0000",
    "\u0007",
    "\uFEFF",
    "\uD800",
    "99999999999999999999999",
    "-1",
    ".nan",
    "~",
    "null",
    "[]",
    "{}",
    "type: nope",
    "type: mask_table",
    "masks: 3",
    "rules: x",
    "table: \"\"",
    "key: []",
    "column: 7",
    "version: 2",
    "tasks: {}",
    "from_file",
    "seed_file: ../../etc/passwd",
    "url: jdbc:nope:x",
    "port: http",
    "password: ${env:UNSET_VAR_X}",
    "password: ${file:/nope}",
    "properties: [1]",
    "db_type: oracle"
  };

  @TempDir Path dir;

  /** One mutant: its name (source, number) and its bytes. */
  private record Mutant(String name, byte[] bytes) {}

  private static List<Mutant> mutate(String source, String text, Random rnd) {
    List<Mutant> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < MUTANTS_PER_SOURCE; n++) {
      List<String> ls = new ArrayList<>(List.of(lines));
      int ops = 1 + rnd.nextInt(3);
      for (int k = 0; k < ops && !ls.isEmpty(); k++) {
        int i = rnd.nextInt(ls.size());
        String junk = JUNK[rnd.nextInt(JUNK.length)];
        switch (rnd.nextInt(8)) {
          case 0 -> ls.remove(i);
          case 1 -> ls.add(i, ls.get(i));
          case 2 -> ls.set(i, "  " + ls.get(i));
          case 3 -> ls.set(i, ls.get(i).replaceFirst("^  ", ""));
          case 4 -> ls.set(i, ls.get(i) + " " + junk);
          case 5 ->
              ls.set(i, ls.get(i).replaceFirst(":\\s.*$", Matcher.quoteReplacement(": " + junk)));
          case 6 -> ls.add(i, ls.get(i).replaceAll("\\S.*$", "") + junk);
          default -> ls = new ArrayList<>(ls.subList(0, i)); // truncated file
        }
      }
      byte[] bytes = String.join("\n", ls).getBytes(StandardCharsets.UTF_8);
      if (rnd.nextInt(10) == 0 && bytes.length > 0) {
        bytes[rnd.nextInt(bytes.length)] = (byte) rnd.nextInt(256); // a corrupt byte
      }
      out.add(new Mutant(source + "#" + n, bytes));
    }
    return out;
  }

  @Test
  void noMalformedInputGivesExit1AStackTraceOrAHang() throws Exception {
    CliHarness h = new CliHarness(dir);
    Path files = Path.of("rulesets/files");
    if (Files.isDirectory(files)) {
      Files.createDirectories(dir.resolve("files"));
      try (Stream<Path> s = Files.list(files)) {
        for (Path f : (Iterable<Path>) s::iterator) {
          Files.copy(f, dir.resolve("files").resolve(f.getFileName()));
        }
      }
    }
    Random rnd = new Random(SEED);
    List<Mutant> rulesets = new ArrayList<>();
    List<String> sources =
        List.of(
            "examples/demo/ruleset.yml",
            "rulesets/customers.yml",
            "rulesets/hr.yml",
            "rulesets/payments.yml");
    for (String s : sources) {
      rulesets.addAll(mutate(s, Files.readString(Path.of(s)), rnd));
    }
    String conns =
        "version: '1.0'\nconnections:\n  db:\n    url: "
            + h.url
            + "\n    schema: PUBLIC\n    statement_timeout: 30\n  pg:\n    db_type: postgres\n"
            + "    host: 127.0.0.1\n    port: 1\n    database: x\n    user: u\n"
            + "    password: ${env:GUISE_TEST_UNSET}\n";
    List<Mutant> connections = mutate("connections.yml", conns, rnd);
    // compat-style sources (anchors and merge keys, nested conditions, a library), from a random
    // of their own so the cases above stay the same
    Random compatRnd = new Random(SEED + 1);
    for (String s :
        List.of(
            "src/test/resources/compat/definitions_and_anchors.yml",
            "src/test/resources/compat/conditional_masking.yml",
            "src/test/resources/compat/libraries/compat/people.yml")) {
      rulesets.addAll(mutate(s, Files.readString(Path.of(s)), compatRnd));
    }
    h.sql("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40))");
    h.write("ok.yml", "version: '1.0'\ntasks:\n  - type: truncate_table\n    table: people\n");

    Map<Integer, Integer> codes = new TreeMap<>();
    int refused = 0;
    for (Mutant m : rulesets) {
      Files.write(dir.resolve("m.yml"), m.bytes());
      refused += check(h, m, codes, "validate", "m.yml");
    }
    for (Mutant m : connections) {
      Files.write(dir.resolve("c.yml"), m.bytes());
      refused += check(h, m, codes, "validate", "ok.yml", "-c", "db", "--connections", "c.yml");
    }
    System.out.println(
        "malformed corpus: "
            + (rulesets.size() + connections.size())
            + " cases, "
            + refused
            + " refused, exit codes "
            + codes);
    assertThat(codes).doesNotContainKey(ExitCodes.INTERNAL);
    assertThat(refused).isGreaterThanOrEqualTo(300);
  }

  private static int check(CliHarness h, Mutant m, Map<Integer, Integer> codes, String... args) {
    CliHarness.Result r =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> h.run(args), m.name());
    codes.merge(r.code(), 1, Integer::sum);
    String what = m.name() + ":\n" + new String(m.bytes(), StandardCharsets.UTF_8) + "\n=> ";
    assertThat(r.all()).as(what + r.all()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.code()).as(what + r.all()).isIn(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.INVALID);
    if (r.code() == ExitCodes.OK) {
      return 0;
    }
    String file = args[args.length - 1].equals("c.yml") ? "c.yml" : "m.yml";
    for (String line : r.err().split("\n")) {
      if (line.startsWith("error: ")) {
        assertThat(line).as(what + r.all()).contains(file);
        if (!line.matches("error: \\S*" + file + ":\\d+:\\d+ - .*")) {
          // only a problem of the whole file may come without a line and column
          assertThat(line).as(what + r.all()).contains("the file is empty");
        }
      }
    }
    return 1;
  }
}
