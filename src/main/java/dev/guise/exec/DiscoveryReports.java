package dev.guise.exec;

import dev.guise.discovery.CoverageCheck;
import dev.guise.discovery.DiscoveryReport;
import dev.guise.discovery.DiscoveryRules;
import dev.guise.discovery.DiscoveryRun;
import dev.guise.discovery.ReportRows;
import dev.guise.plan.Step;
import dev.guise.ruleset.Ruleset;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * What the discovery tasks share: discovery over one of the run's connections (it only reads, so it
 * runs in a dry run too), then the report handed to the recorder as an event.
 */
final class DiscoveryReports {
  static final String SCHEMA = "schema";
  static final String SDD = "sdd";

  private DiscoveryReports() {}

  /**
   * @param rules null for schema discovery alone
   * @param ruleset the ruleset whose coverage the report tells, or null
   */
  static RunStatus run(
      Step step,
      List<String> schemas,
      int sampleRows,
      DiscoveryRules rules,
      Ruleset ruleset,
      StepContext ctx) {
    ctx.events().on(new RunEvent.TaskStarted(step.id(), step.describe(), -1));
    DiscoveryRun.Result result;
    try (Connection c = ctx.pool().connection()) {
      try {
        result =
            new DiscoveryRun(schemas, List.of(), sampleRows, rules, LocalDate.now(ctx.clock()))
                .run(c, ctx.pool().dialect(), ctx.pool().config().schema());
      } finally {
        if (!c.getAutoCommit()) {
          c.rollback(); // the samples' reads hold no lock past the task
        }
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(step.describe() + " (" + step.task().location() + ")", e);
    }
    DiscoveryReport report = result.report();
    if (report.tables().isEmpty()) {
      ctx.events()
          .on(
              new RunEvent.Warning(
                  step.id(),
                  step.task().location()
                      + " - "
                      + step.task().type()
                      + " found no tables in "
                      + (schemas.isEmpty() ? "the connection's schema" : String.join(", ", schemas))
                      + "; check 'schemas' (names are exact, e.g. PUBLIC on H2)"));
    }
    if (rules == null) {
      ctx.events()
          .on(
              new RunEvent.Report(
                  step.id(), SCHEMA, "schema-report.json", ReportRows.schemaJson(report)));
      ctx.events()
          .on(
              new RunEvent.Note(
                  step.id(),
                  "schema discovery: "
                      + report.tables().size()
                      + " tables, "
                      + report.columnCount()
                      + " columns"));
      return RunStatus.FINISHED;
    }
    if (ruleset != null) {
      report = report.withCoverage(CoverageCheck.of(report, ruleset, result.defaultSchema()));
    }
    StringWriter csv = new StringWriter();
    try {
      ReportRows.csv(report, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    ctx.events().on(new RunEvent.Report(step.id(), SDD, "sdd-report.csv", csv.toString()));
    ctx.events()
        .on(
            new RunEvent.Note(
                step.id(),
                "data discovery: "
                    + report.findings().size()
                    + " sensitive columns of "
                    + report.columnCount()
                    + (ruleset == null ? "" : ", " + report.uncovered() + " not covered")));
    return RunStatus.FINISHED;
  }
}
