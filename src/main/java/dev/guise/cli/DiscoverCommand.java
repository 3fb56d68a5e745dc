package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.discovery.CoverageCheck;
import dev.guise.discovery.DiscoveryReport;
import dev.guise.discovery.DiscoveryRules;
import dev.guise.discovery.DiscoveryRun;
import dev.guise.discovery.Finding;
import dev.guise.discovery.HtmlReport;
import dev.guise.discovery.ReportRows;
import dev.guise.discovery.RulesetGenerator;
import dev.guise.discovery.Selection;
import dev.guise.discovery.TextReport;
import dev.guise.run.CheckRequest;
import dev.guise.run.CheckResult;
import dev.guise.run.RulesetSource;
import dev.guise.runlog.Json;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code guise discover}: schema and sensitive-data discovery, coverage, ruleset generation. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every table and column of a connection's schema (types, keys, indexes, foreign keys, row estimates) in a few catalog queries, flags the sensitive columns by their names (built-in keyword rules) and by a sample of their values (validating patterns), and says why for each. Read-only; sampled values are never printed or written.",
      "",
      "With --ruleset it tells, for every sensitive column, the rule that masks it (and whether a where, skip or if leaves rows unmasked) or that none does; --fail-on-uncovered then exits 8 when any is not covered. --generate-ruleset writes a ruleset that masks them."
    },
    footer = {
      "%nExamples:",
      "  guise discover -c staging",
      "  guise discover -c staging --format html --output discovery.html",
      "  guise discover -c staging --ruleset ruleset.yml --fail-on-uncovered",
      "  guise discover -c staging --format csv --output sdd-report.csv",
      "  guise discover -c staging --generate-ruleset generated.yml --select sdd-report.csv",
      ExitCodes.HELP
    })
final class DiscoverCommand implements Callable<Integer> {
  /** Report formats. */
  enum Format {
    text,
    json,
    csv,
    html
  }

  private final CliEnvironment env;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connections;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "NAME",
      required = true,
      description = "The connection to discover.")
  String connection;

  @Option(
      names = "--schema",
      paramLabel = "S",
      description =
          "Schema (MySQL/MariaDB: database) to read; repeatable. Default: the connection's schema.")
  List<String> schemas = new ArrayList<>();

  @Option(
      names = "--tables",
      paramLabel = "GLOB",
      description = "Only tables whose name (or schema.table) matches; * and ?; repeatable.")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--sample-rows",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Rows sampled per table for the data rules (0: every row, a full scan). Default: ${DEFAULT-VALUE}.")
  int sampleRows;

  @Option(names = "--no-data", description = "Names only: sample no rows.")
  boolean noData;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Your discovery rules: added rules, ignored rules or columns, builtin_rules: false (see docs/discovery.md).")
  Path rules;

  @Option(
      names = "--ruleset",
      paramLabel = "R",
      description = "Report which rule masks each sensitive column.")
  Path ruleset;

  @Option(
      names = "--fail-on-uncovered",
      description = "Exit 8 when a sensitive column is not covered by --ruleset.")
  boolean failOnUncovered;

  @Option(
      names = "--generate-ruleset",
      paramLabel = "FILE",
      description = "Write a ruleset masking the sensitive columns.")
  Path generate;

  @Option(
      names = "--select",
      paramLabel = "FILE",
      description =
          "With --generate-ruleset: only these columns (an edited sdd-report.csv's Selected column, or schema.table.column lines).")
  Path select;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  Path output;

  @Mixin VerbosityOptions verbosity;

  DiscoverCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (failOnUncovered && ruleset == null) {
      err.println("error: --fail-on-uncovered - needs --ruleset R to check coverage against");
      err.flush();
      return ExitCodes.USAGE;
    }
    if (select != null && generate == null) {
      err.println("error: --select - chooses columns for --generate-ruleset FILE; add it");
      err.flush();
      return ExitCodes.USAGE;
    }
    if (sampleRows < 0) {
      err.println("error: --sample-rows - must be 0 (every row) or more, not " + sampleRows);
      err.flush();
      return ExitCodes.USAGE;
    }
    Workspace ws = new Workspace(env);
    List<Diagnostic> problems = new ArrayList<>();
    ConnectionConfig config = ws.connection(connections, connection, problems);
    Diagnostics d = new Diagnostics();
    DiscoveryRules discoveryRules =
        rules == null
            ? DiscoveryRules.builtin()
            : DiscoveryRules.load(env.workingDir().resolve(rules), rules.toString(), d);
    CheckResult checked = null;
    if (ruleset != null) {
      checked =
          ws.service()
              .validate(
                  new CheckRequest(
                      new RulesetSource(
                          env.workingDir().resolve(ruleset), ruleset.toString(), null),
                      ws.connectionsFile(connections),
                      null));
      problems.addAll(checked.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    Map<String, Location> chosen =
        select == null
            ? null
            : Selection.read(env.workingDir().resolve(select), select.toString(), d);
    problems.addAll(d.list());
    if (config == null || problems.stream().anyMatch(Diagnostic::isError)) {
      Workspace.print(problems, err);
      return ExitCodes.INVALID;
    }
    DiscoveryRun.Result result =
        new DiscoveryRun(
                schemas,
                tables,
                noData ? -1 : sampleRows,
                discoveryRules,
                LocalDate.now(env.clock()))
            .run(config);
    DiscoveryReport report = result.report();
    if (report.tables().isEmpty()) {
      err.println(
          "warning: "
              + connection
              + " - no tables found in "
              + (schemas.isEmpty()
                  ? "schema " + result.defaultSchema()
                  : "schemas " + String.join(", ", schemas))
              + (tables.isEmpty() ? "" : " matching " + String.join(", ", tables))
              + "; check --schema and --tables (schema names are exact, e.g. PUBLIC on H2)");
      err.flush();
    }
    if (checked != null) {
      report =
          report.withCoverage(CoverageCheck.of(report, checked.ruleset(), result.defaultSchema()));
    }
    writeReport(report);
    if (generate != null && !generate(report, result.defaultSchema(), chosen, err)) {
      return ExitCodes.INVALID;
    }
    if (failOnUncovered && report.uncovered() > 0) {
      List<String> names =
          report.coverage().stream()
              .filter(c -> !c.covered())
              .map(c -> c.finding().qualifiedName())
              .toList();
      err.println(
          "error: "
              + ruleset
              + " - "
              + names.size()
              + (names.size() == 1 ? " sensitive column is" : " sensitive columns are")
              + " not masked by any rule: "
              + String.join(", ", names)
              + "; add rules for them (guise discover --generate-ruleset FILE --select ... writes some) or ignore them in --rules");
      err.flush();
      return ExitCodes.COVERAGE_GAP;
    }
    return ExitCodes.OK;
  }

  /** Streams the report to stdout or --output: large schemas are never held as one string. */
  private void writeReport(DiscoveryReport report) throws IOException {
    if (ReportOutput.write(env, output, spec.commandLine().getOut(), w -> render(report, w))
        && !verbosity.quiet) {
      spec.commandLine().getErr().println("wrote " + output);
      spec.commandLine().getErr().flush();
    }
  }

  private void render(DiscoveryReport report, PrintWriter w) throws IOException {
    switch (format) {
      case text -> TextReport.write(report, w);
      case json -> {
        Json.MAPPER
            .writerWithDefaultPrettyPrinter()
            .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValue(w, ReportRows.json(report));
        w.println();
      }
      case csv -> ReportRows.csv(report, w);
      case html -> HtmlReport.write(report, "Guise discovery: " + connection, w);
    }
    w.flush();
  }

  private void write(Path file, String text) {
    try {
      Files.writeString(env.workingDir().resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          file
              + " - cannot write it ("
              + e.getClass().getSimpleName()
              + "); check the folder exists and is writable",
          e);
    }
  }

  private boolean generate(
      DiscoveryReport report, String defaultSchema, Map<String, Location> chosen, PrintWriter err) {
    Set<String> selected = null;
    if (chosen != null) {
      Diagnostics d = new Diagnostics();
      List<Finding> added = new ArrayList<>();
      selected = Selection.resolve(chosen, report, defaultSchema, added, d);
      if (selected == null) {
        Workspace.print(d.list(), err);
        return false;
      }
      report = report.withMoreFindings(added);
    }
    RulesetGenerator.Generated g =
        RulesetGenerator.generate(
            report,
            selected,
            defaultSchema,
            "Generated by 'guise discover -c "
                + connection
                + "' on "
                + LocalDate.now(env.clock())
                + ".\nEach rule says why its column was flagged and why its mask was chosen; review before use.");
    write(generate, g.yaml());
    if (!verbosity.quiet) {
      err.println(
          "wrote " + generate + ": " + g.tables() + " mask_table tasks, " + g.rules() + " rules");
      g.leftOut().forEach(l -> err.println("left out: " + l));
      err.flush();
    }
    return true;
  }
}
