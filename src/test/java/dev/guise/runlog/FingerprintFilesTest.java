package dev.guise.runlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.exec.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks written per batch, merged in rounds of at most 64 files, looked up on disk. */
class FingerprintFilesTest {
  @TempDir Path run;

  @Test
  void moreChunksThanOneMergeRoundHoldsAreMergedAndFoundExactly() throws Exception {
    FingerprintStore store = new FingerprintStore(run);
    Random r = new Random(7);
    int chunks = 150; // three rounds: 150 -> 3 -> 1
    long[][] any = new long[chunks][];
    for (int b = 0; b < chunks; b++) {
      long[] same = LongStream.generate(r::nextLong).limit(40).sorted().toArray();
      any[b] = LongStream.generate(r::nextLong).limit(40).toArray(); // unsorted, as runs write them
      store.on(
          new RunEvent.OriginalsFingerprinted(
              "1.2",
              "people",
              List.of("id"),
              b,
              2,
              List.of(
                  new RunEvent.ColumnPrints("name", true, same, any[b]),
                  new RunEvent.ColumnPrints("code", false, new long[0], new long[0]))));
    }
    // a kill between write and rename leaves a temporary file that no reader takes for a chunk
    Files.writeString(run.resolve("fingerprints/1.2/b000000150.fp.tmp"), "half");
    FingerprintFiles files = new FingerprintFiles(run);
    FingerprintFiles.TaskPrints task = files.tasks().get(0);
    assertThat(task.table()).isEqualTo("people");
    assertThat(task.columns())
        .containsExactly(
            new FingerprintFiles.ColumnPrints("name", true),
            new FingerprintFiles.ColumnPrints("code", false));
    Path work = Files.createDirectories(run.resolve("work"));
    try (FingerprintFiles.Lookup names = files.lookup(task, 0, false, 2, work);
        FingerprintFiles.Lookup codes = files.lookup(task, 1, true, 2, work)) {
      assertThat(names.size()).isEqualTo(chunks * 40L);
      assertThat(codes.size()).isZero();
      for (long[] chunk : any) {
        for (long v : chunk) {
          assertThat(names.contains(v)).isTrue();
        }
      }
      int found = 0;
      for (int i = 0; i < 10_000; i++) {
        found += names.contains(r.nextLong()) ? 1 : 0;
      }
      assertThat(found).isZero();
      assertThat(codes.contains(0)).isFalse();
    }
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).isEmpty(); // merged runs and the lookups' files are gone
    }
    assertThat(files.delete()).isTrue();
    assertThat(run.resolve("fingerprints")).doesNotExist();
    assertThat(files.delete()).isFalse();
  }
}
