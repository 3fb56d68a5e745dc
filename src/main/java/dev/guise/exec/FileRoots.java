package dev.guise.exec;

import java.nio.file.Path;

/**
 * The two folders of a file run: files are read from {@code source} and written, masked, under the
 * same relative path in {@code target}; the source is only ever read.
 *
 * @param replace a file already in the target is replaced ({@code --target-mode truncate}); off,
 *     the run refused a target that holds files before it started
 */
public record FileRoots(
    String sourceName, Path source, String targetName, Path target, boolean replace) {}
