package dev.guise.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialects;
import dev.guise.runlog.FingerprintFiles;
import dev.guise.runlog.FingerprintStore;
import dev.guise.secret.RunKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fingerprints of both versions: version 1 (HMAC-SHA-256, pinned to what earlier releases wrote)
 * and version 2 (SipHash-2-4) in one task's chunks, as when a run of an earlier release is resumed
 * by this one, and {@code guise verify}'s lookup finds the originals of each.
 */
class FingerprintVersionsTest {
  @TempDir Path dir;
  private final RunKey key = RunKey.derive(null, "secret-of-twenty-chars!!");

  @Test
  void versionOneIsWhatEarlierReleasesWroteAndVersionTwoDiffers() {
    PrintScheme.Scope scope = PrintScheme.Scope.of("people", "name");
    Object[] row = {42L, "Ada Lovelace"};
    PrintScheme v1 = PrintScheme.of(1, key);
    v1.row(row, 1);
    // computed by 767d793's OriginalPrints.sameRow/anyRow for this key, scope, row and value
    assertThat(v1.sameRow(scope, row[1])).isEqualTo(V1_SAME);
    assertThat(v1.anyRow(scope, row[1])).isEqualTo(V1_ANY);
    PrintScheme v2 = PrintScheme.of(2, key);
    v2.row(row, 1);
    long same = v2.sameRow(scope, row[1]);
    assertThat(same).isNotEqualTo(V1_SAME);
    assertThat(v2.anyRow(scope, row[1])).isNotEqualTo(same);
    // the row's key is part of the same-row print, not of the any-row one
    v2.row(new Object[] {43L, "Ada Lovelace"}, 1);
    assertThat(v2.sameRow(scope, row[1])).isNotEqualTo(same);
    // another run key prints differently
    PrintScheme other = PrintScheme.of(2, RunKey.derive(null, "another-secret-of-twenty"));
    other.row(row, 1);
    assertThat(other.sameRow(scope, row[1])).isNotEqualTo(same);
  }

  private static final long V1_SAME = -8774203190227733586L;
  private static final long V1_ANY = 3487471019599248093L;

  @Test
  void chunksOfBothVersionsAreEachLookedUpWithTheirOwnScheme() throws Exception {
    String url = "jdbc:h2:mem:printversions;DB_CLOSE_DELAY=-1";
    ConnectionConfig cfg =
        new ConnectionConfig(
            "t", Dialects.forUrl(url).orElseThrow(), url, null, null, null, Map.of(), 0, 0);
    try (ConnectionPool pool = ConnectionPool.open(cfg, 2)) {
      try (Connection c = pool.connection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(40))");
        s.execute("INSERT INTO people SELECT x, 'masked ' || x FROM SYSTEM_RANGE(1, 200)");
        // originals left in place: rows 7 (batch of version 1) and 150 (version 2) kept theirs,
        // and row 9 holds row 160's original
        s.execute("UPDATE people SET name = 'orig 7' WHERE id = 7");
        s.execute("UPDATE people SET name = 'orig 150' WHERE id = 150");
        s.execute("UPDATE people SET name = 'orig 160' WHERE id = 9");
        c.commit();
      }
      FingerprintStore store = new FingerprintStore(dir);
      store.on(batch(1, 1, 100)); // the earlier release's run masked rows 1..100
      store.on(batch(2, 101, 200)); // this release resumed it for the rest
      FingerprintFiles files = new FingerprintFiles(dir);
      FingerprintFiles.TaskPrints task = files.tasks().get(0);
      assertThat(task.versions()).containsExactly(1, 2);
      Path work = Files.createDirectories(dir.resolve("work"));
      List<FingerprintFiles.Lookup> open = new ArrayList<>();
      List<Survivors.Prints> prints = new ArrayList<>();
      for (int v : task.versions()) {
        FingerprintFiles.Lookup same = files.lookup(task, 0, true, v, work);
        FingerprintFiles.Lookup any = files.lookup(task, 0, false, v, work);
        open.addAll(List.of(same, any));
        assertThat(same.size()).isEqualTo(100);
        prints.add(new Survivors.Prints(v, same::contains, any::contains));
      }
      List<Survivors.ColumnCount> counts =
          Survivors.count(
              pool,
              key,
              "people",
              List.of("id"),
              List.of(new Survivors.ColumnLookup("name", prints)),
              64);
      open.forEach(FingerprintFiles.Lookup::close);
      assertThat(counts).containsExactly(new Survivors.ColumnCount("name", 200, 2, 3));
      // with only one version's prints, the other's survivors go unseen: the versions matter
      List<Survivors.ColumnCount> onlyV2 =
          Survivors.count(
              pool,
              key,
              "people",
              List.of("id"),
              List.of(
                  new Survivors.ColumnLookup(
                      "name", List.of(new Survivors.Prints(1, v -> false, v -> false)))),
              64);
      assertThat(onlyV2).containsExactly(new Survivors.ColumnCount("name", 200, 0, 0));
      // fingerprints of a later release are refused in one sentence naming the column
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  Survivors.count(
                      pool,
                      key,
                      "people",
                      List.of("id"),
                      List.of(
                          new Survivors.ColumnLookup(
                              "name", List.of(new Survivors.Prints(3, v -> false, v -> false)))),
                      64))
          .isInstanceOf(dev.guise.GuiseException.class)
          .hasMessage(
              "people.name - the run kept fingerprints of version 3, which this guise does not"
                  + " know; verify with the release that ran it");
    }
  }

  /** The originals ('orig N') of rows from..to, fingerprinted with one version. */
  private RunEvent.OriginalsFingerprinted batch(int version, int from, int to) {
    PrintScheme scheme = PrintScheme.of(version, key);
    PrintScheme.Scope scope = PrintScheme.Scope.of("people", "name");
    long[] same = new long[to - from + 1];
    long[] any = new long[same.length];
    for (int id = from; id <= to; id++) {
      Object[] row = {(long) id, "orig " + id};
      scheme.row(row, 1);
      same[id - from] = scheme.sameRow(scope, row[1]);
      any[id - from] = scheme.anyRow(scope, row[1]);
    }
    if (version == 1) { // as earlier releases wrote them; this one writes them unsorted
      Arrays.sort(same);
      Arrays.sort(any);
    }
    return new RunEvent.OriginalsFingerprinted(
        "1",
        "people",
        List.of("id"),
        version,
        version,
        List.of(new RunEvent.ColumnPrints("name", true, same, any)));
  }
}
