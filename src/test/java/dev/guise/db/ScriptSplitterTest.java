package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** run_sql scripts split by each engine's quoting rules. */
class ScriptSplitterTest {
  private static List<String> split(String dbType, String sql) {
    return Dialects.forDbType(dbType).orElseThrow().splitScript(sql);
  }

  @Test
  void everyEngineSplitsAtCodeSemicolonsAndDropsCommentOnlyStatements() {
    for (String engine : List.of("h2", "postgres", "mysql", "mariadb")) {
      assertThat(
              split(
                  engine,
                  "UPDATE t SET a = 'x;y' WHERE \"b;\" = 1;\n"
                      + "-- a comment; not a statement\n"
                      + "/* nor; this */ DELETE FROM t;;\n"
                      + "  ;-- trailing; comment\n"))
          .as(engine)
          .containsExactly(
              "UPDATE t SET a = 'x;y' WHERE \"b;\" = 1",
              "-- a comment; not a statement\n/* nor; this */ DELETE FROM t");
      assertThat(split(engine, "SELECT 'it''s; here'; SELECT 2"))
          .as(engine)
          .containsExactly("SELECT 'it''s; here'", "SELECT 2");
      assertThat(split(engine, "SELECT 'unclosed; "))
          .as(engine)
          .containsExactly("SELECT 'unclosed;");
    }
  }

  @Test
  void standardStringsTakeNoBackslashEscapesInH2AndPostgres() {
    for (String engine : List.of("h2", "postgres")) {
      assertThat(split(engine, "INSERT INTO p VALUES ('C:\\'); SELECT 1"))
          .as(engine)
          .containsExactly("INSERT INTO p VALUES ('C:\\')", "SELECT 1");
    }
  }

  @Test
  void postgresEscapeStringsDollarQuotesAndNestedComments() {
    assertThat(split("postgres", "SELECT E'it\\'s; here', e'\\\\'; SELECT 2"))
        .containsExactly("SELECT E'it\\'s; here', e'\\\\'", "SELECT 2");
    // a word ending in e before a quote is no E'' prefix: the backslash is plain text
    assertThat(split("postgres", "SELECT type'\\'; SELECT 2"))
        .containsExactly("SELECT type'\\'", "SELECT 2");
    String body =
        "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $$ not the end; $fn$"
            + " LANGUAGE plpgsql";
    assertThat(split("postgres", body + "; SELECT $$a;b$$"))
        .containsExactly(body, "SELECT $$a;b$$");
    // $ inside an identifier, and $1, start no dollar quote
    assertThat(split("postgres", "SELECT a$b$c FROM t; PREPARE p AS SELECT $1; SELECT 3$"))
        .containsExactly("SELECT a$b$c FROM t", "PREPARE p AS SELECT $1", "SELECT 3$");
    assertThat(split("postgres", "/* outer /* inner; */ still; */ SELECT 1; SELECT 2"))
        .containsExactly("/* outer /* inner; */ still; */ SELECT 1", "SELECT 2");
  }

  @Test
  void h2KeepsDollarQuotedBodiesWhole() {
    assertThat(split("h2", "CREATE ALIAS f AS $$ String f() { return \";\"; } $$; SELECT f()"))
        .containsExactly("CREATE ALIAS f AS $$ String f() { return \";\"; } $$", "SELECT f()");
  }

  @Test
  void mysqlBackslashEscapesBackticksAndComments() {
    for (String engine : List.of("mysql", "mariadb")) {
      assertThat(split(engine, "SELECT 'it\\'s; here', \"a\\\"; b\"; SELECT 2"))
          .as(engine)
          .containsExactly("SELECT 'it\\'s; here', \"a\\\"; b\"", "SELECT 2");
      // a backslash is plain text in a backtick identifier
      assertThat(split(engine, "SELECT 1 AS `a\\`; SELECT 2"))
          .as(engine)
          .containsExactly("SELECT 1 AS `a\\`", "SELECT 2");
      assertThat(split(engine, "# hash comment; here\nSELECT 1; SELECT 2"))
          .as(engine)
          .containsExactly("# hash comment; here\nSELECT 1", "SELECT 2");
      // -- starts a comment only before white space: 1--1 is arithmetic
      assertThat(split(engine, "SELECT 1--1; SELECT 2 --\tcomment; x"))
          .as(engine)
          .containsExactly("SELECT 1--1", "SELECT 2 --\tcomment; x");
      // $ is an identifier character, not a dollar quote
      assertThat(split(engine, "CREATE TABLE $t$ (id int); SELECT 2"))
          .as(engine)
          .containsExactly("CREATE TABLE $t$ (id int)", "SELECT 2");
    }
  }
}
