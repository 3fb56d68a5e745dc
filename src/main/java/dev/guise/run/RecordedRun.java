package dev.guise.run;

import dev.guise.exec.Cancellation;
import dev.guise.ruleset.Ruleset;
import dev.guise.runlog.CancelRequest;
import dev.guise.runlog.RunLog;
import dev.guise.runlog.RunRecorder;
import dev.guise.runlog.RunStore;
import dev.guise.secret.RunSecret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The start every masking run shares, database or files: the run record is made, its recorder
 * opened, a generated run secret shown once, and the rest of the run audited.
 */
final class RecordedRun {
  /** The run after its record exists. */
  interface Body {
    /**
     * @param dir the run's folder
     * @param observer the caller's observer, audited
     */
    RunResult run(RunRecorder recorder, Path dir, RunObserver observer);
  }

  private RecordedRun() {}

  /**
   * @param seeds the fingerprint of the seed files (see {@link RunFingerprints#seeds})
   * @param connection the record's {@code connection} section
   * @param options the record's {@code options} section
   * @param resumedFrom the id of the run this one resumes, or null
   */
  static RunResult start(
      RunRequest req,
      Ruleset ruleset,
      String seeds,
      Map<String, Object> connection,
      Map<String, Object> options,
      RunSecret secret,
      String resumedFrom,
      Clock clock,
      RunObserver observer,
      RunAuditing audit,
      Body body) {
    Instant created = clock.instant();
    RunStore store = new RunStore(req.runsDir());
    String id = RunStore.newId(created);
    Path dir = store.create(id);
    RunRecorder.Header header =
        new RunRecorder.Header(
            id,
            req.options().name(),
            RecordHeaders.ruleset(ruleset, req.ruleset(), seeds),
            connection,
            options,
            created);
    try (RunRecorder recorder =
        new RunRecorder(store, header, req.options().showOriginals(), clock)) {
      recorder.validating();
      if (secret.generated()) {
        observer.secretGenerated(secret.reveal());
      }
      return audit
          .around(req, ruleset, id, resumedFrom, observer, o -> body.run(recorder, dir, o))
          .withDir(dir);
    }
  }

  /**
   * While open, {@code guise runs cancel} from another process stops the run as Ctrl-C does: the
   * request is logged, with who asked, and {@code cancellation} cancelled.
   */
  static CancelRequest.Watch remoteCancel(
      RunRecorder recorder, Path dir, Cancellation cancellation) {
    return CancelRequest.watch(
        dir,
        by -> {
          recorder.log(
              RunLog.WARNING, "cancel requested by " + by + " (guise runs cancel)", Map.of());
          cancellation.cancel();
        });
  }
}
