package dev.guise.plan;

import dev.guise.schema.TableRef;
import dev.guise.yaml.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns the key families of a ruleset rewrite, and which columns its rules write: a column
 * reached by a family is the family's alone, so another rule on it (in any task) is refused with
 * the rule that owns it, and two families may not meet.
 */
final class KeyClaims {
  private record Claim(String rootColumn, String ruleLocation, String maskName) {}

  private record Write(String column, String location) {}

  private final Map<String, Claim> claimed = new LinkedHashMap<>();
  private final List<Write> writes = new ArrayList<>();

  void claim(
      KeyRewriteStep.KeyColumn k,
      KeyRewriteStep.KeyColumn root,
      PlannedRule rule,
      Diagnostics diagnostics) {
    String location = rule.rule().location().toString();
    Claim c = new Claim(root.toString(), location, rule.pipeline().masks().get(0).name());
    Claim before = claimed.putIfAbsent(k.toString(), c);
    if (before != null && !before.ruleLocation().equals(location)) {
      diagnostics.error(
          "key-family-overlap",
          k.toString(),
          "is rewritten by two unique-mask rules (at "
              + before.ruleLocation()
              + " from "
              + before.rootColumn()
              + ", and at "
              + location
              + " from "
              + root
              + "); mask the family once, from its parent key");
    }
  }

  void written(TableRef table, String column, String location) {
    writes.add(new Write(table + "." + column, location));
  }

  void check(Diagnostics diagnostics) {
    for (Write w : writes) {
      Claim c = claimed.get(w.column());
      if (c != null && !c.ruleLocation().equals(w.location())) {
        diagnostics.error(
            "cascade-column-masked",
            w.column(),
            "follows "
                + c.rootColumn()
                + ", which the rule at "
                + c.ruleLocation()
                + " masks with "
                + c.maskName()
                + ": the key path writes the same mask to it; remove the rule at "
                + w.location());
      }
    }
  }
}
