package dev.guise.plan;

import dev.guise.ruleset.RunSqlTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code run_sql} with its SQL text loaded. */
public record RunSqlStep(String id, RunSqlTask task, String sql) implements Step {
  /** Loads {@code sql_file} now, so that a missing file is a planning error, not a failed run. */
  public static RunSqlStep plan(RunSqlTask r, String id, PlanContext ctx) {
    if (r.sql() != null) {
      return new RunSqlStep(id, r, r.sql());
    }
    Path file = ctx.ruleset().baseDir().resolve(r.sqlFile());
    try {
      return new RunSqlStep(id, r, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      ctx.diagnostics()
          .error(
              "unreadable-file",
              r.location(),
              "cannot read sql_file " + file + "; the path is relative to the ruleset's folder");
      return null;
    }
  }

  @Override
  public String describe() {
    String first = sql.strip().lines().findFirst().orElse("");
    return "run_sql "
        + (first.length() > 60 ? first.substring(0, 57) + "..." : first)
        + (always() ? " [always: runs after a failure or cancel]" : "");
  }
}
