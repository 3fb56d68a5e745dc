package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.it.IntegrationServers;
import dev.guise.it.IntegrationServers.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo's realistic ruleset (joins, conditionals, seed files with filters, JSON, dates, card
 * numbers) on every configured engine, and the same masked values on each of them.
 */
class DemoRulesetIT {
  private static final String SECRET = "demo-ruleset-it-secret-0123456789";
  private static final String[] TABLES = {
    "customers", "addresses", "orders", "payments", "employees"
  };
  private static final String[] ORDER = {"id", "id", "id", "order_id, attempt", "id"};

  @TempDir Path dir;

  @Test
  void demoRulesetMasksTheSameOnEveryEngine() throws Exception {
    Map<String, Map<String, String>> dumps = new LinkedHashMap<>();
    dumps.put("h2", mask("h2", "jdbc:h2:" + dir.resolve("h2db").toAbsolutePath(), null));
    String pg = IntegrationServers.url(Engine.POSTGRES).orElse(null);
    if (pg != null) {
      String schema = "guise_demo_it_" + Long.toHexString(System.nanoTime());
      try (Connection c = DriverManager.getConnection(pg);
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      try {
        dumps.put("postgres", mask("postgres", pg, schema));
      } finally {
        try (Connection c = DriverManager.getConnection(pg);
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
    String maria = IntegrationServers.url(Engine.MARIADB).orElse(null);
    if (maria != null) {
      String db = "guise_demo_it_" + Long.toHexString(System.nanoTime());
      try (Connection c = DriverManager.getConnection(maria);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
      }
      try {
        dumps.put(
            "mariadb", mask("mariadb", maria.replaceFirst("/test(\\?|$)", "/" + db + "$1"), null));
      } finally {
        try (Connection c = DriverManager.getConnection(maria);
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE " + db);
        }
      }
    }
    assertThat(dumps).hasSize(1 + (pg == null ? 0 : 1) + (maria == null ? 0 : 1));
    System.out.println("demo ruleset compared on: " + dumps.keySet());
    Map<String, String> h2 = dumps.get("h2");
    assertThat(h2.get("customers").lines().count()).isEqualTo(600);
    for (Map.Entry<String, Map<String, String>> e : dumps.entrySet()) {
      for (String table : TABLES) {
        assertThat(e.getValue().get(table)).as(e.getKey() + " " + table).isEqualTo(h2.get(table));
      }
    }
  }

  private Map<String, String> mask(String engine, String url, String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      if (schema != null) {
        c.setSchema(schema);
      }
      new DemoDatabase(600).create(c);
    }
    Path work = Files.createDirectories(dir.resolve(engine));
    Files.writeString(
        work.resolve("connections.yml"),
        "version: '1.0'\nconnections:\n  demo:\n    url: '"
            + url
            + "'\n"
            + (schema == null ? "" : "    schema: " + schema + "\n"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        GuiseCommand.commandLine(
            new CliEnvironment(
                Map.of("GUISE_HOME", work.resolve("home").toString(), "GUISE_RUN_SECRET", SECRET),
                Clock.systemUTC(),
                work,
                false,
                false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    Path ruleset = Path.of("examples/demo/ruleset.yml").toAbsolutePath();
    int code =
        cl.execute(
            "run",
            ruleset.toString(),
            "-c",
            "demo",
            "--disable-instance-secret",
            "--batch-size",
            "250");
    assertThat(code).as(engine + "\n" + out + err).isZero();

    Map<String, String> dump = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url)) {
      if (schema != null) {
        c.setSchema(schema);
      }
      for (int i = 0; i < TABLES.length; i++) {
        dump.put(TABLES[i], dump(c, TABLES[i], ORDER[i]));
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT card_number FROM payments")) {
        while (rs.next()) {
          assertThat(luhn(rs.getString(1))).as(rs.getString(1)).isTrue();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id"
                      + " JOIN customers c ON c.id = o.customer_id"
                      + " WHERE p.card_holder <> UPPER(CONCAT(c.first_name, ' ', c.last_name))")) {
        rs.next();
        assertThat(rs.getLong(1)).as("card holders are their customers' masked names").isZero();
      }
    }
    return dump;
  }

  private static String dump(Connection c, String table, String order) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          String text =
              v == null
                  ? "null"
                  : v instanceof java.sql.Timestamp t
                      ? t.toLocalDateTime().toString()
                      : v.toString();
          sb.append(i == 1 ? "" : "|").append(text.strip());
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
