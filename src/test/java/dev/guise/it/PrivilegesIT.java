package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.cli.CliEnvironment;
import dev.guise.cli.GuiseCommand;
import dev.guise.runlog.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code guise connections test NAME --for RULESET} on each engine, as a user created for the test
 * with SELECT on one table only (dropped afterwards), and as the sandbox's own user; and that user
 * with a wrong password, reported as an authentication failure. And {@code guise plan -c} seeing a
 * trigger on a masked table, with the engine's row estimate.
 */
class PrivilegesIT {
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - column: name
              masks: [{type: from_fixed, value: x}]
        - type: truncate_table
          table: trail
        - type: build_temp_table
          table: lookup_tmp
          sql_select: "SELECT 1 AS x"
      """;
  private static final String PASSWORD = "Pw-" + UUID.randomUUID();

  @TempDir Path dir;

  @Test
  void h2() throws Exception {
    check(new H2Engine());
  }

  @Test
  void postgres() throws Exception {
    check(Engines.named("postgres"));
  }

  @Test
  void mariadb() throws Exception {
    check(Engines.named("mariadb"));
  }

  private void check(TestEngine e) throws Exception {
    String user = "guise_it_u" + UUID.randomUUID().toString().substring(0, 6);
    try (e) {
      e.open();
      e.sql(
          "CREATE TABLE " + e.t("people") + " (id INT PRIMARY KEY, name VARCHAR(40))",
          "CREATE TABLE " + e.t("trail") + " (id INT PRIMARY KEY)");
      createUser(e, user);
      try {
        Files.writeString(dir.resolve("r.yml"), RULESET);
        Files.writeString(
            dir.resolve("connections.yml"),
            "version: '1.0'\nconnections:\n"
                + "  owner:\n    url: \""
                + e.url()
                + "\"\n    schema: "
                + e.schema
                + "\n  limited:\n    url: \""
                + limitedUrl(e)
                + "\"\n    schema: "
                + e.schema
                + "\n    user: "
                + user
                + "\n    password: ${env:IT_LIMITED_PASSWORD}\n"
                + "  wrong:\n    url: \""
                + limitedUrl(e)
                + "\"\n    schema: "
                + e.schema
                + "\n    user: "
                + user
                + "\n    password: ${env:IT_WRONG_PASSWORD}\n");
        if (!(e instanceof PostgresEngine)) {
          // the shared PostgreSQL trusts local connections: any password logs in there
          Run wrong = cli("connections", "test", "wrong");
          assertThat(wrong.code).as(wrong.toString()).isEqualTo(4);
          assertThat(wrong.err)
              .containsIgnoringCase("authentication failed for user " + user)
              .contains("check the password");
        }

        Run limited = cli("connections", "test", "limited", "--for", "r.yml", "--format", "json");
        assertThat(limited.code).as(limited.toString()).isEqualTo(4);
        JsonNode doc = Json.MAPPER.readTree(limited.out);
        assertThat(doc.path("missing").asBoolean()).as(limited.toString()).isTrue();
        Map<String, String> found = statuses(doc);
        assertThat(found)
            .as(limited.toString())
            .containsEntry("SELECT people", "GRANTED")
            .containsEntry("UPDATE people", "MISSING")
            .containsEntry("TRUNCATE trail", "MISSING")
            .containsEntry("CREATE TABLE", "MISSING");
        if (e instanceof PostgresEngine) {
          assertThat(found)
              .containsEntry("advisory locks", "GRANTED")
              .containsEntry("TEMPORARY", "GRANTED");
        }
        if (e instanceof MariaDbEngine) {
          assertThat(found)
              .containsEntry("GET_LOCK", "GRANTED")
              .containsEntry("CREATE TEMPORARY TABLES", "LIMITED")
              .containsKey("local_infile");
        }
        Run text = cli("connections", "test", "limited", "--for", "r.yml");
        assertThat(text.code).isEqualTo(4);
        assertThat(text.out)
            .containsPattern(
                "(?i)MISSING +UPDATE +\\S*people - " + user + " lacks it; GRANT UPDATE")
            .contains("3 missing");

        Run owner = cli("connections", "test", "owner", "--for", "r.yml", "--format", "json");
        assertThat(owner.code).as(owner.toString()).isZero();
        JsonNode ok = Json.MAPPER.readTree(owner.out);
        assertThat(ok.path("missing").asBoolean()).isFalse();
        assertThat(statuses(ok))
            .containsEntry("UPDATE people", "GRANTED")
            .containsEntry("TRUNCATE trail", "GRANTED")
            .containsEntry("CREATE TABLE", "GRANTED");

        createTrigger(e);
        Run plan = cli("plan", "r.yml", "-c", "owner", "--format", "json");
        assertThat(plan.code).as(plan.toString()).isZero();
        JsonNode people = Json.MAPPER.readTree(plan.out).path("tasks").get(0);
        assertThat(people.path("triggers").toString()).containsIgnoringCase("people_touch");
        assertThat(people.has("estimated_rows")).isTrue();
        assertThat(cli("plan", "r.yml", "-c", "owner").err)
            .containsIgnoringCase("people - has a trigger (people_touch)");
      } finally {
        dropUser(e, user);
      }
    }
  }

  /** "PRIVILEGE table" (table name only) or "PRIVILEGE" for the rest, to its status. */
  private static Map<String, String> statuses(JsonNode doc) {
    Map<String, String> m = new LinkedHashMap<>();
    for (JsonNode p : doc.path("privileges")) {
      String on = p.path("on").asText();
      String table = on.substring(on.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
      boolean isTable = table.equals("people") || table.equals("trail");
      m.put(p.path("privilege").asText() + (isTable ? " " + table : ""), p.path("status").asText());
    }
    return m;
  }

  private static void createUser(TestEngine e, String user) throws SQLException {
    if (e instanceof PostgresEngine) {
      e.sql(
          "CREATE ROLE " + user + " LOGIN PASSWORD '" + PASSWORD + "'",
          "GRANT USAGE ON SCHEMA " + e.q(e.schema) + " TO " + user,
          "GRANT SELECT ON " + e.t("people") + " TO " + user);
    } else if (e instanceof MariaDbEngine) {
      e.sql(
          "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
          "GRANT SELECT ON " + e.t("people") + " TO '" + user + "'@'%'");
    } else {
      e.sql(
          "CREATE USER " + user + " PASSWORD '" + PASSWORD + "'",
          "GRANT SELECT ON " + e.t("people") + " TO " + user);
    }
  }

  /** A trigger on people that changes nothing; the sandbox's drop removes it. */
  private static void createTrigger(TestEngine e) throws SQLException {
    if (e instanceof PostgresEngine) {
      e.sql(
          "CREATE FUNCTION "
              + e.t("touch")
              + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
          "CREATE TRIGGER people_touch BEFORE UPDATE ON "
              + e.t("people")
              + " FOR EACH ROW EXECUTE FUNCTION "
              + e.t("touch")
              + "()");
    } else if (e instanceof MariaDbEngine) {
      e.sql(
          "CREATE TRIGGER "
              + e.q(e.schema)
              + ".people_touch BEFORE UPDATE ON "
              + e.t("people")
              + " FOR EACH ROW SET NEW.name = NEW.name");
    } else {
      e.sql(
          "CREATE TRIGGER "
              + e.q(e.schema)
              + ".PEOPLE_TOUCH BEFORE UPDATE ON "
              + e.t("people")
              + " FOR EACH ROW CALL '"
              + dev.guise.cli.NoopTrigger.class.getName()
              + "'");
    }
  }

  private static void dropUser(TestEngine e, String user) throws SQLException {
    if (e instanceof PostgresEngine) {
      e.sql("DROP OWNED BY " + user, "DROP ROLE " + user);
    } else if (e instanceof MariaDbEngine) {
      e.sql("DROP USER '" + user + "'@'%'");
    } else {
      e.sql("DROP USER " + user);
    }
  }

  /**
   * The sandbox URL without its own user and password, so the connection's user applies; on MariaDB
   * naming the sandbox database, as the new user may not enter the URL's own.
   */
  static String limitedUrl(TestEngine e) {
    String url =
        e instanceof MariaDbEngine
            ? e.url().replaceFirst("(//[^/]+/)[^?;]*", "$1" + e.schema)
            : e.url();
    // H2 lets only an admin set DB_CLOSE_DELAY; the sandbox's own connection keeps the database
    return url.replace(";DB_CLOSE_DELAY=-1", "")
        .replaceAll("([?&])(user|password)=[^&]*&?", "$1")
        .replaceAll("[?&]$", "");
  }

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        GuiseCommand.commandLine(
            new CliEnvironment(
                Map.of(
                    "GUISE_HOME",
                    dir.resolve("home").toString(),
                    "IT_LIMITED_PASSWORD",
                    PASSWORD,
                    "IT_WRONG_PASSWORD",
                    "not-" + PASSWORD),
                Clock.systemUTC(),
                dir,
                false,
                false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }
}
