package dev.guise.files;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The regular files of a source folder, in a stable (sorted) order, as relative paths. */
public final class FileWalk {
  /** One file: its path relative to the folder (with {@code /}) and its size in bytes. */
  public record Found(String relative, Path path, long size) {
    /** The file's bytes, buffered, counting what was read (for progress in bytes). */
    public CountingInput open() throws IOException {
      return new CountingInput(
          new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16));
    }

    /** The whole file as text (a document masked whole). */
    public String read(java.nio.charset.Charset cs) throws IOException {
      return Files.readString(path, cs);
    }
  }

  private FileWalk() {}

  /**
   * @param recurse look into sub-folders too
   * @throws GuiseException when the folder cannot be read
   */
  public static List<Found> list(Path root, boolean recurse) {
    List<Found> out = new ArrayList<>();
    try (Stream<Path> s = recurse ? Files.walk(root) : Files.list(root)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (Files.isRegularFile(p)) {
          String rel = root.relativize(p).toString().replace('\\', '/');
          out.add(new Found(rel, p, Files.size(p)));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          root + " - cannot list the source folder (" + e.getClass().getSimpleName() + ")");
    }
    return out;
  }

  /** The file's extension, lower case, or "" when it has none. */
  public static String extension(String relative) {
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
