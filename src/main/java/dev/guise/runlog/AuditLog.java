package dev.guise.runlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The append-only audit log, {@code $GUISE_HOME/audit.jsonl}: one JSON object per line. Each line
 * goes out in one {@code write()} on a file opened with {@code O_APPEND} and under an exclusive
 * file lock, so lines of concurrent Guise processes never interleave. The file is created 0600; one
 * found readable by others is set back to 0600 with a warning.
 */
public final class AuditLog {
  public static final String FILE = "audit.jsonl";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<OpenOption> APPEND =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  // a JVM may not hold two locks on one file: threads of this process take turns here first
  private static final Object IN_PROCESS = new Object();

  private final Path file;
  private final Clock clock;
  private final Consumer<String> warnings;
  private volatile boolean warned;

  /**
   * @param file the audit file, usually {@code $GUISE_HOME/audit.jsonl}
   * @param warnings hears a fixed file mode and an append that failed (the command goes on)
   */
  public AuditLog(Path file, Clock clock, Consumer<String> warnings) {
    this.file = file;
    this.clock = clock;
    this.warnings = warnings;
  }

  /** The audit log of a Guise home. */
  public static AuditLog in(Path guiseHome, Clock clock, Consumer<String> warnings) {
    return new AuditLog(guiseHome.resolve(FILE), clock, warnings);
  }

  public Path file() {
    return file;
  }

  /** Appends one line now, as this OS user on this host. */
  public void append(AuditEvent event, String outcome, AuditSubject about, String detail) {
    append(
        new AuditEntry(
            clock.instant(),
            event.json(),
            outcome,
            System.getProperty("user.name"),
            Host.NAME,
            about.command(),
            about.connection(),
            about.ruleset(),
            about.rulesetSha256(),
            about.runId(),
            detail));
  }

  /** Appends one entry as one line; a failure is reported to the warnings, never thrown. */
  public void append(AuditEntry entry) {
    byte[] line;
    try {
      line = (Json.MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit entry that cannot be written as JSON", e);
    }
    try {
      Files.createDirectories(file.getParent());
      synchronized (IN_PROCESS) {
        try (FileChannel ch = open()) {
          keepPrivate();
          try (FileLock lock = ch.lock()) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
              ch.write(buf);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      warnings.accept(
          file
              + " - cannot append to the audit log ("
              + e.getClass().getSimpleName()
              + "); check the folder's permissions");
    }
  }

  /** What {@link #read} found. */
  public record Read(List<AuditEntry> entries, int unreadableLines) {}

  /** The entries at or after {@code since} (all when null), oldest first. */
  public Read read(Instant since) throws IOException {
    List<AuditEntry> out = new ArrayList<>();
    int bad = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (l.isBlank()) {
          continue;
        }
        try {
          AuditEntry e = Json.MAPPER.readValue(l, AuditEntry.class);
          if (e.time() != null && (since == null || !e.time().isBefore(since))) {
            out.add(e);
          }
        } catch (JsonProcessingException unreadable) {
          bad++; // a line a crashed writer cut short must not hide the rest
        }
      }
    } catch (NoSuchFileException none) {
      return new Read(List.of(), 0);
    }
    return new Read(out, bad);
  }

  private FileChannel open() throws IOException {
    try {
      FileAttribute<Set<PosixFilePermission>> mode =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      return FileChannel.open(file, APPEND, mode);
    } catch (UnsupportedOperationException notPosix) {
      return FileChannel.open(file, APPEND);
    }
  }

  /** Sets a file others could read back to 0600, saying so once. */
  private void keepPrivate() throws IOException {
    Set<PosixFilePermission> now;
    try {
      now = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException notPosix) {
      return;
    }
    if (!OWNER_ONLY.containsAll(now)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      if (!warned) {
        warned = true;
        warnings.accept(
            file
                + " - was readable by others (mode "
                + PosixFilePermissions.toString(now)
                + "); set to rw------- (0600)");
      }
    }
  }

  /** This host's name, looked up once: a slow resolver must not slow every line. */
  private static final class Host {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException | RuntimeException e) {
        String h = System.getenv("HOSTNAME");
        return h == null || h.isBlank() ? "unknown" : h;
      }
    }
  }
}
