package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.db.LockNames;
import dev.guise.exec.Cancellation;
import dev.guise.exec.RunEvent;
import dev.guise.exec.RunOptions;
import dev.guise.exec.RunStatus;
import dev.guise.run.RulesetSource;
import dev.guise.run.RunObserver;
import dev.guise.run.RunRequest;
import dev.guise.run.RunResult;
import dev.guise.run.RunService;
import dev.guise.runlog.Json;
import dev.guise.schema.TableRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two runs on one table at once, on every engine: the first is held inside its first batch by a
 * latch (so it holds its lock), and the second is refused naming it, or queues behind it with
 * --wait; the data ends as one run leaves it. Runs on other tables do not wait.
 */
class TableLockIT {
  private static final int ROWS = 3_000;
  private static final long WAIT = 60;

  @TempDir Path tmp;

  private static String ruleset(String table) {
    return "version: '1.0'\n"
        + "tasks:\n"
        + "  - type: mask_table\n"
        + "    table: "
        + table
        + "\n"
        + "    key: id\n"
        + "    rules:\n"
        + "      - column: v\n"
        + "        hash_columns: [v, id]\n"
        + "        masks: [{type: from_format_string, value_format: \"{[a-z],8}\"}]\n";
  }

  /** A run in-process whose first committed batch waits for {@code release}. */
  private final class HeldRun implements RunObserver {
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CompletableFuture<RunResult> result;

    HeldRun(GuiseCli cli, String file) {
      this(cli, file, null);
    }

    HeldRun(GuiseCli cli, String file, String shard) {
      RunRequest req = request(file);
      RunRequest run =
          shard == null
              ? req
              : req.withOptions(req.options().withShard(dev.guise.exec.Shard.parse(shard)));
      result = CompletableFuture.supplyAsync(() -> service().run(run, new Cancellation(), this));
    }

    @Override
    public void on(RunEvent event) {
      if (event instanceof RunEvent.BatchCommitted && holding.getCount() > 0) {
        holding.countDown();
        try {
          release.await(WAIT, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    RunResult finish() throws Exception {
      release.countDown();
      return result.get(WAIT, TimeUnit.SECONDS);
    }
  }

  private RunService service() {
    return new RunService(
        Map.of("GUISE_RUN_SECRET", GuiseCli.RUN_SECRET)::get,
        Clock.systemUTC(),
        tmp.resolve("home"));
  }

  private RunRequest request(String file) {
    return new RunRequest(
        new RulesetSource(tmp.resolve("work").resolve(file), file, null),
        tmp.resolve("work/connections.yml"),
        "it",
        RunOptions.defaults().withBatchSize(500),
        null,
        false,
        tmp.resolve("home/runs"));
  }

  private GuiseCli setUp(TestEngine e) throws Exception {
    e.open();
    fill(e, "people");
    fill(e, "others");
    GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
    Files.writeString(tmp.resolve("work/people.yml"), ruleset("people"));
    Files.writeString(tmp.resolve("work/others.yml"), ruleset("others"));
    return cli;
  }

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void aSecondRunOnTheSameTableIsRefusedNamingTheFirst(String engine) throws Exception {
    try (TestEngine e = Engines.named(engine)) {
      GuiseCli cli = setUp(e);
      HeldRun first = new HeldRun(cli, "people.yml");
      assertThat(first.holding.await(WAIT, TimeUnit.SECONDS)).as("first run holds").isTrue();

      GuiseCli.Result second = cli.command("run", "people.yml", "-c", "it", "--batch-size", "500");
      GuiseCli.Result other = cli.command("run", "others.yml", "-c", "it", "--batch-size", "500");

      RunResult done = first.finish();
      assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
      String id = done.record().id();
      assertThat(second.exit()).as(second.toString()).isEqualTo(9);
      assertThat(second.err())
          .contains("people - held by run " + id)
          .contains("host " + done.record().options().get("host"))
          .contains("started 20")
          .contains("nothing was written");
      assertThat(other.exit()).as("a disjoint table does not wait: %s", other).isZero();
      List<Map<String, Object>> afterBoth = e.dump("people");

      // one uninterrupted run on fresh data leaves the same table: the refused run changed nothing
      e.sql("DROP TABLE " + e.t("people"));
      fill(e, "people");
      GuiseCli.Result alone =
          cli.command("run", "people.yml", "-c", "it", "--batch-size", "500", "--remask");
      assertThat(alone.exit()).as(alone.toString()).isZero();
      assertThat(afterBoth).isEqualTo(e.dump("people"));
    }
  }

  /**
   * The shards of a table share its lock, which a whole run takes exclusively, so a whole run and a
   * shard exclude each other while shards run side by side: PostgreSQL's advisory locks have a
   * shared mode; on MariaDB (GET_LOCK) and H2 (lock rows) a shard holds a presence lock, taken
   * under the table's own lock, which a whole run checks.
   */
  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void aShardAndAWholeRunOnOneTableExcludeEachOther(String engine) throws Exception {
    try (TestEngine e = Engines.named(engine)) {
      GuiseCli cli = setUp(e);
      HeldRun shard = new HeldRun(cli, "people.yml", "1/2");
      assertThat(shard.holding.await(WAIT, TimeUnit.SECONDS)).as("shard 1 holds").isTrue();
      GuiseCli.Result whole = cli.command("run", "people.yml", "-c", "it", "--batch-size", "500");
      GuiseCli.Result sibling =
          cli.command("run", "people.yml", "-c", "it", "--batch-size", "500", "--shard", "2/2");
      RunResult first = shard.finish();
      assertThat(first.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(whole.exit()).as(whole.toString()).isEqualTo(9);
      assertThat(whole.err()).contains("people - held by run").contains("nothing was written");
      assertThat(sibling.exit()).as("the other shard runs beside it: %s", sibling).isZero();

      HeldRun all = new HeldRun(cli, "others.yml");
      assertThat(all.holding.await(WAIT, TimeUnit.SECONDS)).as("whole run holds").isTrue();
      GuiseCli.Result part =
          cli.command("run", "others.yml", "-c", "it", "--batch-size", "500", "--shard", "1/2");
      RunResult done = all.finish();
      assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(part.exit()).as(part.toString()).isEqualTo(9);
      assertThat(part.err())
          .contains("others - held by run " + done.record().id())
          .contains("nothing was written");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void withWaitTheSecondRunQueuesAndRunsAfterTheFirst(String engine) throws Exception {
    try (TestEngine e = Engines.named(engine)) {
      GuiseCli cli = setUp(e);
      HeldRun first = new HeldRun(cli, "people.yml");
      assertThat(first.holding.await(WAIT, TimeUnit.SECONDS)).isTrue();
      CountDownLatch queued = new CountDownLatch(1);
      List<String> said = new ArrayList<>();
      CompletableFuture<RunResult> second =
          CompletableFuture.supplyAsync(
              () ->
                  service()
                      .run(
                          new RunRequest(
                              request("people.yml").ruleset(),
                              tmp.resolve("work/connections.yml"),
                              "it",
                              RunOptions.defaults().withBatchSize(500),
                              null,
                              false,
                              tmp.resolve("home/runs"),
                              null,
                              false,
                              true,
                              Duration.ofSeconds(WAIT)),
                          new Cancellation(),
                          new RunObserver() {
                            @Override
                            public void queued(String message) {
                              said.add(message);
                              queued.countDown();
                            }
                          }));
      assertThat(queued.await(WAIT, TimeUnit.SECONDS)).as("second run queued").isTrue();
      assertThat(newestRecordStatus()).isEqualTo("queued");

      RunResult one = first.finish();
      RunResult two = second.get(WAIT, TimeUnit.SECONDS);
      assertThat(one.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(two.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(said.get(0)).contains("held by run " + one.record().id()).contains("queued");
      assertThat(two.record().startTime()).isAfterOrEqualTo(one.record().endTime());
      assertThat(Files.readString(two.recordDir().resolve("log.jsonl")))
          .contains("held by run " + one.record().id());
    }
  }

  @ParameterizedTest
  @MethodSource("serverEngines")
  void aRunThatLosesItsLockConnectionStopsWriting(String engine) throws Exception {
    try (TestEngine e = Engines.named(engine)) {
      GuiseCli cli = setUp(e);
      HeldRun first = new HeldRun(cli, "people.yml");
      assertThat(first.holding.await(WAIT, TimeUnit.SECONDS)).isTrue();
      String lock = LockNames.table(new TableRef(e.schema, "people"));
      if (engine.equals("postgres")) {
        long key = LockNames.key(lock);
        e.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND ((classid::bigint << 32) | objid::bigint) = "
                + key);
      } else {
        long session = longOf(e, "SELECT IS_USED_LOCK('" + LockNames.hashed(lock) + "')");
        e.sql("KILL " + session);
      }
      RunResult r = first.finish();
      assertThat(r.status()).isEqualTo(RunStatus.FAILED);
      assertThat(r.record().tasks().get(0).error()).contains("locks is gone");
      assertThat(r.record().tasks().get(0).batchesCommitted()).isEqualTo(1);
    }
  }

  static List<String> serverEngines() {
    return List.of("postgres", "mariadb");
  }

  private String newestRecordStatus() throws Exception {
    try (var s = Files.list(tmp.resolve("home/runs"))) {
      Path newest = s.sorted().reduce((a, b) -> b).orElseThrow();
      return Json.MAPPER.readTree(newest.resolve("run.json").toFile()).path("status").asText();
    }
  }

  private static long longOf(TestEngine e, String sql) throws SQLException {
    try (var st = e.admin().createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void fill(TestEngine e, String table) throws SQLException {
    e.sql("CREATE TABLE " + e.t(table) + " (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL)");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      rows.add(new Object[] {(long) i, "orig" + i});
    }
    e.insert(table, List.of("id", "v"), rows);
  }
}
