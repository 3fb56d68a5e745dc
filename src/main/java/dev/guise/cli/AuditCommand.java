package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.runlog.AuditEntry;
import dev.guise.runlog.AuditLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guise audit}: lists the audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the audit log, $GUISE_HOME/audit.jsonl, oldest first.",
      "",
      "Every run (started, then finished, failed or cancelled), every 'guise validate' and every 'guise runs cancel' appends one line: time (UTC), event, outcome, OS user, host, command, connection name, ruleset path and SHA-256, and run id. Never a secret, a password or a value from the data. The file is append-only, mode 0600 (set back to 0600, with a warning, when found readable by others); lines of concurrent processes never mix."
    },
    footer = {
      "%nExamples:",
      "  guise audit",
      "  guise audit --since 24h",
      "  guise audit --since 2026-01-01 --format csv > audit.csv",
      "  guise audit --since 2026-01-01T08:00:00Z --format json",
      ExitCodes.HELP
    })
final class AuditCommand implements Callable<Integer> {
  /** Output formats of this command (csv is its own). */
  enum Format {
    text,
    json,
    csv
  }

  private static final Pattern RELATIVE = Pattern.compile("(\\d+)([smhd])");

  private final CliEnvironment env;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "T",
      description =
          "Only entries at or after T: an instant (2026-01-01T08:00:00Z), a date or date-time in UTC (2026-01-01, 2026-01-01T08:00), or an age (90m, 24h, 7d).")
  String since;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces of errors.")
  boolean verbose;

  AuditCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AuditLog log = new Workspace(env).audit(err);
    AuditLog.Read read = log.read(since == null ? null : parseSince(since));
    if (read.unreadableLines() > 0) {
      err.println(
          "warning: "
              + log.file()
              + " - "
              + read.unreadableLines()
              + " line(s) are not audit entries and were skipped");
      err.flush();
    }
    List<AuditEntry> entries = read.entries();
    switch (format) {
      case json -> Workspace.printJson(entries, out);
      case csv -> csv(entries, out);
      default -> text(entries, out);
    }
    return ExitCodes.OK;
  }

  private Instant parseSince(String t) {
    Matcher m = RELATIVE.matcher(t.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return env.clock().instant().minus(d);
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException notOffset) {
      // a date or a date-time without an offset: UTC, as the log writes
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notDateTime) {
      // try a plain date
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "--since '"
              + t
              + "' - not a time; give 2026-01-01, 2026-01-01T08:00, 2026-01-01T08:00:00Z or an age such as 24h or 7d");
    }
  }

  private static void text(List<AuditEntry> entries, PrintWriter out) {
    if (entries.isEmpty()) {
      out.println("No audit entries.");
    }
    for (AuditEntry e : entries) {
      out.printf(
          "%-24s %-16s %-22s %-20s %-12s %-12s %-25s %s%s%n",
          e.time(),
          e.event(),
          orDash(e.outcome()),
          orDash(e.user()) + "@" + orDash(e.host()),
          orDash(e.command()),
          orDash(e.connection()),
          orDash(e.runId()),
          orDash(e.ruleset()),
          e.rulesetSha256() == null ? "" : " sha256:" + e.rulesetSha256().substring(0, 12));
    }
    out.flush();
  }

  private static void csv(List<AuditEntry> entries, PrintWriter out) throws IOException {
    CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(AuditEntry.COLUMNS.toArray(String[]::new))
                .build());
    for (AuditEntry e : entries) {
      csv.printRecord(e.values());
    }
    csv.flush();
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
