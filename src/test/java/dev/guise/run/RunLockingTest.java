package dev.guise.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ProgressTable;
import dev.guise.db.TableLocks;
import dev.guise.exec.H2Plans;
import dev.guise.exec.Shard;
import dev.guise.plan.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The locks of runs and shards on H2, whose lock rows are exclusive only, so a shard's share of a
 * table is a presence lock taken under the table's own lock: many shards starting at the same
 * moment all get in, a whole run is refused while one of them holds, and a shard is refused while a
 * whole run holds.
 */
class RunLockingTest {
  private ConnectionPool pool;
  private ProgressTable progress;
  private Step plan;
  private final List<TableLocks> held = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    pool = H2Plans.pool("runlocking", 4);
    H2Plans.sql(pool, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
    progress = new ProgressTable(pool.dialect(), pool.config().guiseSchema());
    plan =
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
                """,
            pool);
  }

  @AfterEach
  void close() {
    held.forEach(TableLocks::close);
    pool.close();
  }

  private TableLocks acquire(String runId, String shard) {
    TableLocks l =
        RunLocking.acquire(
            pool,
            progress,
            runId,
            plan,
            shard == null ? null : Shard.parse(shard),
            null,
            Clock.systemUTC(),
            m -> {});
    held.add(l);
    return l;
  }

  private static void assertRefused(Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOf(GuiseException.class)
        .satisfies(e -> assertThat(((GuiseException) e).code()).isEqualTo(ErrorCode.LOCKED))
        .hasMessageContaining("held by")
        .hasMessageContaining("nothing was written");
  }

  @Test
  void shardsStartingTogetherAllRunAndAWholeRunWaitsForTheLast() throws Exception {
    int shards = 8;
    ExecutorService pool8 = Executors.newFixedThreadPool(shards);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<TableLocks>> started = new ArrayList<>();
    for (int i = 1; i <= shards; i++) {
      String label = i + "/" + shards;
      String id = "shard-" + i;
      started.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return acquire(id, label);
              },
              pool8));
    }
    go.countDown();
    List<TableLocks> all = new ArrayList<>();
    for (CompletableFuture<TableLocks> f : started) {
      all.add(f.get(30, TimeUnit.SECONDS)); // none refused: the table's own lock is held briefly
    }
    pool8.shutdown();

    assertRefused(() -> acquire("whole-1", null));
    for (int i = 0; i < shards - 1; i++) {
      all.get(i).close();
    }
    assertRefused(() -> acquire("whole-2", null)); // the last shard still holds
    all.get(shards - 1).close();
    acquire("whole-3", null);
    assertRefused(() -> acquire("shard-late", "1/2"));
  }

  @Test
  void moreShardsAtOnceThanPresenceLocksIsRefusedSayingWhy() {
    for (int i = 1; i <= RunLocking.PRESENCE_SLOTS; i++) {
      acquire("s" + i, i + "/" + (RunLocking.PRESENCE_SLOTS + 1));
    }
    int last = RunLocking.PRESENCE_SLOTS + 1;
    assertThatThrownBy(() -> acquire("s-last", last + "/" + last))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("64 shards already run on it at once")
        .hasMessageContaining("nothing was written");
  }
}
