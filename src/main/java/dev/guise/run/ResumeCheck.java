package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.exec.RunStatus;
import dev.guise.yaml.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a run may be resumed: not finished, the same run secret (by fingerprint), and, unless
 * forced, the same ruleset, seed files and masks as when it started.
 */
final class ResumeCheck {
  private ResumeCheck() {}

  /**
   * @param old the run record of the run to continue
   * @param sha256 the ruleset's digest now
   * @param seeds the seed files' digest now ({@link RunFingerprints#seeds})
   */
  static List<Diagnostic> check(
      JsonNode old, String sha256, String seeds, String secretFingerprint, boolean force) {
    String id = old.path("id").asText();
    String subject = "run " + id;
    List<Diagnostic> out = new ArrayList<>();
    String status = old.path("status").asText();
    if (status.equals(RunStatus.FINISHED.json())
        || status.equals(RunStatus.FINISHED_WITH_WARNINGS.json())) {
      out.add(Diagnostic.error("resume-finished", subject, "finished; there is nothing to resume"));
    }
    if (old.path("options").path("dry_run").asBoolean()) {
      out.add(Diagnostic.error("resume-dry-run", subject, "was a dry run; it wrote nothing"));
    }
    String fingerprint = old.path("options").path("run_secret_fingerprint").asText();
    if (!fingerprint.equals(secretFingerprint)) {
      out.add(
          Diagnostic.error(
              "resume-secret",
              subject,
              "was masked with another run secret (fingerprint "
                  + fingerprint
                  + ", given "
                  + secretFingerprint
                  + "); give the same secret in GUISE_RUN_SECRET or --run-secret-file"));
    }
    if (force) {
      return out;
    }
    changed(out, subject, "the ruleset", old.path("ruleset").path("sha256"), sha256);
    changed(out, subject, "the seed files", old.path("ruleset").path("seeds_sha256"), seeds);
    changed(
        out,
        subject,
        "the masks of this Guise version",
        old.path("ruleset").path("mask_registry"),
        RunFingerprints.maskRegistry());
    return out;
  }

  private static void changed(
      List<Diagnostic> out, String subject, String what, JsonNode was, String now) {
    String before = was.isMissingNode() || was.isNull() ? null : was.asText();
    if (!Objects.equals(before, now)) {
      out.add(
          Diagnostic.error(
              "resume-changed",
              subject,
              what
                  + " changed since it started ("
                  + before
                  + " -> "
                  + now
                  + "), so the rest would be masked differently; restore it, or pass --force"));
    }
  }
}
