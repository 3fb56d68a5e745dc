package dev.guise.run;

import dev.guise.mask.BuiltMask;
import dev.guise.mask.Pipeline;
import dev.guise.mask.TokenizeMask;
import dev.guise.plan.RulesetLoader;
import dev.guise.ruleset.ConditionalRule;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.ParallelTask;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.RuleItem;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.SerialTask;
import dev.guise.ruleset.Task;
import dev.guise.yaml.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * A ruleset as {@code guise reidentify} runs it: every {@code mask_table} rule whose only mask is
 * {@code tokenize} (applied in reverse by the run's token ring), nothing else. Rules with one-way
 * masks and tasks other than {@code mask_table} are skipped and listed; a {@code tokenize} that
 * cannot be undone on its own (in a chain, under {@code if}) is an error.
 *
 * @param parsed the ruleset with the kept tasks and rules only (the same rule objects, so the
 *     pipelines built for them still apply)
 * @param skipped one line per skipped rule or task, for the output
 * @param errors tokenize rules that cannot be reversed
 */
public record Reidentification(
    RulesetLoader.Result parsed, List<String> skipped, List<Diagnostic> errors) {

  /** Keeps the reversible part of a parsed ruleset. */
  public static Reidentification of(RulesetLoader.Result full) {
    List<String> skipped = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    Ruleset r = full.ruleset();
    if (r == null) {
      return new Reidentification(full, skipped, errors);
    }
    List<Task> kept = keep(r.tasks(), full, skipped, errors);
    Ruleset only =
        new Ruleset(
            r.file(),
            r.sha256(),
            r.doc(),
            r.skipDefaults(),
            kept,
            r.autoManageTriggers(),
            r.baseDir(),
            r.libraries(),
            r.library());
    if (kept.isEmpty()) {
      errors.add(
          Diagnostic.error(
              "nothing-to-reidentify",
              r.file(),
              "has no rule whose mask is tokenize; there is nothing to re-identify"));
    }
    List<Diagnostic> all = new ArrayList<>(full.diagnostics());
    return new Reidentification(
        new RulesetLoader.Result(only, full.pipelines(), all), skipped, errors);
  }

  /** Whether a rule, or any rule of an if-block, has tokenize among its masks. */
  private static boolean tokenizes(RuleItem item, RulesetLoader.Result full) {
    if (item instanceof Rule r) {
      return full.pipelines().of(r).masks().stream()
          .map(BuiltMask::mask)
          .anyMatch(TokenizeMask.class::isInstance);
    }
    ConditionalRule c = (ConditionalRule) item;
    return c.rules().stream().anyMatch(i -> tokenizes(i, full))
        || c.elseRules().stream().anyMatch(i -> tokenizes(i, full));
  }

  private static List<Task> keep(
      List<Task> tasks, RulesetLoader.Result full, List<String> skipped, List<Diagnostic> errors) {
    List<Task> out = new ArrayList<>();
    for (Task t : tasks) {
      if (t instanceof MaskTableTask m) {
        List<RuleItem> rules = new ArrayList<>();
        for (RuleItem item : m.rules()) {
          if (item instanceof Rule rule) {
            Pipeline p = full.pipelines().of(rule);
            if (p.masks().size() == 1 && p.masks().get(0).mask() instanceof TokenizeMask) {
              rules.add(rule);
            } else {
              if (tokenizes(rule, full)) {
                errors.add(
                    Diagnostic.error(
                        "irreversible-tokenize",
                        rule.location(),
                        m.table()
                            + "."
                            + rule.column()
                            + " - tokenize follows or precedes other masks in this rule, so the"
                            + " originals cannot be recovered; make tokenize the rule's only mask"));
              } else {
                skipped.add(
                    m.table()
                        + "."
                        + rule.column()
                        + " ("
                        + String.join(", ", p.masks().stream().map(BuiltMask::name).toList())
                        + ", "
                        + rule.location()
                        + ") - one-way, skipped");
              }
            }
          } else if (item instanceof ConditionalRule c && tokenizes(c, full)) {
            errors.add(
                Diagnostic.error(
                    "irreversible-tokenize",
                    c.location(),
                    m.table()
                        + " - a tokenize rule inside an if-block cannot be re-identified: its"
                        + " conditions read values the run changed; move the rule out of the block"));
          } else if (item instanceof ConditionalRule c) {
            skipped.add(m.table() + " if-block (" + c.location() + ") - one-way, skipped");
          }
        }
        if (!rules.isEmpty()) {
          out.add(
              new MaskTableTask(
                  m.table(), m.key(), rules, m.hashColumns(), m.where(), m.joins(), m.location()));
        }
      } else if (t instanceof SerialTask s) {
        List<Task> inner = keep(s.tasks(), full, skipped, errors);
        if (!inner.isEmpty()) {
          out.add(new SerialTask(inner, s.location()));
        }
      } else if (t instanceof ParallelTask p) {
        List<Task> inner = keep(p.tasks(), full, skipped, errors);
        if (!inner.isEmpty()) {
          out.add(new ParallelTask(inner, p.location()));
        }
      } else {
        skipped.add(
            t.type()
                + (t.target() == null ? "" : " " + t.target())
                + " ("
                + t.location()
                + ") - not a masking rule, skipped");
      }
    }
    return out;
  }
}
