package dev.guise.secret;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** The per-installation secret in {@code $GUISE_HOME/instance-secret}, created on first use. */
public final class InstanceSecret {
  /** The file's name in {@code $GUISE_HOME}. */
  public static final String FILE = "instance-secret";

  private InstanceSecret() {}

  /** Reads the secret, creating it (mode 0600) when it does not exist yet. */
  public static byte[] loadOrCreate(Path guiseHome) {
    Path file = guiseHome.resolve(FILE);
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

  /** The secret when {@code $GUISE_HOME/instance-secret} exists; never creates it. */
  public static java.util.Optional<byte[]> existing(Path guiseHome) {
    if (!Files.exists(guiseHome.resolve(FILE))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(loadOrCreate(guiseHome));
  }

  /**
   * A public fingerprint of an instance secret (12 hex digits of a domain-separated SHA-256): safe
   * to print, log and record, and says nothing about the secret.
   */
  public static String fingerprint(byte[] secret) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update("guise/instance-secret/fingerprint\0".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest(secret), 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  /**
   * Writes {@code secret} as the installation's secret, replacing any: a temporary file made 0600
   * before it holds anything, then renamed over the old one, so a reader sees the old or the new
   * secret and never half of one.
   */
  public static void write(Path guiseHome, byte[] secret) {
    Path file = guiseHome.resolve(FILE);
    Path tmp = guiseHome.resolve(FILE + ".tmp");
    try {
      Files.createDirectories(guiseHome);
      Files.deleteIfExists(tmp);
      Files.createFile(tmp);
      restrictToOwner(tmp);
      Files.writeString(tmp, HexFormat.of().formatHex(secret) + "\n");
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          file
              + " - cannot write the instance secret ("
              + e.getClass().getSimpleName()
              + "); check that $GUISE_HOME is writable");
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
