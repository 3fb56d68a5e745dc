package dev.guise.run;

import dev.guise.exec.RunOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One masking run, in plain values.
 *
 * @param connectionsFile the connections file, already chosen and resolved
 * @param connection the connection to mask; in a source → target run, the source (only read)
 * @param runSecretFile the file holding the run secret; null to take {@code GUISE_RUN_SECRET} from
 *     the environment, else to generate one
 * @param disableInstanceSecret derive values from the run secret alone
 * @param runsDir the folder of run records
 * @param resumeFrom the id of the run this one continues from its checkpoints, or null
 * @param force resume even though the ruleset, its seed files or the masks changed
 * @param remask mask tables a finished run already masked
 * @param waitFor how long to wait while another run holds a table this one writes; null to be
 *     refused at once
 * @param target the connection masked rows are written to (a source → target run); null to mask
 *     {@code connection} in place
 * @param tokens where token keys come from, and whether this run re-identifies
 */
public record RunRequest(
    RulesetSource ruleset,
    Path connectionsFile,
    String connection,
    RunOptions options,
    Path runSecretFile,
    boolean disableInstanceSecret,
    Path runsDir,
    String resumeFrom,
    boolean force,
    boolean remask,
    Duration waitFor,
    String target,
    TokenOptions tokens) {

  /** An in-place masking run (default token options). */
  public RunRequest(
      RulesetSource ruleset,
      Path connectionsFile,
      String connection,
      RunOptions options,
      Path runSecretFile,
      boolean disableInstanceSecret,
      Path runsDir,
      String resumeFrom,
      boolean force,
      boolean remask,
      Duration waitFor) {
    this(
        ruleset,
        connectionsFile,
        connection,
        options,
        runSecretFile,
        disableInstanceSecret,
        runsDir,
        resumeFrom,
        force,
        remask,
        waitFor,
        null,
        TokenOptions.DEFAULT);
  }

  /** True when rows are read from {@code connection} and written to {@link #target()}. */
  public boolean transfers() {
    return target != null;
  }

  /** The same run with these token options. */
  public RunRequest withTokens(TokenOptions t) {
    return new RunRequest(
        ruleset,
        connectionsFile,
        connection,
        options,
        runSecretFile,
        disableInstanceSecret,
        runsDir,
        resumeFrom,
        force,
        remask,
        waitFor,
        target,
        t);
  }

  /** The same run with these options. */
  public RunRequest withOptions(RunOptions o) {
    return new RunRequest(
        ruleset,
        connectionsFile,
        connection,
        o,
        runSecretFile,
        disableInstanceSecret,
        runsDir,
        resumeFrom,
        force,
        remask,
        waitFor,
        target,
        tokens);
  }

  /** The same run, waiting up to {@code d} for tables another run holds. */
  public RunRequest withWait(Duration d) {
    return new RunRequest(
        ruleset,
        connectionsFile,
        connection,
        options,
        runSecretFile,
        disableInstanceSecret,
        runsDir,
        resumeFrom,
        force,
        remask,
        d,
        target,
        tokens);
  }

  /** A new run (not a resume) that refuses tables already masked. */
  public RunRequest(
      RulesetSource ruleset,
      Path connectionsFile,
      String connection,
      RunOptions options,
      Path runSecretFile,
      boolean disableInstanceSecret,
      Path runsDir) {
    this(
        ruleset,
        connectionsFile,
        connection,
        options,
        runSecretFile,
        disableInstanceSecret,
        runsDir,
        null,
        false,
        false,
        null);
  }
}
