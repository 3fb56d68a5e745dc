package dev.guise.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.db.ConnectionPool;
import dev.guise.runlog.RunRecord;
import dev.guise.runlog.RunRecorder;
import dev.guise.runlog.RunStore;
import dev.guise.runlog.TaskRecord;
import dev.guise.secret.RunKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling between batches leaves exactly the committed batches written, as recorded. */
class CancellationTest {
  @TempDir Path dir;

  @Test
  void cancelAfterTheFirstBatchStopsCleanlyWithAnExactRecord() throws Exception {
    try (ConnectionPool pool = H2Plans.pool("cancel", 3)) {
      H2Plans.sql(
          pool,
          "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
          "INSERT INTO t SELECT x, 'orig' FROM SYSTEM_RANGE(1, 1000)",
          "CREATE TABLE u (id INT PRIMARY KEY, v VARCHAR(20))",
          "INSERT INTO u SELECT x, 'orig' FROM SYSTEM_RANGE(1, 10)");
      var plan =
          H2Plans.plan(
              """
          version: '1.0'
          tasks:
            - type: mask_table
              table: t
              key: id
              rules:
                - column: v
                  masks: [{type: from_fixed, value: masked}]
            - type: mask_table
              table: u
              key: id
              rules:
                - column: v
                  masks: [{type: from_fixed, value: masked}]
          """,
              pool);
      RunStore store = new RunStore(dir);
      store.create("run1");
      RunRecorder.Header header =
          new RunRecorder.Header(
              "run1", null, Map.of(), Map.of(), Map.of(), Clock.systemUTC().instant());
      Cancellation cancellation = new Cancellation();
      RunOptions options = RunOptions.defaults().withBatchSize(100);
      RunStatus status;
      RunRecord record;
      try (RunRecorder recorder = new RunRecorder(store, header, false, Clock.systemUTC())) {
        MaskingRun run =
            new MaskingRun(
                pool,
                plan,
                RunKey.derive(null, "secret-of-twenty-chars!!"),
                options,
                RunListener.all(
                    recorder,
                    e -> {
                      if (e instanceof RunEvent.BatchCommitted) {
                        cancellation.cancel();
                      }
                    }),
                cancellation,
                Clock.systemUTC(),
                TaskKinds.BUILT_IN.runners());
        status = run.execute(false);
        record = recorder.snapshot();
      }
      assertThat(status).isEqualTo(RunStatus.CANCELLED);
      TaskRecord t = record.tasks().get(0);
      assertThat(t.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(t.batchesCommitted()).isEqualTo(1);
      assertThat(t.rowsUpdated()).isEqualTo(100);
      assertThat(t.lastKey()).containsExactly(100L);
      assertThat(record.tasks().get(1).status()).isEqualTo(RunStatus.CANCELLED);
      try (Connection c = pool.connection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(id) FROM t WHERE v = 'masked'")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(t.rowsUpdated());
        assertThat(rs.getLong(2)).isEqualTo(100);
      }
      try (Connection c = pool.connection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM u WHERE v = 'masked'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      assertThat(store.show("run1").path("status").asText()).isEqualTo("cancelled");
    }
  }
}
