package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run with {@code auto_manage_triggers} as a user who could not bring the triggers back is
 * refused before it changes anything (exit 3), naming the trigger and what is missing: on MariaDB a
 * trigger another user defined, re-created only with SUPER or SET USER; on PostgreSQL a table the
 * user does not own. The user is created for the test and dropped after it.
 */
class TriggerPrivilegeIT {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mariadb"})
  void aUserWhoCouldNotRestoreTheTriggersIsRefusedBeforeAnythingChanges(String engine)
      throws Exception {
    String user = "guise_it_t" + UUID.randomUUID().toString().substring(0, 6);
    String password = "Pw-" + UUID.randomUUID();
    try (TestEngine e = Engines.named(engine)) {
      e.open();
      TriggerFixture.create(e, 5);
      List<String> before = TriggerFixture.catalog(e);
      List<Map<String, Object>> rows = e.dump("tp");
      boolean maria = e instanceof MariaDbEngine;
      if (maria) {
        e.sql(
            "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
            "GRANT SELECT, UPDATE, TRIGGER ON " + e.t("tp") + " TO '" + user + "'@'%'");
      } else {
        e.sql(
            "CREATE ROLE " + user + " LOGIN",
            "GRANT USAGE ON SCHEMA " + e.q(e.schema) + " TO " + user,
            "GRANT SELECT, UPDATE ON " + e.t("tp") + " TO " + user);
      }
      try {
        GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
        String url = PrivilegesIT.limitedUrl(e);
        url +=
            (url.contains("?") ? "&" : "?")
                + "user="
                + user
                + (maria ? "&password=" + password : "");
        Files.writeString(
            tmp.resolve("work/connections.yml"),
            "version: '1.0'\nconnections:\n  it:\n    url: \""
                + url
                + "\"\n    schema: "
                + e.schema
                + "\n");
        GuiseCli.Result r = cli.run(TriggerFixture.ruleset(true, TriggerFixture.MASK_NAME));
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.out() + r.err())
            .containsIgnoringCase("tp - trigger tp_touch cannot be switched off")
            .contains(maria ? "needs SUPER or SET USER" : "only the table's owner")
            .contains("\"valid\" : false")
            .doesNotContain(password)
            .doesNotContain("Exception");
        GuiseCli.Result test =
            cli.command("connections", "test", "it", "--for", "ruleset.yml", "--format", "json");
        assertThat(test.exit()).as(test.toString()).isEqualTo(4);
        assertThat(test.out())
            .contains("switch trigger off")
            .contains(e.schema + ".tp.tp_touch")
            .contains("\"MISSING\"");
        assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
        assertThat(e.dump("tp")).isEqualTo(rows);
      } finally {
        if (maria) {
          e.sql("DROP USER '" + user + "'@'%'");
        } else {
          e.sql("DROP OWNED BY " + user, "DROP ROLE " + user);
        }
      }
    }
  }

  /** Another user's trigger, re-created by a user with SET USER, keeps its definer. */
  @ParameterizedTest
  @ValueSource(strings = {"mariadb"})
  void anotherDefinersTriggerComesBackWithItsDefiner(String engine) throws Exception {
    String definer = "guise_it_d" + UUID.randomUUID().toString().substring(0, 6);
    try (TestEngine e = Engines.named(engine)) {
      e.open();
      TriggerFixture.create(e, 5);
      e.sql(
          "CREATE USER '" + definer + "'@'%'",
          "GRANT SELECT, UPDATE, TRIGGER ON " + e.t("tp") + " TO '" + definer + "'@'%'");
      try {
        e.sql(
            "CREATE DEFINER = '"
                + definer
                + "'@'%' TRIGGER "
                + e.q(e.schema)
                + ".tp_other AFTER UPDATE ON "
                + e.t("tp")
                + " FOR EACH ROW SET @guise_it_other = 1");
        List<String> before = TriggerFixture.catalog(e);
        assertThat(before).anyMatch(t -> t.contains(definer + "@%"));
        GuiseCli.Result r =
            new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0)
                .run(TriggerFixture.ruleset(true, TriggerFixture.MASK_NAME));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(TriggerFixture.touched(e)).containsOnlyNulls();
        assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
      } finally {
        e.sql("DROP USER '" + definer + "'@'%'");
      }
    }
  }
}
