package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real jar killed with SIGKILL mid-masking while it holds a table's triggers switched off
 * ({@code auto_manage_triggers}): {@code guise runs repair} brings them back exactly as the catalog
 * had them, and so does a {@code --resume} without a repair first; the resumed run's rows are
 * untouched by the triggers. Runs in {@code verify}, after the jar is built.
 */
class TriggerKillIT {
  private static final int ROWS = 20_000;

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mariadb"})
  void repairAndResumeBringKilledRunsTriggersBack(String engineName) throws Exception {
    try (TestEngine e = Engines.forProcesses(engineName, tmp)) {
      assumeTrue(e != null, engineName + ": its GUISE_IT_*_URL is not set; skipped");
      e.open();
      TriggerFixture.create(e, ROWS);
      List<String> before = TriggerFixture.catalog(e);
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
      Files.writeString(
          tmp.resolve("work/ruleset.yml"), TriggerFixture.ruleset(true, TriggerFixture.MASK_NAME));

      String killed = killAfter(e, 3);
      assertThat(TriggerFixture.catalog(e)).as("switched off while killed").isNotEqualTo(before);
      GuiseCli.Result repaired = cli.command("runs", "repair", killed);
      assertThat(repaired.exit()).as(repaired.toString()).isZero();
      assertThat(repaired.out() + repaired.err()).contains("restored trigger");
      assertThat(TriggerFixture.catalog(e)).as("after repair").isEqualTo(before);
      assertThat(TriggerContractIT.manifestRows(e)).isZero();
      resume(cli, e, killed, before);

      e.sql("DROP TABLE " + e.t("tp"));
      if (e instanceof PostgresEngine) {
        e.sql("DROP FUNCTION " + e.t("tp_stamp") + "()");
      }
      TriggerFixture.create(e, ROWS);
      String again = killAfter(e, 5);
      assertThat(TriggerFixture.catalog(e)).isNotEqualTo(before);
      resume(cli, e, again, before); // no repair first: the resumed run restores them itself
    }
  }

  private void resume(GuiseCli cli, TestEngine e, String killed, List<String> before)
      throws Exception {
    GuiseCli.Result r = cli.command("run", "--resume", killed, "--format", "json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(TriggerFixture.touched(e)).as("no trigger fired on masked rows").containsOnlyNulls();
    assertThat(e.dump("tp"))
        .noneSatisfy(
            row -> assertThat(TriggerFixture.value(row, "name").toString()).startsWith("name"));
    assertThat(TriggerFixture.catalog(e)).as("after the resumed run").isEqualTo(before);
    assertThat(TriggerContractIT.manifestRows(e)).isZero();
  }

  /** Starts a run, SIGKILLs it after its n-th committed batch, and returns its id. */
  private String killAfter(TestEngine e, int batches) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("run", "ruleset.yml", "-c", "it", "--batch-size", "500", "--remask"));
    GuiseProcess p =
        new GuiseProcess(tmp.resolve("work"), GuiseProcess.env(tmp.resolve("home")), batches, args);
    p.await();
    assertThat(p.batchSeen).as("killed after batch %d:%n%s", batches, p).isDone();
    return newestRun();
  }

  private String newestRun() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("home/runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }
}
