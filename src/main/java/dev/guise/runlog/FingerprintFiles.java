package dev.guise.runlog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the fingerprints a run kept ({@link FingerprintStore}): for each column, its chunks' sorted
 * runs merged into one sorted file (at most {@value #FAN_IN} files open at once, in rounds), looked
 * up by binary search in the file mapped into memory (the OS page cache, not the heap). Memory
 * stays bounded whatever the table's size: the merge holds one buffer per open file, a lookup
 * nothing.
 */
public final class FingerprintFiles {
  static final int FAN_IN = 64;

  private final Path root;

  /**
   * One task's fingerprints as {@code task.json} describes them.
   *
   * @param versions the fingerprint versions its chunks hold, ascending (two when a run of one
   *     release was resumed by a later one)
   */
  public record TaskPrints(
      Path folder,
      String task,
      String table,
      List<String> key,
      List<ColumnPrints> columns,
      List<Integer> versions) {}

  /** A column, and whether its mask promised to change every value. */
  public record ColumnPrints(String name, boolean alwaysChanges) {}

  /**
   * @param runFolder the folder of the run that kept them (a resumed run's first)
   */
  public FingerprintFiles(Path runFolder) {
    this.root = runFolder.resolve(FingerprintStore.DIR);
  }

  public boolean exist() {
    return Files.isDirectory(root);
  }

  public Path root() {
    return root;
  }

  /** The tasks with fingerprints, in task order. */
  public List<TaskPrints> tasks() {
    if (!exist()) {
      return List.of();
    }
    List<TaskPrints> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
        Path file = dir.resolve(FingerprintStore.TASK);
        if (!Files.exists(file)) {
          continue; // killed before its first chunk: no batch of it committed
        }
        JsonNode t = Json.MAPPER.readTree(file.toFile());
        List<String> key = new ArrayList<>();
        t.path("key").forEach(k -> key.add(k.asText()));
        List<ColumnPrints> cols = new ArrayList<>();
        t.path("columns")
            .forEach(
                c ->
                    cols.add(
                        new ColumnPrints(
                            c.path("name").asText(), c.path("always_changes").asBoolean())));
        out.add(
            new TaskPrints(
                dir,
                t.path("task").asText(),
                t.path("table").asText(),
                key,
                List.copyOf(cols),
                versions(dir)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(root + " - cannot read the fingerprints", e);
    }
    return out;
  }

  /** Removes every fingerprint of the run; true when there were any. */
  public boolean delete() {
    if (!exist()) {
      return false;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(root + " - cannot delete the fingerprints", e);
    }
  }

  private static List<Integer> versions(Path task) throws IOException {
    TreeSet<Integer> out = new TreeSet<>();
    for (Path chunk : chunks(task)) {
      try (DataInputStream in = open(chunk)) {
        out.add(version(in.readInt()));
      }
    }
    return List.copyOf(out);
  }

  private static List<Path> chunks(Path task) throws IOException {
    try (Stream<Path> s = Files.list(task)) {
      return s.filter(p -> p.toString().endsWith(".fp")).sorted().toList();
    }
  }

  /** A chunk's version from its first int: the negated version, or (version 1) a column count. */
  private static int version(int first) {
    return first < 0 ? -first : 1;
  }

  /**
   * A column's fingerprints of one kind and version, merged into one sorted file in {@code work}
   * (deleted by the caller).
   *
   * @param column the column's position in {@code task.json}
   * @param sameRow the (key, value) fingerprints; else the value-alone ones
   * @param version the chunks' version to take (one of {@link TaskPrints#versions})
   */
  public Lookup lookup(TaskPrints task, int column, boolean sameRow, int version, Path work) {
    try {
      List<Path> runs = new ArrayList<>();
      for (Path chunk : chunks(task.folder())) {
        Path one = Files.createTempFile(work, "run", ".bin");
        extract(chunk, column, sameRow, version, one);
        runs.add(one);
      }
      while (runs.size() > 1) {
        List<Path> next = new ArrayList<>();
        for (int i = 0; i < runs.size(); i += FAN_IN) {
          List<Path> group = runs.subList(i, Math.min(runs.size(), i + FAN_IN));
          Path merged = Files.createTempFile(work, "merged", ".bin");
          merge(group, merged);
          for (Path p : group) {
            Files.delete(p);
          }
          next.add(merged);
        }
        runs = next;
      }
      return new Lookup(runs.isEmpty() ? null : runs.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(task.folder() + " - cannot read the fingerprints", e);
    }
  }

  /** One column's kind out of a chunk, as a file of sorted longs. */
  private static void extract(Path chunk, int column, boolean sameRow, int version, Path to)
      throws IOException {
    try (DataInputStream in = open(chunk);
        DataOutputStream out = create(to)) {
      int first = in.readInt();
      int columns = first < 0 ? in.readInt() : first;
      if (version(first) != version || column >= columns) {
        return;
      }
      for (int c = 0; c <= column; c++) {
        for (int kind = 0; kind < 2; kind++) {
          int n = in.readInt();
          if (c != column || (kind == 0) != sameRow) {
            in.skipNBytes((long) n * Long.BYTES);
            continue;
          }
          // version 1 chunks are sorted, later ones not: a chunk is one batch, sorted here
          long[] values = new long[n];
          for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
          }
          Arrays.sort(values);
          for (long v : values) {
            out.writeLong(v);
          }
        }
      }
    }
  }

  private record Head(long value, DataInputStream in) {}

  private static void merge(List<Path> runs, Path to) throws IOException {
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::value));
    List<DataInputStream> open = new ArrayList<>();
    try (DataOutputStream out = create(to)) {
      for (Path p : runs) {
        DataInputStream in = open(p);
        open.add(in);
        advance(in, heads);
      }
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        out.writeLong(h.value());
        advance(h.in(), heads);
      }
    } finally {
      for (DataInputStream in : open) {
        in.close();
      }
    }
  }

  private static void advance(DataInputStream in, PriorityQueue<Head> heads) throws IOException {
    try {
      heads.add(new Head(in.readLong(), in));
    } catch (EOFException end) {
      // this run is used up
    }
  }

  private static DataInputStream open(Path p) throws IOException {
    return new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 15));
  }

  private static DataOutputStream create(Path p) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 15));
  }

  /**
   * Membership in a sorted file of longs, by binary search over the file mapped in segments of at
   * most 1 GiB: the pages live in the OS cache, not the heap.
   */
  public static final class Lookup implements AutoCloseable {
    private static final int SEGMENT_LONGS = 1 << 27;
    private final LongBuffer[] segments;
    private final long count;
    private final Path path;

    Lookup(Path path) throws IOException {
      this.path = path;
      if (path == null) {
        this.segments = new LongBuffer[0];
        this.count = 0;
        return;
      }
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        this.count = ch.size() / Long.BYTES;
        int n = (int) ((count + SEGMENT_LONGS - 1) / SEGMENT_LONGS);
        this.segments = new LongBuffer[n];
        for (int i = 0; i < n; i++) {
          long first = (long) i * SEGMENT_LONGS;
          long longs = Math.min(SEGMENT_LONGS, count - first);
          segments[i] =
              ch.map(FileChannel.MapMode.READ_ONLY, first * Long.BYTES, longs * Long.BYTES)
                  .asLongBuffer();
        }
      }
    }

    public long size() {
      return count;
    }

    public boolean contains(long v) {
      long lo = 0;
      long hi = count - 1;
      while (lo <= hi) {
        long mid = (lo + hi) >>> 1;
        long m = segments[(int) (mid / SEGMENT_LONGS)].get((int) (mid % SEGMENT_LONGS));
        if (m < v) {
          lo = mid + 1;
        } else if (m > v) {
          hi = mid - 1;
        } else {
          return true;
        }
      }
      return false;
    }

    /** Deletes the merged file (the mapping goes with the buffers). */
    @Override
    public void close() {
      try {
        if (path != null) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(path + " - cannot delete", e);
      }
    }
  }
}
