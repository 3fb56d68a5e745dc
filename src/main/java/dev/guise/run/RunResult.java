package dev.guise.run;

import dev.guise.exec.RunStatus;
import dev.guise.runlog.RunRecord;
import dev.guise.yaml.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended.
 *
 * @param diagnostics every problem found before execution (errors when invalid, else warnings)
 * @param record the run record, or null when the ruleset or connection was invalid before a run was
 *     created
 * @param recordDir the folder holding the record and its log, or null with the record
 * @param status the final status, or null when nothing ran because of errors
 */
public record RunResult(
    List<Diagnostic> diagnostics, RunRecord record, Path recordDir, RunStatus status) {
  public RunResult {
    diagnostics = List.copyOf(diagnostics);
  }

  RunResult withDir(Path dir) {
    return new RunResult(diagnostics, record, dir, status);
  }

  /** Nothing was touched: the ruleset, the connection or the live schema had errors. */
  public boolean invalid() {
    return status == null;
  }
}
