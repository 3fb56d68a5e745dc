package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guise.exec.Cancellation;
import dev.guise.exec.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key-masking runs killed dead (a child process halted at a named point, as by kill -9): between
 * the manifest write and the first DROP, after the first table's rewrite, and between the last
 * rewrite and the re-create. After a repair and a resume, or a resume alone, the constraints are
 * those of before and the data equals an uninterrupted run's.
 */
class KeyKillIT {
  static final List<String> POINTS =
      List.of("key-after-manifest", "key-after-first-rewrite", "key-before-recreate");

  static final String RULESET = KeyFamilyFixture.RULESET.formatted("imitate_unique");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mariadb"})
  void aKilledKeyRunIsRepairedAndResumedToTheUninterruptedResult(String engine) throws Exception {
    try (TestEngine e = Engines.forProcesses(engine, tmp)) {
      assumeTrue(e != null, engine + ": its GUISE_IT_*_URL is not set; skipped");
      e.open();
      KeyFamilyFixture f = new KeyFamilyFixture(e);
      try {
        // what an uninterrupted run leaves
        f.create();
        TreeSet<String> catalog = f.catalog();
        assertThat(f.run(RULESET, KeyPathContract.runId(), null, new Cancellation()))
            .isEqualTo(RunStatus.FINISHED);
        Map<String, List<String>> expected = KeyPathContract.canonical(f.dump(), false);
        for (String point : POINTS) {
          for (boolean repairFirst : List.of(true, false)) {
            f.create();
            String killed = KeyPathContract.runId();
            int code = child(e, f, killed, point);
            String what = engine + " killed at " + point + (repairFirst ? ", repaired" : "");
            assertThat(code).as(what).isEqualTo(137);
            List<String> repaired = repairFirst ? f.repair(killed) : List.of();
            String resumed = KeyPathContract.runId();
            RunStatus s = f.run(RULESET, resumed, killed, new Cancellation());
            System.out.printf("%s: repair %s; resume %s%n", what, repaired, s);
            assertThat(s).as("%s: %s", what, f.events).isEqualTo(RunStatus.FINISHED);
            assertThat(KeyPathContract.canonical(f.dump(), false)).as(what).isEqualTo(expected);
            assertThat(f.catalog()).as(what).isEqualTo(catalog);
            assertThat(f.leftovers(killed)).as(what).isEmpty();
            assertThat(f.leftovers(resumed)).as(what).isEmpty();
          }
        }
      } finally {
        e.sql("DROP TABLE IF EXISTS " + e.q(e.otherSchema) + "." + e.q("notes"));
      }
    }
  }

  private static int child(TestEngine e, KeyFamilyFixture f, String runId, String point)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dguise.test.haltAt=" + point,
                "-cp",
                System.getProperty("java.class.path"),
                KeyKillChild.class.getName(),
                e.url(),
                e.schema,
                f.guiseSchema(),
                runId)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(Path.of("target", "key-kill.log").toFile()));
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child ended").isTrue();
    return p.exitValue();
  }
}
