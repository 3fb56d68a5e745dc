package dev.guise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.discovery.StoredReport;
import dev.guise.runlog.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise runs report RUN_ID}: the discovery reports a run's tasks wrote. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Prints or exports the reports a run's tasks wrote into its folder, as run.json links them: run_schema_discovery's schema-report.json, run_data_discovery's sdd-report.csv, and the file tasks' file-report.csv (one row per file: path, size, type, rows, status, skip reason).",
      "",
      "Exit 3 when the run is unknown, wrote no reports, or none of --kind."
    },
    footer = {
      "%nExamples:",
      "  guise runs report 20261125T101500-1a2b3c",
      "  guise runs report 20261125T101500-1a2b3c --kind sdd --format html -o sdd.html",
      ExitCodes.HELP
    })
final class RunsReportCommand implements Callable<Integer> {
  /** Which report. */
  enum Kind {
    sdd,
    schema,
    files
  }

  private final CliEnvironment env;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_ID", description = "Run id (a unique prefix is enough).")
  String id;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only this report: ${COMPLETION-CANDIDATES}. Default: every report of the run.")
  Kind kind;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  DiscoverCommand.Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout.")
  Path output;

  @Mixin RunsDirOption runs;

  RunsReportCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    RunStore store = runs.store(env);
    Path folder;
    try {
      folder = store.folder(id);
    } catch (GuiseException e) {
      throw new GuiseException(ErrorCode.INVALID_CONFIGURATION, e.getMessage(), e);
    }
    JsonNode record = store.show(folder.getFileName().toString());
    List<JsonNode> links = new ArrayList<>();
    for (JsonNode l : record.path("reports")) {
      if (kind == null || kind.name().equals(l.path("kind").asText())) {
        links.add(l);
      }
    }
    if (links.isEmpty()) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "run '"
              + record.path("id").asText()
              + "' - wrote no "
              + (kind == null ? "" : kind + " ")
              + "report; a ruleset's run_schema_discovery, run_data_discovery or file task writes one");
    }
    if (links.size() > 1 && format != DiscoverCommand.Format.text) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "run '"
              + record.path("id").asText()
              + "' - has "
              + links.size()
              + " reports"
              + (kind == null ? "; pick one with --kind sdd or --kind schema" : " of that kind")
              + " (one "
              + format
              + " file holds one report; --format text shows them all)");
    }
    List<StoredReport> reports = new ArrayList<>();
    for (JsonNode l : links) {
      reports.add(read(folder, l));
    }
    if (ReportOutput.write(
        env, output, spec.commandLine().getOut(), w -> write(reports, record, w))) {
      spec.commandLine().getErr().println("wrote " + output);
      spec.commandLine().getErr().flush();
    }
    return ExitCodes.OK;
  }

  private static StoredReport read(Path folder, JsonNode link) {
    String file = link.path("file").asText();
    Path p = folder.resolve(file).normalize();
    try {
      if (!p.getParent().equals(folder.normalize())) {
        throw new IOException("not in the run's folder");
      }
      return StoredReport.parse(
          link.path("kind").asText(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          p
              + " - cannot read the report the run record links ("
              + e.getClass().getSimpleName()
              + "); the run folder was changed by hand");
    }
  }

  private void write(List<StoredReport> reports, JsonNode record, PrintWriter w)
      throws IOException {
    for (int i = 0; i < reports.size(); i++) {
      StoredReport r = reports.get(i);
      String title =
          "Guise "
              + (r.kind().equals("files")
                  ? "file masking"
                  : (r.kind().equals("sdd") ? "sensitive data" : "schema") + " discovery")
              + ": run "
              + record.path("id").asText();
      if (reports.size() > 1) {
        w.println((i == 0 ? "" : "\n") + "== " + title + " ==");
      }
      switch (format) {
        case text -> r.text(w);
        case csv -> r.csv(w);
        case json -> r.json(w);
        case html -> r.html(title, w);
      }
    }
    w.flush();
  }
}
