package dev.guise.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file of the destination folder, written under a temporary name next to it and renamed only when
 * whole: a reader (or a failed run) never sees half a file. Without {@link #commit()}, {@link
 * #close()} deletes the temporary file.
 */
public final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  /** Opens the temporary file, creating the target's folders. */
  public OutputFile(Path target) throws IOException {
    this.target = target;
    Files.createDirectories(target.toAbsolutePath().getParent());
    this.temp = target.resolveSibling("." + target.getFileName() + ".guise-part");
    this.out = Files.newOutputStream(temp);
  }

  public OutputStream stream() {
    return out;
  }

  /**
   * Renames the written file to its name (replacing one there).
   *
   * @return its size in bytes
   */
  public long commit() throws IOException {
    out.close();
    long size = Files.size(temp);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
    return size;
  }

  /** The size of a file of the destination, or -1 when there is none (or it cannot be read). */
  public static long sizeOf(Path target) {
    try {
      return Files.isRegularFile(target) ? Files.size(target) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
