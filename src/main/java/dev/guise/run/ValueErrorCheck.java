package dev.guise.run;

import dev.guise.exec.OnValueError;
import dev.guise.mask.BuiltMask;
import dev.guise.mask.UniqueMask;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.PlannedRule;
import dev.guise.plan.Step;
import dev.guise.schema.ColumnInfo;
import dev.guise.yaml.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Before a run with {@code --on-value-error skip|null} writes anything: where letting a value
 * through would do harm, the run is refused. {@code skip} leaves an original value in place, which
 * next to a unique mask's outputs can equal another row's masked value (and on a key path would
 * break the mapping); {@code null} cannot go into a NOT NULL or key column. Pure: reads the plan.
 */
final class ValueErrorCheck {
  private ValueErrorCheck() {}

  /**
   * The refusals for {@code policy} over the plan; none for {@code fail}. A source → target run
   * adds {@link #sourceToTarget}.
   */
  static List<Diagnostic> refusals(Step root, OnValueError policy) {
    List<Diagnostic> out = new ArrayList<>();
    if (policy != OnValueError.FAIL) {
      walk(root, policy, out);
    }
    return out;
  }

  /** The refusal of {@code skip} in a source → target run (a real value would land there). */
  static List<Diagnostic> sourceToTarget(OnValueError policy) {
    return policy == OnValueError.SKIP
        ? List.of(
            Diagnostic.error(
                "on-value-error-refused",
                "--on-value-error",
                "--on-value-error skip - would copy an unmasked value into the target; use fail or"
                    + " null"))
        : List.of();
  }

  private static void walk(Step step, OnValueError policy, List<Diagnostic> out) {
    if (step instanceof MaskTableStep m) {
      for (PlannedRule r : m.rules()) {
        check(m, r, policy, out);
      }
    } else if (step instanceof KeyRewriteStep k) {
      // a key family: an old value kept or nulled would break the old -> new mapping and the
      // foreign keys that follow it
      out.add(
          refused(
              k.rule(),
              k.columns().get(0).toString(),
              policy,
              "masks a key column through the key path, where a value that is left or nulled"
                  + " breaks the rows that reference it"));
    }
    for (Step c : step.children()) {
      walk(c, policy, out);
    }
  }

  private static void check(
      MaskTableStep m, PlannedRule r, OnValueError policy, List<Diagnostic> out) {
    ColumnInfo col = r.column();
    String subject = m.table().ref() + "." + col.name();
    // tokenize is a unique mask too: refused alike
    if (policy == OnValueError.SKIP
        && r.pipeline().masks().stream()
            .map(BuiltMask::mask)
            .anyMatch(UniqueMask.class::isInstance)) {
      out.add(
          refused(
              r,
              subject,
              policy,
              "has a unique mask: a value left unmasked could equal another row's masked one"));
    }
    if (policy == OnValueError.NULL) {
      if (!col.nullable()) {
        out.add(
            refused(
                r,
                subject,
                policy,
                "is NOT NULL, so a value that cannot be masked cannot be NULL"));
      } else if (inKey(m, col)) {
        out.add(
            refused(
                r, subject, policy, "is part of a primary or unique key, which NULL would break"));
      }
    }
  }

  private static boolean inKey(MaskTableStep m, ColumnInfo col) {
    String name = col.name().toLowerCase(Locale.ROOT);
    return m.table().uniqueKeys().stream()
            .anyMatch(k -> k.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(name)))
        || m.table().primaryKey().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(name))
        || m.key().stream().anyMatch(c -> c.name().equalsIgnoreCase(col.name()));
  }

  private static Diagnostic refused(
      PlannedRule r, String subject, OnValueError policy, String why) {
    return Diagnostic.error(
        "on-value-error-refused",
        r.rule().location(),
        subject
            + " cannot take --on-value-error "
            + policy.json()
            + ": it "
            + why
            + "; run with --on-value-error fail (the default), or mask this column in another"
            + " run");
  }
}
