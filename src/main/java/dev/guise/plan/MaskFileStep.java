package dev.guise.plan;

import dev.guise.ruleset.MaskFileTask;
import dev.guise.ruleset.Rule;
import java.util.ArrayList;
import java.util.List;

/** {@code mask_file} with each rule's pipeline. */
public record MaskFileStep(String id, MaskFileTask task, List<FileRule> rules) implements FileStep {
  public static MaskFileStep plan(MaskFileTask t, String id, PlanContext ctx) {
    List<FileRule> rules = new ArrayList<>();
    for (Rule r : t.rules()) {
      rules.add(
          new FileRule(
              r,
              ctx.pipeline(r),
              List.of(),
              r.skip() != null ? r.skip() : ctx.ruleset().skipDefaults(),
              null));
    }
    return new MaskFileStep(id, t, List.copyOf(rules));
  }

  @Override
  public String describe() {
    return "mask_file "
        + (task.fileType() == null ? "json/ndjson/xml" : task.fileType())
        + " files, "
        + rules.size()
        + (rules.size() == 1 ? " rule" : " rules");
  }
}
