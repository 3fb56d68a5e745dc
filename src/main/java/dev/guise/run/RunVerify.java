package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.exec.Survivors;
import dev.guise.runlog.FingerprintFiles;
import dev.guise.runlog.RunStore;
import dev.guise.secret.InstanceSecret;
import dev.guise.secret.RunKey;
import dev.guise.secret.RunSecret;
import dev.guise.yaml.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code guise verify}: reads the columns a run masked back from the database and counts the values
 * that still equal an original of their column, by the fingerprints the run kept. A column whose
 * mask promised to change every value fails when any value equals its own row's original.
 */
public final class RunVerify {
  private static final int BATCH = 5_000;

  private final Function<String, String> environment;
  private final Path guiseHome;

  public RunVerify(Function<String, String> environment, Path guiseHome) {
    this.environment = environment;
    this.guiseHome = guiseHome;
  }

  /**
   * One column's result.
   *
   * @param alwaysChanges its mask promised to change every value
   * @param fails a survivor in its own row where the mask promised a change
   */
  public record ColumnResult(
      String table,
      String column,
      boolean alwaysChanges,
      long originals,
      long values,
      long sameRow,
      long anyRow) {
    public boolean fails() {
      return alwaysChanges && sameRow > 0;
    }
  }

  /** The run verified, and its columns in task order. */
  public record Result(String runId, List<ColumnResult> columns) {
    public boolean fails() {
      return columns.stream().anyMatch(ColumnResult::fails);
    }
  }

  /**
   * @param runSecretFile the run's secret in a file, else {@code GUISE_RUN_SECRET}
   */
  public Result verify(
      RunStore store, String runId, Path connections, String connection, Path runSecretFile) {
    JsonNode record = store.show(runId);
    String id = record.path("id").asText();
    FingerprintFiles prints = new FingerprintFiles(RunChain.first(store, record));
    if (!prints.exist()) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "run '"
              + id
              + "' - keeps no fingerprints (a dry run, a run before 'guise verify', or deleted"
              + " with --delete-fingerprints); nothing to verify");
    }
    RunKey key = key(record, id, runSecretFile);
    List<Diagnostic> problems = new ArrayList<>();
    ConnectionConfig conn =
        new RunService(environment, java.time.Clock.systemUTC(), guiseHome)
            .connection(connections, connection, problems);
    if (conn == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          problems.stream().filter(Diagnostic::isError).findFirst().orElseThrow().toString());
    }
    List<ColumnResult> out = new ArrayList<>();
    Path work = workFolder(prints);
    try (ConnectionPool pool = ConnectionPool.open(conn, 1, true)) {
      for (FingerprintFiles.TaskPrints t : prints.tasks()) {
        out.addAll(task(pool, key, prints, t, work));
      }
    } finally {
      deleteQuietly(work);
    }
    return new Result(id, out);
  }

  /** Deletes the fingerprints of a run (and of the runs that resumed it: they share them). */
  public static boolean deleteFingerprints(RunStore store, String runId) {
    return new FingerprintFiles(RunChain.first(store, store.show(runId))).delete();
  }

  private static List<ColumnResult> task(
      ConnectionPool pool,
      RunKey key,
      FingerprintFiles prints,
      FingerprintFiles.TaskPrints t,
      Path work) {
    List<FingerprintFiles.Lookup> open = new ArrayList<>();
    try {
      List<Survivors.ColumnLookup> lookups = new ArrayList<>();
      long[] originals = new long[t.columns().size()];
      for (int i = 0; i < t.columns().size(); i++) {
        List<Survivors.Prints> versions = new ArrayList<>();
        for (int version : t.versions()) {
          FingerprintFiles.Lookup same = prints.lookup(t, i, true, version, work);
          open.add(same);
          FingerprintFiles.Lookup any = prints.lookup(t, i, false, version, work);
          open.add(any);
          originals[i] += same.size();
          versions.add(new Survivors.Prints(version, same::contains, any::contains));
        }
        lookups.add(new Survivors.ColumnLookup(t.columns().get(i).name(), versions));
      }
      List<Survivors.ColumnCount> counts;
      try {
        counts = Survivors.count(pool, key, t.table(), t.key(), lookups, BATCH);
      } catch (GuiseException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new GuiseException(ErrorCode.DATABASE, e.getMessage(), e);
      }
      List<ColumnResult> out = new ArrayList<>();
      for (int i = 0; i < counts.size(); i++) {
        Survivors.ColumnCount c = counts.get(i);
        out.add(
            new ColumnResult(
                t.table(),
                c.column(),
                t.columns().get(i).alwaysChanges(),
                originals[i],
                c.values(),
                c.sameRow(),
                c.anyRow()));
      }
      return out;
    } finally {
      open.forEach(FingerprintFiles.Lookup::close);
    }
  }

  private RunKey key(JsonNode record, String id, Path runSecretFile) {
    RunSecret secret;
    if (runSecretFile != null) {
      secret = RunSecret.fromFile(runSecretFile);
    } else if (environment.apply(RunSecret.ENV) != null) {
      secret = RunSecret.of(environment.apply(RunSecret.ENV), RunSecret.ENV);
    } else {
      throw new GuiseException(
          ErrorCode.USAGE,
          "run '"
              + id
              + "' - verify needs the run's secret; set "
              + RunSecret.ENV
              + " or pass --run-secret-file");
    }
    JsonNode o = record.path("options");
    String recorded = o.path("run_secret_fingerprint").asText();
    if (!recorded.isEmpty() && !recorded.equals(secret.fingerprint())) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "run '"
              + id
              + "' - the run secret given is not the one the run used (fingerprint "
              + secret.fingerprint()
              + ", the run's "
              + recorded
              + "); pass the run's own secret");
    }
    byte[] instance =
        o.path("instance_secret").asBoolean(true) ? InstanceSecret.loadOrCreate(guiseHome) : null;
    return RunKey.derive(instance, secret.reveal());
  }

  private static Path workFolder(FingerprintFiles prints) {
    try {
      return Files.createTempDirectory(prints.root(), "verify-");
    } catch (IOException e) {
      throw new UncheckedIOException(prints.root() + " - cannot write", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder holds only fingerprints, as the folder beside it
    }
  }
}
