package dev.guise.run;

import dev.guise.db.ConnectionsFile;
import dev.guise.db.FileConnection;
import dev.guise.exec.Cancellation;
import dev.guise.exec.Checkpoints;
import dev.guise.exec.FileRoots;
import dev.guise.exec.FileRunners;
import dev.guise.exec.MaskingRun;
import dev.guise.exec.RunListener;
import dev.guise.exec.RunStatus;
import dev.guise.exec.TaskKinds;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.ruleset.MaskFileTask;
import dev.guise.ruleset.MaskTabularFileTask;
import dev.guise.ruleset.ParallelTask;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.SerialTask;
import dev.guise.ruleset.Task;
import dev.guise.runlog.CancelRequest;
import dev.guise.runlog.RunLog;
import dev.guise.runlog.RunRecorder;
import dev.guise.secret.RunKey;
import dev.guise.secret.RunSecret;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A file run: {@code --source} and {@code --target} are folders ({@code type: file} connections),
 * the ruleset holds only file tasks, and every selected file of the source is written, masked,
 * under the same relative path in the target. The source is only ever read. Everything is checked
 * before the run record is made; no database is opened.
 */
final class FileRun {
  /** The tasks a file run runs; serial and parallel blocks may hold them. */
  private static final Set<String> FILE_TASKS = Set.of(MaskTabularFileTask.TYPE, MaskFileTask.TYPE);

  private static final Set<String> BLOCKS = Set.of(SerialTask.TYPE, ParallelTask.TYPE);

  /** What a file run does with a target folder that holds files already. */
  static final Set<String> TARGET_MODES = Set.of("fail-if-not-empty", "truncate", "append");

  private FileRun() {}

  /** The problems of a ruleset for a file run (file runs) or a database run (not). */
  static List<Diagnostic> taskMix(Ruleset ruleset, boolean fileRun) {
    List<Diagnostic> out = new ArrayList<>();
    if (ruleset != null) {
      mix(ruleset.tasks(), fileRun, out);
    }
    return out;
  }

  private static void mix(List<Task> tasks, boolean fileRun, List<Diagnostic> out) {
    for (Task t : tasks) {
      if (BLOCKS.contains(t.type())) {
        mix(t.children(), fileRun, out);
      } else if (fileRun && !FILE_TASKS.contains(t.type())) {
        out.add(
            Diagnostic.error(
                "mixed-tasks",
                t.location(),
                "task '"
                    + t.type()
                    + "' works on a database, but --source and --target are file connections;"
                    + " a file run takes only mask_tabular_file and mask_file tasks, so put the"
                    + " database tasks in a ruleset of their own"));
      } else if (!fileRun && FILE_TASKS.contains(t.type())) {
        out.add(
            Diagnostic.error(
                "mixed-tasks",
                t.location(),
                "task '"
                    + t.type()
                    + "' masks files; run it with --source and --target file connections"
                    + " (type: file, path: FOLDER), in a ruleset without database tasks"));
      }
    }
  }

  /** Source and target folders, checked; null when any problem was added. */
  static FileRoots roots(
      ConnectionsFile.Result conns,
      Path connectionsFile,
      String source,
      String target,
      String mode,
      List<Diagnostic> problems) {
    problems.addAll(conns.diagnostics().list());
    FileConnection s = folder(conns, connectionsFile, source, "--source", problems);
    FileConnection t = folder(conns, connectionsFile, target, "--target", problems);
    if (!TARGET_MODES.contains(mode)) {
      problems.add(
          Diagnostic.error(
              "invalid-option",
              Location.of("--target-mode"),
              "'" + mode + "' is not a target mode; use fail-if-not-empty, truncate or append"));
    } else if (mode.equals("append")) {
      problems.add(
          Diagnostic.error(
              "invalid-option",
              Location.of("--target-mode"),
              "append adds rows to database tables; a file run writes whole files, so use"
                  + " truncate (replace files of the same name) or fail-if-not-empty"));
    }
    if (s == null || t == null || problems.stream().anyMatch(Diagnostic::isError)) {
      return null;
    }
    Path sp = s.path().toAbsolutePath().normalize();
    Path tp = t.path().toAbsolutePath().normalize();
    if (!Files.isDirectory(sp)) {
      problems.add(
          Diagnostic.error(
              "missing-folder",
              s.location(),
              "connection '" + source + "' - folder " + sp + " does not exist; check its path"));
    } else if (sp.equals(tp) || tp.startsWith(sp) || sp.startsWith(tp)) {
      problems.add(
          Diagnostic.error(
              "in-place",
              t.location(),
              "connection '"
                  + target
                  + "' - folder "
                  + tp
                  + " is or overlaps the source folder "
                  + sp
                  + "; Guise never masks files in place: give a folder outside the source"));
    } else if (Files.exists(tp) && !Files.isDirectory(tp)) {
      problems.add(
          Diagnostic.error(
              "missing-folder",
              t.location(),
              "connection '" + target + "' - " + tp + " is a file, not a folder"));
    } else if (mode.equals("fail-if-not-empty") && holdsFiles(tp)) {
      problems.add(
          Diagnostic.error(
              "target-not-empty",
              t.location(),
              "connection '"
                  + target
                  + "' - folder "
                  + tp
                  + " already holds files; empty it, or pass --target-mode truncate to replace"
                  + " files of the same name"));
    }
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return null;
    }
    return new FileRoots(source, sp, target, tp, mode.equals("truncate"));
  }

  private static FileConnection folder(
      ConnectionsFile.Result conns,
      Path file,
      String name,
      String option,
      List<Diagnostic> problems) {
    FileConnection c = conns.files().get(name);
    if (c == null && conns.diagnostics().list().stream().noneMatch(Diagnostic::isError)) {
      problems.add(
          Diagnostic.error(
              "unknown-connection",
              Location.of(file.toString()),
              option
                  + " "
                  + name
                  + (conns.connections().containsKey(name)
                      ? " - is a database connection; a file run needs both --source and"
                          + " --target to be file connections (type: file, path: FOLDER)"
                      : " - no file connection of that name"
                          + (conns.files().isEmpty()
                              ? "; add one with type: file and path: FOLDER"
                              : "; defined: " + String.join(", ", conns.files().keySet())))));
    }
    return c;
  }

  private static boolean holdsFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.anyMatch(Files::isRegularFile);
    } catch (IOException e) {
      return true; // unreadable: refuse rather than overwrite what cannot be seen
    }
  }

  /** Runs the checked file run; the record is made here. */
  static RunResult execute(
      RunRequest req,
      RulesetLoader.Result parsed,
      FileRoots roots,
      RunSecret secret,
      byte[] instance,
      com.fasterxml.jackson.databind.JsonNode resumed,
      Clock clock,
      List<Diagnostic> problems,
      Cancellation cancellation,
      RunObserver observer,
      RunAuditing audit) {
    Ruleset ruleset = parsed.ruleset();
    RunKey key = RunKey.derive(instance, secret.reveal());
    Map<String, Object> connection = new LinkedHashMap<>();
    connection.put("name", roots.sourceName());
    connection.put("file", req.connectionsFile().toAbsolutePath().toString());
    connection.put("type", "file");
    connection.put("path", roots.source().toString());
    connection.put(
        "target",
        Map.of("name", roots.targetName(), "type", "file", "path", roots.target().toString()));
    connection.put(
        "target_mode",
        resumed != null
            ? resumed.path("connection").path("target_mode").asText("fail-if-not-empty")
            : roots.replace() ? "truncate" : "fail-if-not-empty");
    return RecordedRun.start(
        req,
        ruleset,
        RunFingerprints.seeds(req.ruleset().seedsDir()),
        connection,
        RecordHeaders.options(
            req,
            secret,
            resumed,
            instance == null ? null : dev.guise.secret.InstanceSecret.fingerprint(instance),
            null),
        secret,
        resumed == null ? null : resumed.path("id").asText(),
        clock,
        observer,
        audit,
        (recorder, dir, o) -> {
          // 'guise runs cancel' from another process stops the run as Ctrl-C does
          try (CancelRequest.Watch remoteCancel =
              RecordedRun.remoteCancel(recorder, dir, cancellation)) {
            return body(req, parsed, roots, key, clock, problems, cancellation, o, recorder);
          }
        });
  }

  private static RunResult body(
      RunRequest req,
      RulesetLoader.Result parsed,
      FileRoots roots,
      RunKey key,
      Clock clock,
      List<Diagnostic> problems,
      Cancellation cancellation,
      RunObserver o,
      RunRecorder recorder) {
    Ruleset ruleset = parsed.ruleset();
    String id = recorder.snapshot().id();
    recorder.log(
        RunLog.INFO,
        "run " + id + " created",
        Map.of(
            "ruleset",
            ruleset.file(),
            "source",
            roots.sourceName(),
            "target",
            roots.targetName(),
            "run_secret_fingerprint",
            recorder.snapshot().options().get("run_secret_fingerprint"),
            "dry_run",
            req.options().dryRun()));
    // file tasks plan without a schema: their columns are each file's own
    Planner.Result plan =
        Planner.plan(
            ruleset,
            parsed.pipelines(),
            name -> java.util.Optional.empty(),
            TaskKinds.BUILT_IN.planners());
    List<Diagnostic> all = new ArrayList<>(problems);
    all.addAll(plan.diagnostics().list());
    for (Diagnostic d : all) {
      recorder.log(
          d.isError() ? RunLog.ERROR : RunLog.WARNING, d.toString(), Map.of("code", d.code()));
    }
    if (plan.root() == null) {
      recorder.failed("validation failed; nothing was touched", clock.instant());
      return new RunResult(all, recorder.snapshot(), null, null);
    }
    o.executing(all);
    RunStatus status;
    try {
      MaskingRun run =
          new MaskingRun(
              null,
              plan.root(),
              key,
              req.options(),
              RunListener.all(recorder, o),
              cancellation,
              clock,
              FileRunners.bound(TaskKinds.BUILT_IN.runners(), roots),
              Checkpoints.none());
      status = run.execute(all.stream().anyMatch(d -> !d.isError()));
    } finally {
      o.executed();
    }
    return new RunResult(all, recorder.snapshot(), null, status);
  }
}
