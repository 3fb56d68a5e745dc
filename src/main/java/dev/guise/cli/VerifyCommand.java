package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.run.RunVerify;
import dev.guise.runlog.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise verify RUN_ID -c CONNECTION}: how many original values survived a run. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Reads back every column a run masked and counts, per column, the values that still equal an"
          + " original of that column: in the same row, and in any row. The run kept keyed"
          + " fingerprints of the originals (HMAC under the run key, 8 bytes; never the values), so"
          + " verify needs the run's secret (GUISE_RUN_SECRET or --run-secret-file). Read-only.",
      "",
      "Exits 8 when a column whose mask promises a different value (imitate with force_change,"
          + " credit_card, from_file, imitate_unique) holds a value equal to its own row's"
          + " original. Values equal to another row's original are counted, never a failure.",
      "",
      "--delete-fingerprints removes the run's fingerprints (after verifying, with -c)."
    },
    footer = {
      "%nExamples:",
      "  GUISE_RUN_SECRET=... guise verify 20261125T101500-1a2b3c -c staging",
      "  guise verify 20261125T101500-1a2b3c --delete-fingerprints"
    })
final class VerifyCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connections;
  @Mixin RunsDirOption runs;

  @Parameters(paramLabel = "RUN_ID", description = "Run id (a unique prefix is enough).")
  String id;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "NAME",
      description = "The connection the run masked.")
  String connection;

  @Option(
      names = "--run-secret-file",
      paramLabel = "FILE",
      description = "Read the run's secret from FILE.")
  Path runSecretFile;

  @Option(names = "--delete-fingerprints", description = "Remove the run's fingerprints.")
  boolean deleteFingerprints;

  VerifyCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (connection == null && !deleteFingerprints) {
      throw new GuiseException(
          ErrorCode.USAGE, "verify - name the connection the run masked with -c CONNECTION");
    }
    RunStore store = runs.store(env);
    Workspace ws = new Workspace(env);
    RunVerify.Result result = null;
    if (connection != null) {
      result =
          new RunVerify(env::get, env.guiseHome())
              .verify(
                  store,
                  id,
                  ws.connectionsFile(connections),
                  connection,
                  runSecretFile == null ? null : env.workingDir().resolve(runSecretFile));
    }
    boolean deleted = deleteFingerprints && RunVerify.deleteFingerprints(store, id);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("run_id", result == null ? id : result.runId());
      if (result != null) {
        doc.put("columns", json(result));
        doc.put("survivors_where_change_promised", result.fails());
      }
      if (deleteFingerprints) {
        doc.put("fingerprints_deleted", deleted);
      }
      Workspace.printJson(doc, out);
    } else {
      if (result != null) {
        print(result, out);
      }
      if (deleteFingerprints) {
        out.println(deleted ? "fingerprints deleted" : "no fingerprints to delete");
      }
      out.flush();
    }
    return result != null && result.fails() ? ExitCodes.COVERAGE_GAP : ExitCodes.OK;
  }

  private static List<Map<String, Object>> json(RunVerify.Result r) {
    List<Map<String, Object>> cols = new ArrayList<>();
    for (RunVerify.ColumnResult c : r.columns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", c.table());
      m.put("column", c.column());
      m.put("change_promised", c.alwaysChanges());
      m.put("originals", c.originals());
      m.put("values_read", c.values());
      m.put("same_row", c.sameRow());
      m.put("any_row", c.anyRow());
      m.put("fails", c.fails());
      cols.add(m);
    }
    return cols;
  }

  private static void print(RunVerify.Result r, PrintWriter out) {
    out.println("Run " + r.runId() + ": values still equal to an original of their column");
    out.printf("  %-40s %10s %10s %10s  %s%n", "column", "read", "same row", "any row", "");
    for (RunVerify.ColumnResult c : r.columns()) {
      String verdict =
          c.fails() ? "FAIL: the mask promised a change" : c.alwaysChanges() ? "ok" : "";
      out.printf(
          "  %-40s %10d %10d %10d  %s%n",
          c.table() + "." + c.column(), c.values(), c.sameRow(), c.anyRow(), verdict);
    }
    out.println(
        r.fails()
            ? "Original values survived where the mask promised a change (exit 8)."
            : "No original survived in its own row where a mask promised a change.");
  }
}
