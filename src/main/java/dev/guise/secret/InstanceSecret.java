package dev.guise.secret;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** The per-installation secret in {@code $GUISE_HOME/instance-secret}, created on first use. */
public final class InstanceSecret {
  private InstanceSecret() {}

  /** Reads the secret, creating it (mode 0600) when it does not exist yet. */
  public static byte[] loadOrCreate(Path guiseHome) {
    Path file = guiseHome.resolve("instance-secret");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(guiseHome);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
          Files.writeString(
              file,
              HexFormat.of().formatHex(fresh) + "\n",
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          restrictToOwner(file);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: use theirs
        }
      }
      String hex = Files.readString(file).strip();
      return HexFormat.of().parseHex(hex);
    } catch (IOException | IllegalArgumentException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          file
              + " - cannot read the instance secret ("
              + e.getClass().getSimpleName()
              + "); restore it from backup, or delete it to start a new one (masked values will"
              + " change)");
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
      Files.setPosixFilePermissions(file, perms);
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user's profile directory is already private
    }
  }
}
