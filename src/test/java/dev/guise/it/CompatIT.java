package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility suite run for real on H2, PostgreSQL and MariaDB: for each ruleset of {@code
 * compat/}, its schema is built in a fresh sandbox, {@code guise plan --format json} says which
 * columns the ruleset masks and which tables it truncates, {@code guise run} masks them, and a
 * snapshot before and after shows every masked column changed in some row (unless its schema says
 * it may not), every other column of every table unchanged, and truncated tables empty.
 */
class CompatIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static Stream<Arguments> cases() throws IOException {
    List<String> files = CompatSchema.rulesets(root()).toList();
    return Engines.names().flatMap(e -> files.stream().map(f -> Arguments.of(e, f)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void runsAndMasksWhatItSays(String engineName, String file) throws Exception {
    try (TestEngine engine = Engines.named(engineName)) {
      engine.open();
      Path suite = copySuite(engine);
      CompatSchema schema = new CompatSchema(suite.resolve(file.replace(".yml", ".sql")), engine);
      schema.create(engine);
      Map<String, List<Map<String, Object>>> before = snapshot(engine);
      assertThat(before).as("tables of %s", file).isNotEmpty();

      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), engine, 0);
      String ruleset = suite.resolve(file).toString();
      String libs = suite.resolve("libraries").toString();
      GuiseCli.Result plan =
          cli.command("plan", ruleset, "-c", "it", "--format", "json", "--libraries", libs);
      assertThat(plan.exit()).as("plan %s\n%s", file, plan).isZero();
      Map<String, Set<String>> masked = new HashMap<>();
      Set<String> truncated = new HashSet<>();
      collect(JSON.readTree(plan.out()).get("tasks"), masked, truncated);

      GuiseCli.Result run =
          cli.command(
              "run", ruleset, "-c", "it", "--format", "json", "--remask", "--libraries", libs);
      assertThat(run.exit()).as("run %s\n%s", file, run).isZero();
      assertThat(run.record().get("status").asText()).startsWith("finished");

      Map<String, List<Map<String, Object>>> after = snapshot(engine);
      for (var e : before.entrySet()) {
        String table = e.getKey();
        if (schema.notChecked.contains(bareName(table))) {
          continue;
        }
        List<Map<String, Object>> was = e.getValue();
        List<Map<String, Object>> now = after.get(table);
        if (truncated.contains(table)) {
          assertThat(now).as("%s: %s truncated", file, table).isEmpty();
          continue;
        }
        assertThat(now).as("%s: rows of %s", file, table).hasSameSizeAs(was);
        Set<String> maskedHere = masked.getOrDefault(table, Set.of());
        for (String column : was.get(0).keySet()) {
          List<Object> a = column(was, column);
          List<Object> b = column(now, column);
          String where = file + ": " + table + "." + column;
          if (!maskedHere.contains(column)) {
            assertThat(b).as("%s is not masked, so it is unchanged", where).isEqualTo(a);
          } else if (!schema.unchanged.contains(bareName(table) + "." + column)) {
            assertThat(changedRows(a, b)).as("%s is masked: rows changed", where).isPositive();
          }
        }
      }
    }
  }

  private static long changedRows(List<Object> a, List<Object> b) {
    long n = 0;
    for (int i = 0; i < a.size(); i++) {
      n += Objects.equals(a.get(i), b.get(i)) ? 0 : 1;
    }
    return n;
  }

  private static List<Object> column(List<Map<String, Object>> rows, String column) {
    List<Object> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get(column)));
    return out;
  }

  /** The table's name without its schema, lower case (as the schema file's header names it). */
  private static String bareName(String table) {
    return table.substring(table.indexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  /** Masked columns (lower case) by table, and truncated tables, from the plan's steps. */
  private static void collect(JsonNode tasks, Map<String, Set<String>> masked, Set<String> cut) {
    for (JsonNode t : tasks) {
      String type = t.get("type").asText();
      if ((type.equals("mask_table") || type.equals("mask_unique_key")) && t.has("columns")) {
        Set<String> cols = masked.computeIfAbsent(t.get("table").asText(), k -> new HashSet<>());
        t.get("columns").forEach(c -> cols.add(c.get("column").asText().toLowerCase(Locale.ROOT)));
        // a key's rewrite changes every column that follows it too
        for (JsonNode c : t.path("cascade")) {
          masked
              .computeIfAbsent(c.get("table").asText(), k -> new HashSet<>())
              .add(c.get("column").asText().toLowerCase(Locale.ROOT));
        }
      } else if (type.equals("truncate_table")) {
        cut.add(t.get("table").asText());
      }
      if (t.has("tasks")) {
        collect(t.get("tasks"), masked, cut);
      }
    }
  }

  private static Map<String, List<Map<String, Object>>> snapshot(TestEngine engine)
      throws Exception {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    for (String table : CompatSchema.tables(engine)) {
      int dot = table.indexOf('.');
      out.put(
          table,
          engine.dump(
              engine.q(table.substring(0, dot)) + "." + engine.q(table.substring(dot + 1))));
    }
    return out;
  }

  /**
   * The suite copied for this sandbox, the second schema's real name put in for its token. The
   * ruleset's own SQL (run_sql, sql_select) names its tables unqualified: it runs in the
   * connection's schema.
   */
  private Path copySuite(TestEngine engine) throws IOException {
    Path from = root();
    Path to = tmp.resolve("compat");
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (p.toString().endsWith(".yml") || p.toString().endsWith(".sql")) {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          Files.writeString(
              target,
              text.replace(CompatSchema.OTHER_SCHEMA, engine.otherSchema),
              StandardCharsets.UTF_8);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  static Path root() {
    try {
      return Path.of(CompatIT.class.getResource("/compat").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
