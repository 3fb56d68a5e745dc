package dev.guise.runlog;

import dev.guise.exec.RunEvent;
import dev.guise.exec.RunListener;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the originals' fingerprints a masking run publishes into its run folder, for {@code guise
 * verify}: per task a {@code task.json} (table, key, columns) and one chunk file per batch, written
 * to a temporary name, synced and renamed, so a kill leaves only whole chunks. A chunk is kept
 * before its batch commits: a batch that then rolls back left originals that verify counts, and a
 * resumed run rewrites the same chunk when it masks the batch again. Files are the owner's alone.
 */
public final class FingerprintStore implements RunListener {
  static final String DIR = "fingerprints";
  static final String TASK = "task.json";

  private final Path root;
  private final Set<String> described = ConcurrentHashMap.newKeySet();

  /**
   * @param runFolder the folder of the run the fingerprints belong to (a resumed run's first)
   */
  public FingerprintStore(Path runFolder) {
    this.root = runFolder.resolve(DIR);
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.OriginalsFingerprinted f) {
      try {
        write(f);
      } catch (IOException e) {
        throw new UncheckedIOException(
            root + " - cannot write the fingerprints of " + f.table() + "; check disk space", e);
      }
    }
  }

  private void write(RunEvent.OriginalsFingerprinted f) throws IOException {
    OwnerOnly.directory(root);
    Path task = OwnerOnly.directory(root.resolve(folderName(f.taskId())));
    if (described.add(f.taskId())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("task", f.taskId());
      m.put("table", f.table());
      m.put("key", f.key());
      m.put(
          "columns",
          f.columns().stream()
              .map(c -> Map.of("name", c.column(), "always_changes", c.alwaysChanges()))
              .toList());
      Path tmp = OwnerOnly.file(task.resolve(TASK + ".tmp"));
      Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
      move(tmp, task.resolve(TASK));
    }
    Path tmp = task.resolve(chunkName(f.batch()) + ".tmp");
    Files.deleteIfExists(tmp);
    OwnerOnly.file(tmp);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      OutputStream os = Channels.newOutputStream(ch);
      DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os, 1 << 16));
      if (f.version() != 1) {
        out.writeInt(-f.version()); // version 1 chunks start with their column count
      }
      out.writeInt(f.columns().size());
      for (RunEvent.ColumnPrints c : f.columns()) {
        longs(out, c.sameRow());
        longs(out, c.anyRow());
      }
      out.flush();
      ch.force(true);
    }
    move(tmp, task.resolve(chunkName(f.batch())));
  }

  private static void longs(DataOutputStream out, long[] values) throws IOException {
    out.writeInt(values.length);
    // big-endian, as writeLong writes them, in one write instead of one call per value
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(values.length * Long.BYTES);
    bytes.asLongBuffer().put(values);
    out.write(bytes.array());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A task id as a file name: letters, digits, dots and dashes kept. */
  static String folderName(String taskId) {
    return taskId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  static String chunkName(long batch) {
    return String.format("b%09d.fp", batch);
  }
}
