package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run_sql with {@code always: true} runs after a failed task; the others after it do not. */
class AlwaysTasksTest {
  @TempDir Path dir;

  @Test
  void alwaysTasksRunAfterAFailureAndPlanShowsThem() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), CHECK (name <> 'x'))",
        "INSERT INTO people VALUES (1, 'Ann'), (2, 'Bob')",
        "CREATE TABLE marks (what VARCHAR(40))");
    h.write(
        "r.yml",
        """
        version: '1.0'
        tasks:
          - type: run_sql
            sql: INSERT INTO marks VALUES ('triggers off')
          - type: mask_table
            table: people
            key: id
            rules:
              - column: name
                masks:
                  - type: from_fixed
                    value: x
          - type: run_sql
            sql: INSERT INTO marks VALUES ('skipped after the failure')
          - type: serial
            tasks:
              - type: run_sql
                sql: INSERT INTO marks VALUES ('not always, in a block')
              - type: run_sql
                always: true
                sql: INSERT INTO marks VALUES ('triggers on again')
        """);
    CliHarness.Result plan = h.run("plan", "r.yml");
    assertThat(plan.out()).contains("run_sql [always: runs after a failure or cancel]");

    CliHarness.Result r = h.run("run", "r.yml", "-c", "db");
    assertThat(r.code())
        .as(r.all())
        .isEqualTo(ExitCodes.of(dev.guise.exec.RunStatus.FAILED, false));
    assertThat(h.dump("marks", "what"))
        .contains("triggers off", "triggers on again")
        .doesNotContain("skipped after the failure", "not always, in a block");
    assertThat(h.dump("people", "id")).contains("Ann", "Bob");
  }
}
