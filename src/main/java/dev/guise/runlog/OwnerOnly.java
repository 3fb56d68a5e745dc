package dev.guise.runlog;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Run folders and their files readable by their owner alone (0700 and 0600): a record names tables,
 * errors and sample values, and often sits on a shared host. File systems without POSIX permissions
 * keep their defaults.
 */
final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates the folder (and its parents) and makes it the owner's alone. */
  static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, DIR);
    }
    return dir;
  }

  /** Creates an empty file that only its owner may read, unless it exists. */
  static Path file(Path file) throws IOException {
    if (!Files.exists(file)) {
      FileAttribute<?>[] attrs =
          POSIX
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
              : new FileAttribute<?>[0];
      Files.createFile(file, attrs);
    } else if (POSIX) {
      Files.setPosixFilePermissions(file, FILE);
    }
    return file;
  }
}
