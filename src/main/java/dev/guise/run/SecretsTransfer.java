package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.exec.RunStatus;
import dev.guise.runlog.AuditEvent;
import dev.guise.runlog.AuditLog;
import dev.guise.runlog.AuditSubject;
import dev.guise.runlog.RunStore;
import dev.guise.secret.InstanceSecret;
import dev.guise.secret.SecretsDocument;
import dev.guise.secret.SecretsDocument.Entry;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code guise secrets export} and {@code import}: moves an installation's secrets to another
 * through a passphrase-encrypted {@link SecretsDocument}. Every export and import, refused ones
 * too, is a line of the audit log; an import decides every entry before it writes any.
 */
public final class SecretsTransfer {
  private static final String INSTANCE = "instance";
  private static final Set<String> FINISHED =
      Set.of(RunStatus.FINISHED.json(), RunStatus.FINISHED_WITH_WARNINGS.json());

  private final Path guiseHome;
  private final AuditLog audit;

  public SecretsTransfer(Path guiseHome, AuditLog audit) {
    this.guiseHome = guiseHome;
    this.audit = audit;
  }

  /**
   * Writes the secrets to {@code out} (mode 0600, created new: an existing file is never
   * overwritten) and returns what it wrote, one line each.
   *
   * @param shown the file as the user named it
   */
  public List<String> export(Path out, String shown, char[] passphrase) {
    AuditSubject about = new AuditSubject("secrets export", null, null, null, null);
    try {
      boolean had = InstanceSecret.existing(guiseHome).isPresent();
      byte[] instance = InstanceSecret.loadOrCreate(guiseHome);
      Entry e =
          new Entry(
              SecretsDocument.INSTANCE_SECRET,
              INSTANCE,
              instance,
              InstanceSecret.fingerprint(instance));
      byte[] file = SecretsDocument.seal(List.of(e), passphrase, SecretsDocument.Cost.standard());
      writeNew(out, shown, file);
      Arrays.fill(instance, (byte) 0);
      List<String> lines = new ArrayList<>();
      if (!had) {
        lines.add("created this installation's instance secret (there was none yet)");
      }
      lines.add("exported " + e + " to " + shown);
      audit.append(AuditEvent.SECRETS_EXPORTED, "exported", about, e + " to " + shown);
      return lines;
    } catch (GuiseException refused) {
      audit.append(AuditEvent.SECRETS_EXPORTED, "failed", about, refused.code().name());
      throw refused;
    }
  }

  /**
   * Imports the secrets of {@code in}. An instance secret other than this installation's replaces
   * it only with {@code replace}, or when no finished run in {@code runs} used this one (a run
   * record names the fingerprint of the instance secret it used; an older record without it counts
   * as having used it).
   *
   * @return what it did, one line each
   * @throws GuiseException INVALID_CONFIGURATION for a wrong passphrase, a changed file or a
   *     refused replacement, with nothing changed
   */
  public List<String> importFrom(
      Path in, String shown, char[] passphrase, boolean replace, RunStore runs) {
    AuditSubject about = new AuditSubject("secrets import", null, null, null, null);
    try {
      byte[] file;
      try {
        file = Files.readAllBytes(in);
      } catch (IOException e) {
        throw new GuiseException(
            ErrorCode.USAGE,
            shown + " - cannot read it (" + e.getClass().getSimpleName() + "); check the path");
      }
      List<Entry> entries = SecretsDocument.open(file, passphrase, shown);
      List<Runnable> writes = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      for (Entry e : entries) {
        if (!SecretsDocument.INSTANCE_SECRET.equals(e.kind())) {
          throw new GuiseException(
              ErrorCode.INVALID_CONFIGURATION,
              shown
                  + " - holds a "
                  + e.kind()
                  + " entry ('"
                  + e.name()
                  + "') that this Guise cannot import; import it with the Guise that exported it"
                  + " or a newer one (nothing was imported)");
        }
        planInstance(e, shown, replace, runs, writes, lines);
      }
      writes.forEach(Runnable::run);
      audit.append(AuditEvent.SECRETS_IMPORTED, "imported", about, String.join("; ", lines));
      return lines;
    } catch (GuiseException refused) {
      audit.append(AuditEvent.SECRETS_IMPORTED, "refused", about, refused.code().name());
      throw refused;
    }
  }

  private void planInstance(
      Entry e,
      String shown,
      boolean replace,
      RunStore runs,
      List<Runnable> writes,
      List<String> lines) {
    if (!InstanceSecret.fingerprint(e.bytes()).equals(e.fingerprint())) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          shown + " - its instance secret does not match its fingerprint; export it again");
    }
    Optional<byte[]> here = InstanceSecret.existing(guiseHome);
    if (here.isEmpty()) {
      writes.add(() -> InstanceSecret.write(guiseHome, e.bytes()));
      lines.add("imported " + e);
      return;
    }
    String current = InstanceSecret.fingerprint(here.get());
    if (Arrays.equals(here.get(), e.bytes())) {
      lines.add(e + ": already this installation's, nothing to do");
      return;
    }
    if (!replace) {
      Optional<JsonNode> used = finishedRunUsing(runs, current);
      if (used.isPresent()) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            guiseHome.resolve(InstanceSecret.FILE)
                + " - this installation has another instance secret (fingerprint "
                + current
                + ", the file's is "
                + e.fingerprint()
                + ") that finished run "
                + used.get().path("id").asText()
                + " used; pass --replace to replace it (tables masked with it can then no longer"
                + " be masked the same way here), nothing was imported");
      }
    }
    writes.add(() -> InstanceSecret.write(guiseHome, e.bytes()));
    lines.add(
        "replaced the instance secret (fingerprint "
            + current
            + (replace ? ", --replace" : ", no finished run used it")
            + ") with "
            + e);
  }

  /** The newest finished run (not a dry run) that used the instance secret {@code fp}. */
  private static Optional<JsonNode> finishedRunUsing(RunStore runs, String fp) {
    for (JsonNode rec : runs.list()) {
      JsonNode o = rec.path("options");
      if (!FINISHED.contains(rec.path("status").asText())
          || o.path("dry_run").asBoolean(false)
          || !o.path("instance_secret").asBoolean(true)) {
        continue;
      }
      String used = o.path("instance_secret_fingerprint").asText(null);
      if (used == null || used.equals(fp)) {
        return Optional.of(rec);
      }
    }
    return Optional.empty();
  }

  private static void writeNew(Path out, String shown, byte[] bytes) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.createFile(out, attrs); // 0600 before it holds a byte
      try {
        Files.write(out, bytes, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException half) {
        Files.deleteIfExists(out); // never leave half an export behind
        throw half;
      }
    } catch (FileAlreadyExistsException e) {
      throw new GuiseException(
          ErrorCode.USAGE,
          shown + " - already exists; give another --out or remove it (it is never overwritten)");
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.USAGE,
          shown + " - cannot write it (" + e.getClass().getSimpleName() + "); check the path");
    }
  }
}
