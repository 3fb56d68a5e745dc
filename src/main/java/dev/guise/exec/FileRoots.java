package dev.guise.exec;

import java.nio.file.Path;
import java.util.Map;

/**
 * The two folders of a file run: files are read from {@code source} and written, masked, under the
 * same relative path in {@code target}; the source is only ever read.
 *
 * @param replace a file already in the target is replaced ({@code --target-mode truncate}); off,
 *     the run refused a target that holds files before it started
 * @param kept the files the resumed run finished, by path relative to the folders (empty unless
 *     resuming): each is kept, not masked again, while source and target still have its sizes
 */
public record FileRoots(
    String sourceName,
    Path source,
    String targetName,
    Path target,
    boolean replace,
    Map<String, Kept> kept) {
  public FileRoots {
    kept = Map.copyOf(kept);
  }

  public FileRoots(
      String sourceName, Path source, String targetName, Path target, boolean replace) {
    this(sourceName, source, targetName, target, replace, Map.of());
  }

  /** These roots, resuming a run that finished {@code files}. */
  public FileRoots resuming(Map<String, Kept> files) {
    return new FileRoots(sourceName, source, targetName, target, true, files);
  }

  /**
   * A file a resumed run finished, as its run log says.
   *
   * @param maskedBy the run that masked it (an earlier one when that run kept it too)
   */
  public record Kept(long sourceSize, long targetSize, long rows, String maskedBy) {}
}
