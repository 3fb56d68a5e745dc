package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key path's kill test through the real command line: the jar dies (as under kill -9) at each
 * of the key path's three points; {@code guise runs repair ID} and then {@code guise run --resume
 * ID} end with the constraints as the catalog had them and the data of an uninterrupted run. Runs
 * in {@code verify}, after the jar is built.
 */
class KeyKillCliIT {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mariadb"})
  void repairThenResumeEndsAsAnUninterruptedRun(String engine) throws Exception {
    try (TestEngine e = Engines.forProcesses(engine, tmp)) {
      assumeTrue(e != null, engine + ": its GUISE_IT_*_URL is not set; skipped");
      e.open();
      KeyFamilyFixture f = new KeyFamilyFixture(e);
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
      try {
        f.create();
        TreeSet<String> catalog = f.catalog();
        GuiseCli.Result whole = cli.run(KeyKillIT.RULESET);
        assertThat(whole.exit()).as(whole.toString()).isZero();
        Map<String, List<String>> expected = KeyPathContract.canonical(f.dump(), false);
        for (String point : KeyKillIT.POINTS) {
          f.create();
          String killed = halted(List.of("run", "ruleset.yml", "-c", "it", "--remask"), point);
          String what = engine + " halted at " + point;
          GuiseCli.Result repaired = cli.command("runs", "repair", killed);
          assertThat(repaired.exit()).as("%s: %s", what, repaired).isZero();
          assertThat(f.catalog()).as("%s, after runs repair", what).isEqualTo(catalog);
          GuiseCli.Result resumed = cli.command("run", "--resume", killed, "--format", "json");
          assertThat(resumed.exit()).as("%s: %s", what, resumed).isZero();
          assertThat(KeyPathContract.canonical(f.dump(), false)).as(what).isEqualTo(expected);
          assertThat(f.catalog()).as("%s, after the resume", what).isEqualTo(catalog);
        }
        // a resume killed before it finished its predecessor's family: the next resume (of the
        // killed resume) finishes the first run's family and does not rewrite it a second time
        f.create();
        String first = halted(List.of("run", "ruleset.yml", "-c", "it", "--remask"), AFTER_FIRST);
        String second = halted(List.of("run", "--resume", first), "key-before-finishing");
        GuiseCli.Result third = cli.command("run", "--resume", second, "--format", "json");
        assertThat(third.exit()).as(third.toString()).isZero();
        assertThat(KeyPathContract.canonical(f.dump(), false)).as("chain").isEqualTo(expected);
        assertThat(f.catalog()).as("after the chained resume").isEqualTo(catalog);
      } finally {
        e.sql("DROP TABLE IF EXISTS " + e.q(e.otherSchema) + "." + e.q("notes"));
      }
    }
  }

  private static final String AFTER_FIRST = "key-after-first-rewrite";

  /** Runs the jar until it halts at {@code point} (exit 137, as kill -9); returns its run id. */
  private String halted(List<String> args, String point) throws Exception {
    Map<String, String> env = new HashMap<>(GuiseProcess.env(tmp.resolve("home")));
    env.put("GUISE_TEST_HALT_AT", point);
    GuiseProcess p = new GuiseProcess(tmp.resolve("work"), env, Integer.MAX_VALUE, args);
    assertThat(p.await()).as("halted at %s:%n%s", point, p).isEqualTo(137);
    return newestRun();
  }

  private String newestRun() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("home/runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }
}
