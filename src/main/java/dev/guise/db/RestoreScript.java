package dev.guise.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that undo a recorded change ({@link ChangeManifest.Entry#restore()}): kept as the
 * engine's script, or one by one with their lengths when a statement may hold a {@code ;} (a
 * trigger's body); run with their update counts.
 */
public final class RestoreScript {
  /**
   * Marks a restore stored statement by statement ({@link #of}) rather than as a script: a trigger
   * body holds semicolons that no script splitter can tell from separators.
   */
  private static final String STATEMENTS = "-- guise:statements\n";

  private RestoreScript() {}

  /**
   * Restore statements kept one by one, for {@link ChangeManifest.Entry#withRestore}: each is
   * preceded by its length, so nothing inside a statement can end it.
   */
  public static String of(List<String> statements) {
    StringBuilder out = new StringBuilder(STATEMENTS);
    for (String s : statements) {
      out.append(s.length()).append('\n').append(s).append('\n');
    }
    return out.toString();
  }

  /** A restore's statements: split as the engine's script, or as {@link #of} kept them. */
  static List<String> split(Dialect dialect, String restore) {
    if (!restore.startsWith(STATEMENTS)) {
      return dialect.splitScript(restore);
    }
    List<String> out = new ArrayList<>();
    int i = STATEMENTS.length();
    while (i < restore.length()) {
      int nl = restore.indexOf('\n', i);
      int length = Integer.parseInt(restore.substring(i, nl));
      out.add(restore.substring(nl + 1, nl + 1 + length));
      i = nl + 1 + length + 1;
    }
    return out;
  }

  /**
   * Runs an entry's restore statements and commits; returns each statement's update count (-1 for a
   * query). They must be safe to run again: a run can die after undoing the change and before
   * forgetting it, and a repair then runs them a second time.
   */
  public static List<Long> run(Connection c, Dialect dialect, ChangeManifest.Entry e)
      throws SQLException {
    List<Long> counts = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      for (String sql : split(dialect, e.restore())) {
        counts.add(st.execute(sql) ? -1L : Math.max(0L, st.getUpdateCount()));
      }
      c.commit();
      return counts;
    } catch (SQLException ex) {
      c.rollback();
      throw ex;
    }
  }
}
