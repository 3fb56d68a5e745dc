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
import dev.guise.secret.TokenKeys;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
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
  private final TokenKeys keys;
  private final Clock clock;

  /**
   * @param keys the token key store that export reads and import writes
   */
  public SecretsTransfer(Path guiseHome, AuditLog audit, TokenKeys keys, Clock clock) {
    this.guiseHome = guiseHome;
    this.audit = audit;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Writes the secrets to {@code out} (mode 0600, created new: an existing file is never
   * overwritten) and returns what it wrote, one line each: the instance secret and the token keys
   * named in {@code keyNames}, or every key of the store when it is empty.
   *
   * @param shown the file as the user named it
   */
  public List<String> export(Path out, String shown, char[] passphrase, List<String> keyNames) {
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
      List<Entry> entries = new ArrayList<>(List.of(e));
      entries.addAll(keys.exportEntries(keyNames));
      byte[] file = SecretsDocument.seal(entries, passphrase, SecretsDocument.Cost.standard());
      writeNew(out, shown, file);
      Arrays.fill(instance, (byte) 0);
      entries.forEach(x -> Arrays.fill(x.bytes(), (byte) 0));
      List<String> lines = new ArrayList<>();
      if (!had) {
        lines.add("created this installation's instance secret (there was none yet)");
      }
      for (Entry x : entries) {
        lines.add("exported " + x + " to " + shown);
      }
      if (entries.size() == 1) {
        lines.add("no token keys exported (there are none in " + keys.where() + ")");
      }
      audit.append(
          AuditEvent.SECRETS_EXPORTED,
          "exported",
          about,
          String.join(", ", entries.stream().map(Entry::toString).toList()) + " to " + shown);
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
   * as having used it). A {@code token_key} entry goes into the key store; another key of that name
   * there is replaced only with {@code replace} (its tokens could no longer be re-identified
   * otherwise), the same key is left as it is.
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
        if (SecretsDocument.TOKEN_KEY.equals(e.kind())) {
          planTokenKey(e, shown, replace, writes, lines);
          continue;
        }
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

  private void planTokenKey(
      Entry e, String shown, boolean replace, List<Runnable> writes, List<String> lines) {
    TokenKeys.Presence here = keys.imported(e, shown);
    String name = e.name();
    if (here == TokenKeys.Presence.SAME) {
      lines.add(e + ": already in " + keys.storedAt(name) + ", nothing to do");
    } else if (here == TokenKeys.Presence.DIFFERENT && !replace) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          keys.storedAt(name)
              + " - this installation has another token key '"
              + name
              + "' (the file's has fingerprint "
              + e.fingerprint()
              + "); pass --replace to replace it (tokens made here with the old key can then no"
              + " longer be re-identified; it is kept as a .replaced- file), nothing was imported");
    } else {
      writes.add(() -> keys.put(e, clock.instant()));
      lines.add(
          (here == TokenKeys.Presence.DIFFERENT
                  ? "replaced token key '"
                      + name
                      + "' (--replace; the old one is kept beside it) with "
                  : "imported ")
              + e
              + " into "
              + keys.storedAt(name));
    }
    if (keys.shadowedByEnv(name)) {
      lines.add(
          "note: "
              + TokenKeys.envName(name)
              + " is set and is used before "
              + keys.storedAt(name)
              + "; unset it to use the imported key");
    }
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
