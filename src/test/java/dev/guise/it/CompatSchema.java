package dev.guise.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A compatibility-suite file's companion schema ({@code compat/NAME.sql}) on one engine: portable
 * DDL and inserts, one statement per {@code ;} at a line's end, with {@code {timestamp}} and {@code
 * {binary}} standing for the engine's types, {@code {hex:00ff}} for a bytes literal, {@code
 * compat_other} for the sandbox's second schema, and double-quoted identifiers turned into
 * backticks on MariaDB. Header lines {@code -- unchanged: table.column} (a masked column that may
 * keep its values, e.g. do_nothing) and {@code -- not-checked: table} (a table the ruleset's own
 * SQL writes) tell the run check what to expect.
 */
final class CompatSchema {
  /** The token in compat files that stands for the sandbox's second schema. */
  static final String OTHER_SCHEMA = "compat_other";

  final Set<String> unchanged = new TreeSet<>();
  final Set<String> notChecked = new TreeSet<>();
  private final List<String> statements = new ArrayList<>();

  CompatSchema(Path sql, TestEngine engine) throws IOException {
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(sql, StandardCharsets.UTF_8)) {
      String t = line.trim();
      if (t.startsWith("-- unchanged:")) {
        unchanged.add(t.substring("-- unchanged:".length()).trim().toLowerCase(Locale.ROOT));
      } else if (t.startsWith("-- not-checked:")) {
        notChecked.add(t.substring("-- not-checked:".length()).trim().toLowerCase(Locale.ROOT));
      }
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = current.toString().trim();
        statements.add(forEngine(s.substring(0, s.length() - 1), engine));
        current.setLength(0);
      }
    }
  }

  private static String forEngine(String statement, TestEngine engine) {
    String s =
        statement
            .replace("{timestamp}", engine.timestampType())
            .replace("{binary}", engine.name().equals("postgres") ? "bytea" : "varbinary(64)")
            .replace(OTHER_SCHEMA, engine.otherSchema);
    s = hexLiterals(s, engine.name().equals("postgres"));
    return engine.name().equals("mariadb") ? backticks(s) : s;
  }

  /** {@code {hex:00ff}}: a bytes literal, {@code X'00ff'} (PostgreSQL: {@code '\x00ff'}). */
  private static String hexLiterals(String s, boolean postgres) {
    return s.replaceAll("\\{hex:([0-9a-f]+)}", postgres ? "'\\\\x$1'" : "X'$1'");
  }

  /** Double-quoted identifiers as MariaDB's backtick ones; single-quoted strings left alone. */
  static String backticks(String sql) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = sql.indexOf('\'', i + 1);
        while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
          end = sql.indexOf('\'', end + 2);
        }
        out.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '"') {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        while (true) {
          char d = sql.charAt(j);
          if (d == '"' && j + 1 < sql.length() && sql.charAt(j + 1) == '"') {
            name.append('"');
            j += 2;
          } else if (d == '"') {
            break;
          } else {
            name.append(d);
            j++;
          }
        }
        out.append('`').append(name.toString().replace("`", "``")).append('`');
        i = j + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Creates the tables in the engine's sandbox, its default schema being the connection's. */
  void create(TestEngine engine) throws SQLException {
    if (engine.name().equals("mariadb")) {
      engine.admin().setCatalog(engine.schema);
    } else {
      engine.admin().setSchema(engine.schema);
    }
    engine.sql(statements.toArray(String[]::new));
  }

  /** Every table of the sandbox's two schemas, as {@code schema.table} (real names). */
  static List<String> tables(TestEngine engine) throws SQLException {
    List<String> out = new ArrayList<>();
    DatabaseMetaData md = engine.admin().getMetaData();
    for (String schema : List.of(engine.schema, engine.otherSchema)) {
      boolean catalogs = engine.name().equals("mariadb");
      try (ResultSet rs =
          md.getTables(
              catalogs ? schema : null, catalogs ? null : schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          out.add(schema + "." + rs.getString("TABLE_NAME"));
        }
      }
    }
    return out;
  }

  /** The ruleset files of the suite (not its libraries), by name. */
  static Stream<String> rulesets(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yml"))
          .sorted()
          .toList()
          .stream();
    }
  }
}
