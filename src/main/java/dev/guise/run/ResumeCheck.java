package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.exec.RunStatus;
import dev.guise.ruleset.LibraryUse;
import dev.guise.ruleset.Ruleset;
import dev.guise.yaml.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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

  /** A library file checked on its own has no tasks: running it is a mistake worth naming. */
  static List<Diagnostic> notALibrary(Ruleset parsed) {
    if (parsed == null || !parsed.library()) {
      return List.of();
    }
    return List.of(
        Diagnostic.error(
            "library-not-runnable",
            parsed.file(),
            "is a ruleset library, not a ruleset; run a ruleset that imports it"));
  }

  /**
   * Unless forced, every library the run used when it started must be unchanged (by SHA-256), and
   * none added or dropped.
   */
  static List<Diagnostic> libraries(JsonNode old, List<LibraryUse> now, boolean force) {
    List<Diagnostic> out = new ArrayList<>();
    if (force) {
      return out;
    }
    Map<String, String> before = new TreeMap<>();
    old.path("ruleset")
        .path("libraries")
        .forEach(l -> before.put(l.path("name").asText(), l.path("sha256").asText()));
    Map<String, String> after = new TreeMap<>();
    now.forEach(l -> after.put(l.name(), l.sha256()));
    if (!before.equals(after)) {
      out.add(
          Diagnostic.error(
              "resume-changed",
              "run " + old.path("id").asText(),
              "the ruleset libraries changed since it started ("
                  + before
                  + " -> "
                  + after
                  + "), so the rest would be masked differently; restore them, or pass --force"));
    }
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
