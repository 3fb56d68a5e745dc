package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a {@code mask_table} task: its table, key, rules, hash columns, where and joins. */
public final class MaskTableReader {
  private MaskTableReader() {}

  public static MaskTableTask read(YNode.YMap map, TaskReading ctx) {
    Diagnostics diagnostics = ctx.diagnostics();
    MapFields f =
        ctx.fields(
            map, MaskTableTask.TYPE, "table", "key", "rules", "hash_columns", "where", "joins");
    String table = f.string("table", true);
    List<String> key = f.names("key", true);
    List<HashColumn> hash =
        f.has("hash_columns") ? ctx.hashColumns(f.node("hash_columns")) : List.of();
    String where = f.string("where", false);
    List<RuleItem> rules = ctx.rules(f.items("rules", true));
    if (f.has("rules") && f.items("rules", false).isEmpty()) {
      diagnostics.error(
          "empty-rules", f.locationOf("rules"), "'rules' is empty; add at least one rule");
    }
    List<TableJoin> joins = new ArrayList<>();
    for (YNode j : f.items("joins", false)) {
      if (!(j instanceof YNode.YMap jm)) {
        diagnostics.error(
            "wrong-type",
            j.location(),
            "a join is a mapping with target_table, target_key, source_table, source_key");
        continue;
      }
      MapFields jf =
          new MapFields(
              jm,
              "a join",
              Set.of("target_table", "target_key", "source_table", "source_key"),
              diagnostics);
      List<String> targetKey = jf.names("target_key", true);
      List<String> sourceKey = jf.names("source_key", true);
      if (targetKey.size() != sourceKey.size()) {
        diagnostics.error(
            "bad-join",
            jm.location(),
            "target_key has "
                + targetKey.size()
                + " columns but source_key has "
                + sourceKey.size()
                + "; pair them one to one");
      }
      joins.add(
          new TableJoin(
              jf.string("target_table", true),
              targetKey,
              jf.string("source_table", true),
              sourceKey,
              jm.location()));
    }
    return new MaskTableTask(
        table,
        List.copyOf(key),
        List.copyOf(rules),
        hash,
        where,
        List.copyOf(joins),
        map.location());
  }
}
