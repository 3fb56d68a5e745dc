package dev.guise.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.SerialStep;
import dev.guise.secret.RunKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor over H2 in memory: the events it publishes, timed by the clock it is given. */
class MaskingRunTest {
  private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: t
          key: id
          rules:
            - column: v
              masks: [{type: from_fixed, value: masked}]
        - type: truncate_table
          table: u
      """;

  private String ruleset = RULESET;
  private ConnectionPool pool;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() throws Exception {
    pool = H2Plans.pool("maskingrun", 8);
    sql(
        "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
        "INSERT INTO t SELECT x, 'orig' FROM SYSTEM_RANGE(1, 250)",
        "CREATE TABLE u (id INT PRIMARY KEY)",
        "INSERT INTO u SELECT x FROM SYSTEM_RANGE(1, 3)");
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private void sql(String... statements) throws Exception {
    H2Plans.sql(pool, statements);
  }

  private long count(String query) throws Exception {
    try (Connection c = pool.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private SerialStep plan() {
    return H2Plans.plan(ruleset, pool);
  }

  private MaskingRun run(RunOptions options, Clock clock, StepRunners runners) {
    return new MaskingRun(
        pool,
        plan(),
        RunKey.derive(null, "secret-of-twenty-chars!!"),
        options,
        events::add,
        new Cancellation(),
        clock,
        runners);
  }

  private <E extends RunEvent> List<E> all(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Rows of 10,000 characters: a 50,000-row batch would hold a gigabyte. The first batch (1,000
   * rows) measures them, and the later ones keep to about 16 MiB of rows each.
   */
  @Test
  void wideRowsAreReadInBatchesSmallerThanTheBatchSize() throws Exception {
    sql(
        "ALTER TABLE t ALTER COLUMN v VARCHAR(20000)",
        "INSERT INTO t SELECT x, 'orig' FROM SYSTEM_RANGE(251, 3000)",
        "UPDATE t SET v = REPEAT('x', 10000)");

    RunStatus status =
        run(RunOptions.defaults(), Clock.systemUTC(), TaskKinds.BUILT_IN.runners()).execute(false);

    assertThat(status).isEqualTo(RunStatus.FINISHED);
    List<Long> sizes =
        all(RunEvent.BatchCommitted.class).stream()
            .filter(b -> b.taskId().equals("1"))
            .map(b -> b.batch().read())
            .toList();
    assertThat(sizes.get(0)).isEqualTo(TablePipeline.FIRST_BATCH);
    assertThat(sizes).hasSizeGreaterThan(3);
    assertThat(sizes.subList(1, sizes.size())).allSatisfy(n -> assertThat(n).isLessThan(1000));
    assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(3000);
    assertThat(count("SELECT COUNT(*) FROM t WHERE v = 'masked'")).isEqualTo(3000);
  }

  /**
   * Tables masked at once share the batch memory one table has: a {@code parallel} block of two
   * wide tables on four workers reads each in batches of half the rows a table alone gets, so the
   * heap holds what one task's pipeline would, however many run.
   */
  @Test
  void tablesOfAParallelBlockShareOneTablesBatchMemory() throws Exception {
    sql(
        "ALTER TABLE t ALTER COLUMN v VARCHAR(20000)",
        "INSERT INTO t SELECT x, 'orig' FROM SYSTEM_RANGE(251, 6000)",
        "UPDATE t SET v = REPEAT('x', 10000)",
        "CREATE TABLE w (id INT PRIMARY KEY, v VARCHAR(20000))",
        "INSERT INTO w SELECT * FROM t");
    ruleset =
        """
        version: '1.0'
        tasks:
          - type: parallel
            tasks:
              - type: mask_table
                table: t
                key: id
                rules:
                  - column: v
                    masks: [{type: from_fixed, value: masked}]
              - type: mask_table
                table: w
                key: id
                rules:
                  - column: v
                    masks: [{type: from_fixed, value: masked}]
        """;
    RunStatus alone =
        run(RunOptions.defaults().withWorkers(1), Clock.systemUTC(), TaskKinds.BUILT_IN.runners())
            .execute(false);
    assertThat(alone).isEqualTo(RunStatus.FINISHED);
    long aloneRows = secondBatch("1.1");
    events.clear();
    sql("UPDATE t SET v = REPEAT('x', 10000)", "UPDATE w SET v = REPEAT('x', 10000)");

    RunStatus together =
        run(RunOptions.defaults().withWorkers(4), Clock.systemUTC(), TaskKinds.BUILT_IN.runners())
            .execute(false);

    assertThat(together).isEqualTo(RunStatus.FINISHED);
    assertThat(all(RunEvent.BatchCommitted.class).stream().map(b -> b.taskId()).distinct())
        .containsExactlyInAnyOrder("1.1", "1.2");
    assertThat(secondBatch("1.1")).isBetween(aloneRows / 2 - 20, aloneRows / 2 + 20);
    assertThat(secondBatch("1.2")).isBetween(aloneRows / 2 - 20, aloneRows / 2 + 20);
    assertThat(count("SELECT COUNT(*) FROM w WHERE v = 'masked'")).isEqualTo(6000);
  }

  /** The rows of a task's second batch (the first one measures the rows). */
  private long secondBatch(String task) {
    return all(RunEvent.BatchCommitted.class).stream()
        .filter(b -> b.taskId().equals(task))
        .map(b -> b.batch().read())
        .skip(1)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aTableTaskPublishesEachCommittedBatchInKeyOrder() throws Exception {
    RunStatus status =
        run(
                RunOptions.defaults().withBatchSize(100),
                Clock.fixed(T0, ZoneOffset.UTC),
                TaskKinds.BUILT_IN.runners())
            .execute(false);

    assertThat(status).isEqualTo(RunStatus.FINISHED);
    RunEvent.RunStarted started = all(RunEvent.RunStarted.class).get(0);
    assertThat(started.at()).isEqualTo(T0);
    assertThat(started.tasks())
        .extracting(RunEvent.TaskOutline::type, RunEvent.TaskOutline::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mask_table", "PUBLIC.T"),
            org.assertj.core.groups.Tuple.tuple("truncate_table", "PUBLIC.U"));
    assertThat(all(RunEvent.TaskStarted.class))
        .extracting(RunEvent.TaskStarted::total)
        .containsExactly(250L, -1L);
    List<RunEvent.BatchCommitted> batches = all(RunEvent.BatchCommitted.class);
    assertThat(batches).extracting(b -> b.batch().updated()).containsExactly(100L, 100L, 50L);
    assertThat(batches).extracting(b -> b.task().read()).containsExactly(100L, 200L, 250L);
    assertThat(batches)
        .extracting(RunEvent.BatchCommitted::lastKey)
        .containsExactly(List.of(100L), List.of(200L), List.of(250L));
    assertThat(batches).noneMatch(RunEvent.BatchCommitted::dryRun);
    assertThat(all(RunEvent.Samples.class).get(0).rows()).hasSize(5);
    assertThat(all(RunEvent.TaskFinished.class))
        .extracting(RunEvent.TaskFinished::status, RunEvent.TaskFinished::durationMs)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(RunStatus.FINISHED, 0L));
    assertThat(events.get(events.size() - 1))
        .isEqualTo(new RunEvent.RunFinished(T0, RunStatus.FINISHED));
    assertThat(count("SELECT COUNT(*) FROM t WHERE v = 'masked'")).isEqualTo(250);
    assertThat(count("SELECT COUNT(*) FROM u")).isZero();
  }

  @Test
  void durationsComeFromTheClock() {
    AtomicLong calls = new AtomicLong();
    Clock stepping =
        new Clock() {
          @Override
          public Instant instant() {
            return T0.plus(Duration.ofSeconds(calls.getAndIncrement()));
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    run(RunOptions.defaults(), stepping, TaskKinds.BUILT_IN.runners()).execute(false);

    // each task reads the clock when it starts and when it ends: one second apart
    assertThat(all(RunEvent.TaskFinished.class))
        .extracting(RunEvent.TaskFinished::durationMs)
        .containsExactly(1000L, 1000L);
    assertThat(all(RunEvent.RunStarted.class).get(0).at()).isEqualTo(T0);
    assertThat(all(RunEvent.RunFinished.class).get(0).at()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void aDryRunMasksButWritesNothing() throws Exception {
    RunStatus status =
        run(
                RunOptions.defaults().withDryRun(true).withBatchSize(100),
                Clock.fixed(T0, ZoneOffset.UTC),
                TaskKinds.BUILT_IN.runners())
            .execute(false);

    assertThat(status).isEqualTo(RunStatus.FINISHED);
    List<RunEvent.BatchCommitted> batches = all(RunEvent.BatchCommitted.class);
    assertThat(batches).hasSize(3).allMatch(RunEvent.BatchCommitted::dryRun);
    assertThat(batches).extracting(b -> b.batch().masked()).containsExactly(100L, 100L, 50L);
    assertThat(batches).extracting(b -> b.batch().updated()).containsOnly(0L);
    assertThat(all(RunEvent.TaskFinished.class))
        .extracting(RunEvent.TaskFinished::status)
        .containsExactly(RunStatus.FINISHED, RunStatus.SKIPPED);
    assertThat(all(RunEvent.Note.class))
        .extracting(RunEvent.Note::message)
        .containsExactly("truncate_table PUBLIC.U: skipped in a dry run");
    assertThat(count("SELECT COUNT(*) FROM t WHERE v = 'orig'")).isEqualTo(250);
    assertThat(count("SELECT COUNT(*) FROM u")).isEqualTo(3);
  }

  @Test
  void aStepWithoutARunnerFailsBeforeAnythingRuns() throws Exception {
    StepRunners onlyTables = StepRunners.NONE.with(SerialStep.class, new SerialRunner());
    StepRunners tablesToo = onlyTables.with(MaskTableStep.class, new MaskTableStepRunner());

    assertThatThrownBy(() -> run(RunOptions.defaults(), Clock.systemUTC(), tablesToo))
        .isInstanceOf(GuiseException.class)
        .hasMessage(
            "task 2 (truncate_table) - no runner for TruncateStep;"
                + " this task type cannot run in this build");
    assertThat(events).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM t WHERE v = 'orig'")).isEqualTo(250);
    assertThat(count("SELECT COUNT(*) FROM u")).isEqualTo(3);
  }
}
