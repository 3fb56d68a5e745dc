package dev.guise.exec;

import dev.guise.plan.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs a task's statements in one transaction: all of them commit, or none. */
final class SqlStatements {
  private SqlStatements() {}

  /**
   * Returns FINISHED, or SKIPPED in a dry run (nothing is executed); throws {@link TaskFailure}.
   */
  static RunStatus run(Step step, List<String> statements, StepContext ctx) {
    ctx.events().on(new RunEvent.TaskStarted(step.id(), step.describe(), -1));
    if (ctx.options().dryRun()) {
      ctx.events().on(new RunEvent.Note(step.id(), step.describe() + ": skipped in a dry run"));
      return RunStatus.SKIPPED;
    }
    try (Connection c = ctx.pool().connection()) {
      try (Statement st = c.createStatement()) {
        for (String sql : statements) {
          st.execute(sql);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw TaskFailure.sql(
            step.describe() + " (" + step.task().location() + ")",
            e,
            "; no statement of this task was committed");
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(step.describe(), e);
    }
    return RunStatus.FINISHED;
  }
}
