package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A where is one condition; what only looks like code inside quotes or comments passes. */
class WhereClauseTest {
  private static final List<ScriptSplitter> ALL =
      List.of(ScriptSplitter.STANDARD, ScriptSplitter.POSTGRES, ScriptSplitter.MYSQL);

  @Test
  void statementsSmuggledIntoAWhereAreRefusedOnEveryEngine() {
    for (ScriptSplitter s : ALL) {
      assertThat(WhereClause.problem(s, "id > 0); DELETE FROM v; COMMIT; --")).contains("';'");
      assertThat(WhereClause.problem(s, "1=1; COMMIT; DELETE FROM v")).contains("';'");
      assertThat(WhereClause.problem(s, "1=1; SET default_transaction_read_only = off"))
          .contains("';'");
      assertThat(WhereClause.problem(s, "1=1; DROP TABLE v")).contains("';'");
      assertThat(WhereClause.problem(s, "id > 0) OR (1=1")).contains("closes a parenthesis");
      assertThat(WhereClause.problem(s, "(id > 0")).contains("open");
      assertThat(WhereClause.problem(s, "id IN (SELECT id FROM t) AND commit = 1"))
          .contains("'commit'");
    }
  }

  @Test
  void quotedTextCommentsAndFunctionsPass() {
    for (ScriptSplitter s : ALL) {
      assertThat(WhereClause.problem(s, "id > 0")).isNull();
      assertThat(WhereClause.problem(s, "name = 'a;b' AND note LIKE '%); DROP%'")).isNull();
      assertThat(WhereClause.problem(s, "replace(name, ';', '') = 'x' /* ; commit */")).isNull();
      assertThat(WhereClause.problem(s, "(a = 1) OR (b IN (2, 3))")).isNull();
      assertThat(WhereClause.problem(s, "status <> 'deleted' AND updated_at > '2020-01-01'"))
          .isNull();
    }
    assertThat(WhereClause.problem(ScriptSplitter.POSTGRES, "body <> $$;$$")).isNull();
    assertThat(WhereClause.problem(ScriptSplitter.MYSQL, "name <> 'it\\'s; fine'")).isNull();
    assertThat(WhereClause.problem(ScriptSplitter.MYSQL, "insert(name, 1, 2, 'x') = 'y'")).isNull();
    assertThat(WhereClause.problem(ScriptSplitter.POSTGRES, "\"update\" = 1")).isNull();
  }
}
