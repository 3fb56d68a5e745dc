package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.db.ChangeManifest;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.exec.Cancellation;
import dev.guise.exec.Checkpoints;
import dev.guise.exec.LiveSchema;
import dev.guise.exec.MaskingRun;
import dev.guise.exec.RunEvent;
import dev.guise.exec.RunOptions;
import dev.guise.exec.RunStatus;
import dev.guise.exec.TaskKinds;
import dev.guise.mask.MaskRegistry;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.secret.RunKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trigger part of the dialect contract, on every engine of {@link Engines#names()}: with {@code
 * auto_manage_triggers: true} the triggers do not touch the masked rows and are back afterwards
 * exactly as the catalog had them (a failed run included); without it the run warns, names them,
 * and they fire.
 */
class TriggerContractIT {
  @TempDir Path tmp;

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void managedTriggersDoNotFireAndComeBackAsTheyWere(String engine) throws Exception {
    onTable(
        engine,
        10,
        (e, before) -> {
          assertThat(before).isNotEmpty();
          GuiseCli.Result r =
              cli(e)
                  .run(TriggerFixture.ruleset(true, TriggerFixture.MASK_NAME), "--batch-size", "3");
          assertThat(r.exit()).as(r.toString()).isZero();
          assertThat(r.record().get("status").asText()).isEqualTo("finished");
          assertThat(e.dump("tp"))
              .allSatisfy(row -> assertThat(TriggerFixture.value(row, "name")).isEqualTo("masked"));
          assertThat(TriggerFixture.touched(e)).containsOnlyNulls().hasSize(10);
          assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
          assertThat(manifestRows(e)).isZero();
          // the triggers work again afterwards, as before the run
          e.sql("UPDATE " + e.t("tp") + " SET name = 'after' WHERE id = 1");
          assertThat(TriggerFixture.touched(e).get(0)).isEqualTo(TriggerFixture.fired(e));
        });
  }

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void aKeyRewriteRunsWithTheTriggersManagedToo(String engine) throws Exception {
    onTable(
        engine,
        10,
        (e, before) -> {
          String rule = "{column: id, masks: [{type: imitate_unique}]}";
          GuiseCli.Result r = cli(e).run(TriggerFixture.ruleset(true, rule));
          assertThat(r.exit()).as(r.toString()).isZero();
          // every key rewritten (imitate_unique keeps none), as "name<id>" no longer says
          assertThat(e.dump("tp"))
              .allSatisfy(
                  row ->
                      assertThat(TriggerFixture.value(row, "name"))
                          .isNotEqualTo("name" + TriggerFixture.value(row, "id")));
          assertThat(TriggerFixture.touched(e)).containsOnlyNulls().hasSize(10);
          assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
          assertThat(manifestRows(e)).isZero();
          // without the option the same rewrite warns and the triggers stamp every row
          GuiseCli.Result warned = cli(e).run(TriggerFixture.ruleset(false, rule), "--strict");
          assertThat(warned.exit()).as(warned.toString()).isEqualTo(7);
          assertThat(warned.err().toLowerCase()).contains("tp_touch").contains("will fire");
          assertThat(TriggerFixture.touched(e)).doesNotContainNull();
        });
  }

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void withoutTheOptionTheRunWarnsAndTheTriggersFire(String engine) throws Exception {
    onTable(
        engine,
        10,
        (e, before) -> {
          GuiseCli.Result r =
              cli(e)
                  .run(
                      TriggerFixture.ruleset(false, TriggerFixture.MASK_NAME),
                      "--batch-size",
                      "3",
                      "--strict");
          assertThat(r.exit()).as(r.toString()).isEqualTo(7);
          assertThat(r.record().get("status").asText()).isEqualTo("finished_with_warnings");
          assertThat(r.err().toLowerCase())
              .contains("tp - has")
              .contains("tp_touch")
              .contains("will fire");
          assertThat(TriggerFixture.touched(e))
              .isEqualTo(Collections.nCopies(10, TriggerFixture.fired(e)));
          String log =
              java.nio.file.Files.readString(
                  tmp.resolve("home/runs")
                      .resolve(r.record().get("id").asText())
                      .resolve("log.jsonl"));
          assertThat(log).contains("\"log_level\":30").contains("will fire on every row");
          assertThat(r.err()).doesNotContain("tp_off");
          assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
        });
  }

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void aFailedRunBringsTheTriggersBack(String engine) throws Exception {
    onTable(
        engine,
        10,
        (e, before) -> {
          String fromSrc = "{column: code, masks: [{type: from_column, source_column: src}]}";
          GuiseCli.Result r =
              cli(e).run(TriggerFixture.ruleset(true, fromSrc), "--batch-size", "3");
          assertThat(r.exit()).as(r.toString()).isEqualTo(5);
          assertThat(r.task(1).get("rows_updated").asLong()).isEqualTo(6);
          assertThat(TriggerFixture.touched(e)).containsOnlyNulls();
          assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
          assertThat(manifestRows(e)).isZero();
        });
  }

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void aDryRunLeavesTheTriggersAlone(String engine) throws Exception {
    onTable(
        engine,
        4,
        (e, before) -> {
          GuiseCli.Result r =
              cli(e).run(TriggerFixture.ruleset(true, TriggerFixture.MASK_NAME), "--dry-run");
          assertThat(r.exit()).as(r.toString()).isZero();
          assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
          assertThat(r.err()).doesNotContain("switched off");
        });
  }

  @ParameterizedTest
  @MethodSource("dev.guise.it.Engines#names")
  void aCancelledRunBringsTheTriggersBack(String engine) throws Exception {
    onTable(
        engine,
        10,
        (e, before) -> {
          RulesetLoader.Result parsed =
              new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers())
                  .load(TriggerFixture.ruleset(true, TriggerFixture.MASK_NAME), "ruleset.yml");
          ConnectionConfig config =
              new ConnectionConfig(
                  "it", e.dialect(), e.url(), e.schema, null, null, Map.of(), 0, 0, e.otherSchema);
          Cancellation cancellation = new Cancellation();
          List<List<String>> during = new ArrayList<>();
          RunStatus status;
          try (ConnectionPool pool = ConnectionPool.open(config, 3)) {
            ChangeManifest manifest = new ChangeManifest(pool.dialect(), e.otherSchema);
            try (Connection c = pool.connection()) {
              manifest.ensure(c);
            }
            Planner.Result plan =
                Planner.plan(
                    parsed.ruleset(),
                    parsed.pipelines(),
                    new LiveSchema(pool),
                    TaskKinds.BUILT_IN.planners());
            assertThat(plan.manageTriggers()).isTrue();
            Checkpoints checkpoints =
                new Checkpoints(null, "cancelled-run", "here", 1, null, Map.of(), null, manifest);
            status =
                new MaskingRun(
                        pool,
                        plan.root(),
                        RunKey.derive(null, GuiseCli.RUN_SECRET),
                        RunOptions.defaults().withBatchSize(3),
                        event -> {
                          if (event instanceof RunEvent.BatchCommitted && during.isEmpty()) {
                            try {
                              during.add(TriggerFixture.catalog(e));
                            } catch (java.sql.SQLException ex) {
                              throw new IllegalStateException(ex);
                            }
                            cancellation.cancel();
                          }
                        },
                        cancellation,
                        Clock.systemUTC(),
                        TaskKinds.BUILT_IN.runners(),
                        checkpoints)
                    .manageTriggers(plan.manageTriggers())
                    .execute(false);
            try (Connection c = pool.connection()) {
              assertThat(manifest.ofRun(c, "cancelled-run")).isEmpty();
            }
          }
          assertThat(status).isEqualTo(RunStatus.CANCELLED);
          assertThat(during).hasSize(1);
          assertThat(during.get(0)).as("switched off while it ran").isNotEqualTo(before);
          assertThat(TriggerFixture.touched(e)).containsOnlyNulls();
          assertThat(TriggerFixture.catalog(e)).isEqualTo(before);
        });
  }

  /** What a test checks on the engine's sandbox holding {@code tp} and its triggers. */
  interface Check {
    void on(TestEngine e, List<String> triggersBefore) throws Exception;
  }

  private static void onTable(String engine, int rows, Check check) throws Exception {
    try (TestEngine e = Engines.named(engine)) {
      e.open();
      TriggerFixture.create(e, rows);
      check.on(e, TriggerFixture.catalog(e));
    }
  }

  private GuiseCli cli(TestEngine e) throws Exception {
    return new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
  }

  /** Rows left in Guise's change manifest (every run of this sandbox's database). */
  static long manifestRows(TestEngine e) throws Exception {
    try (var st = e.admin().createStatement();
        var rs =
            st.executeQuery(
                "SELECT COUNT(*) FROM "
                    + e.q("guise")
                    + "."
                    + e.q("manifest")
                    + " WHERE "
                    + e.q("kind")
                    + " = 'trigger' AND "
                    + e.q("object_name")
                    + " LIKE '"
                    + e.schema
                    + ".%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
