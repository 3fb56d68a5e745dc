package dev.guise.plan;

import dev.guise.ruleset.HashColumn;
import dev.guise.ruleset.MaskTabularFileTask;
import dev.guise.ruleset.Rule;
import java.util.ArrayList;
import java.util.List;

/** {@code mask_tabular_file} with its rules' pipelines; columns are resolved per file. */
public record MaskTabularFileStep(String id, MaskTabularFileTask task, List<FileRule> rules)
    implements FileStep {
  public static MaskTabularFileStep plan(MaskTabularFileTask t, String id, PlanContext ctx) {
    List<MaskTablePlanner.Guarded> flat = new ArrayList<>();
    MaskTablePlanner.flatten(t.rules(), null, flat);
    List<FileRule> rules = new ArrayList<>();
    for (MaskTablePlanner.Guarded g : flat) {
      Rule r = g.rule();
      List<HashColumn> hash = r.hashColumns().orElse(t.hashColumns());
      rules.add(
          new FileRule(
              r,
              ctx.pipeline(r),
              hash,
              r.skip() != null ? r.skip() : ctx.ruleset().skipDefaults(),
              g.guard()));
    }
    return new MaskTabularFileStep(id, t, List.copyOf(rules));
  }

  @Override
  public String describe() {
    return "mask_tabular_file "
        + (task.fileType() == null ? "csv/tsv" : task.fileType())
        + " files, "
        + rules.size()
        + (rules.size() == 1 ? " rule" : " rules");
  }
}
