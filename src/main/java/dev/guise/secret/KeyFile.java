package dev.guise.secret;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The key file format and its owner-only permissions: reading, checking and writing entries. */
final class KeyFile {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");

  private KeyFile() {}

  /** Makes a key folder the owner's alone (0700). */
  static void ownerOnlyDir(Path dir) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(dir, OWNER_DIR);
    }
  }

  static String header() {
    return "# Guise token keys: whoever holds this file can re-identify tokenized data.\n"
        + "# Keep it readable by its owner alone (chmod 600); never commit it.\n";
  }

  static String entry(TokenKey key, Instant now) {
    String n = key.name();
    return n
        + ".key="
        + Base64.getEncoder().encodeToString(key.bytes())
        + "\n"
        + n
        + ".check="
        + key.checkValue()
        + "\n"
        + n
        + ".created="
        + now
        + "\n";
  }

  static void createOwnerOnly(Path f, String text) throws IOException {
    if (POSIX) {
      Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_FILE));
    } else {
      Files.createFile(f);
    }
    Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * Reads a key file: refused when others may read it, when a line is malformed or a key altered.
   */
  static Map<String, TokenKey> readFile(Path f) {
    if (!Files.exists(f)) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          f
              + " - no such key file; create keys in it with 'guise keys create NAME --keys "
              + f
              + "'");
    }
    checkOwnerOnly(f, false);
    List<String> lines;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unreadable(f, e);
    }
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, String> checks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      int dot = eq < 0 ? -1 : line.lastIndexOf('.', eq);
      String name = dot < 0 ? null : line.substring(0, dot);
      String field = dot < 0 ? null : line.substring(dot + 1, eq);
      if (!TokenKeys.validName(name) || !Set.of("key", "check", "created").contains(field)) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            f
                + ":"
                + (i + 1)
                + " - not a key line; expected NAME.key=, NAME.check= or NAME.created= (see"
                + " docs/tokenization.md)");
      }
      String value = line.substring(eq + 1).strip();
      if (field.equals("key")) {
        keys.put(name, value);
      } else if (field.equals("check")) {
        checks.put(name, value);
      }
    }
    Map<String, TokenKey> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String name = e.getKey();
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(e.getValue());
      } catch (IllegalArgumentException bad) {
        raw = new byte[0];
      }
      if (raw.length != TokenKey.LENGTH) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            f + " - " + name + ".key is not the base64 of " + TokenKey.LENGTH + " bytes");
      }
      TokenKey k = TokenKey.of(name, raw);
      String check = checks.get(name);
      if (check == null || !check.equalsIgnoreCase(k.checkValue())) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            f
                + " - token key '"
                + name
                + "' does not match its check value ("
                + (check == null ? "missing" : "altered")
                + "); restore the key file from its backup");
      }
      out.put(name, k);
    }
    return out;
  }

  /** Refuses a key file or folder that users other than its owner may read (or enter). */
  static void checkOwnerOnly(Path p, boolean directory) {
    if (!POSIX) {
      return;
    }
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw unreadable(p, e);
    }
    boolean open =
        perms.contains(PosixFilePermission.GROUP_READ)
            || perms.contains(PosixFilePermission.OTHERS_READ)
            || perms.contains(PosixFilePermission.GROUP_WRITE)
            || perms.contains(PosixFilePermission.OTHERS_WRITE)
            || (directory
                && (perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE)));
    if (open) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          p
              + " - other users may read it (mode "
              + PosixFilePermissions.toString(perms)
              + "); token keys must be the owner's alone: chmod "
              + (directory ? "700 " : "600 ")
              + p);
    }
  }

  static GuiseException unreadable(Path p, IOException e) {
    return new GuiseException(
        ErrorCode.INVALID_CONFIGURATION,
        p + " - cannot read or write token keys (" + e.getClass().getSimpleName() + ")");
  }
}
