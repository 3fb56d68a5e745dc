package dev.guise.runlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.exec.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The runs directory: one folder per run holding run.json and log.jsonl. */
public final class RunStore {
  public static final String RECORD = "run.json";
  public static final String LOG = "log.jsonl";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

  private final Path dir;

  public RunStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** A sortable unique id: UTC start time then 6 random hex digits. */
  public static String newId(Instant now) {
    byte[] b = new byte[3];
    new SecureRandom().nextBytes(b);
    return ID_TIME.format(now) + "-" + HexFormat.of().formatHex(b);
  }

  public Path create(String id) {
    Path p = dir.resolve(id);
    try {
      if (!Files.isDirectory(dir)) {
        OwnerOnly.directory(dir);
      }
      return OwnerOnly.directory(p);
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          dir
              + " - cannot create the run directory ("
              + e.getClass().getSimpleName()
              + "); check permissions or pass --runs-dir");
    }
  }

  /** Writes run.json atomically (temp file then rename) so readers never see half a record. */
  public void write(RunRecord record) {
    replace(dir.resolve(record.id()), record);
  }

  /**
   * Rewrites a record's status as {@code interrupted} (a repaired run), atomically as {@link
   * #write} does; the status it said is kept as {@code recorded_status}.
   */
  public void markInterrupted(String id) {
    JsonNode rec = show(id);
    ObjectNode o = rec.deepCopy();
    o.put("recorded_status", rec.path("status").asText());
    o.put("status", RunStatus.INTERRUPTED.json());
    replace(folder(id), o);
  }

  private static void replace(Path folder, Object record) {
    Path tmp = folder.resolve(RECORD + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      OwnerOnly.file(tmp);
      Files.writeString(
          tmp,
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record) + "\n",
          StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp,
            folder.resolve(RECORD),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, folder.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a report into a run's folder, readable by its owner only, atomically as {@link #write}
   * does.
   *
   * @param file a plain file name, e.g. {@code sdd-report.csv}
   */
  public void writeReport(String id, String file, String text) {
    Path folder = dir.resolve(id);
    Path tmp = folder.resolve(file + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      OwnerOnly.file(tmp);
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          folder.resolve(file)
              + " - cannot write the report ("
              + e.getClass().getSimpleName()
              + "); check the runs directory is writable");
    }
  }

  /** Run records, newest first. */
  public List<JsonNode> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Path rec = p.resolve(RECORD);
        if (Files.isRegularFile(rec)) {
          try {
            out.add(Json.MAPPER.readTree(rec.toFile()));
          } catch (IOException unreadable) {
            // a run directory being created right now, or damaged: skip it in listings
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public JsonNode show(String id) {
    Path rec = folder(id).resolve(RECORD);
    try {
      return Json.MAPPER.readTree(rec.toFile());
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION, rec + " - cannot read the run record");
    }
  }

  /** The folder of a run by id, or a unique prefix of one. */
  public Path folder(String id) {
    Path exact = dir.resolve(id);
    if (!id.contains("/") && !id.contains("\\") && Files.isDirectory(exact)) {
      return exact;
    }
    List<Path> matches = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().startsWith(id)).forEach(matches::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (matches.size() != 1) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "run '"
              + id
              + "' - "
              + (matches.isEmpty() ? "no such run in " + dir : "ambiguous id prefix")
              + "; see 'guise runs list'");
    }
    return matches.get(0);
  }
}
