package dev.guise.exec;

import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialects;
import dev.guise.mask.MaskRegistry;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.plan.SerialStep;
import java.util.Map;

/** For tests: a pool on an H2 database in memory, and a ruleset planned against it. */
public final class H2Plans {
  private H2Plans() {}

  /** A pool of {@code size} connections on a new in-memory database named after {@code name}. */
  public static ConnectionPool pool(String name, int size) {
    String url = "jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    return ConnectionPool.open(
        new ConnectionConfig(
            "t", Dialects.forUrl(url).orElseThrow(), url, null, null, null, Map.of(), 0, 0),
        size);
  }

  /** Runs the statements on a connection of the pool and commits. */
  public static void sql(ConnectionPool pool, String... statements) throws java.sql.SQLException {
    try (java.sql.Connection c = pool.connection();
        java.sql.Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
      c.commit();
    }
  }

  /** The plan of a ruleset's YAML against the pool's live schema. */
  public static SerialStep plan(String yaml, ConnectionPool pool) {
    var parsed =
        new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers())
            .load(yaml, "r.yml");
    return Planner.plan(
            parsed.ruleset(),
            parsed.pipelines(),
            new LiveSchema(pool),
            TaskKinds.BUILT_IN.planners())
        .root();
  }
}
