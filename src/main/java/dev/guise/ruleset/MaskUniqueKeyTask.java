package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mask_unique_key}: gives every value of a primary or unique key a new unique value and
 * rewrites every column that references it (found from the foreign keys, plus the {@code
 * additional_cascades} the ruleset declares), in the key path's one consistent step.
 *
 * <p>Two spellings are read: the spec's {@code key} (a column or a list) with one {@code format},
 * and the vendor's {@code target_key} list of {@code column}/{@code format} entries. A column
 * without a format keeps its own shape ({@code imitate_unique}); with one, the n-th distinct value
 * gets the format's output at a keyed permutation of n ({@code from_unique}).
 *
 * @param key the key's columns, in order
 * @param rules one rule per key column: its unique mask, read as a mask_table rule is
 * @param cascades columns outside the foreign keys that hold the key's values too
 */
public record MaskUniqueKeyTask(
    String table, List<String> key, List<RuleItem> rules, List<Cascade> cascades, Location location)
    implements Task {
  public static final String TYPE = "mask_unique_key";

  /**
   * A declared cascade: {@code targetColumns} of {@code table} hold the values of {@code
   * sourceColumns} (key columns of the task's table), pairwise.
   */
  public record Cascade(
      String table, List<String> sourceColumns, List<String> targetColumns, Location location) {}

  public MaskUniqueKeyTask {
    key = List.copyOf(key);
    rules = List.copyOf(rules);
    cascades = List.copyOf(cascades);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String target() {
    return table;
  }

  /**
   * The same work as a {@code mask_table} on the key with one unique mask per key column, which is
   * how it is planned and checked (coverage, privileges, duplicate rules).
   */
  @Override
  public MaskTableTask asMaskTable() {
    return new MaskTableTask(table, key, rules, List.of(), null, List.of(), location);
  }

  public static MaskUniqueKeyTask read(YNode.YMap map, TaskReading ctx) {
    Diagnostics diagnostics = ctx.diagnostics();
    MapFields f =
        ctx.fields(
            map, TYPE, "table", "key", "format", "target_key", "additional_cascades", "batch_size");
    String table = f.string("table", true);
    List<YNode> targets = new ArrayList<>();
    if (f.has("target_key") && (f.has("key") || f.has("format"))) {
      diagnostics.error(
          "conflicting-keys",
          f.locationOf("target_key"),
          "task 'mask_unique_key' has both 'target_key' and 'key'/'format'; use one: 'target_key'"
              + " lists each column with its format, 'key' takes one format for all");
    } else if (f.has("target_key")) {
      for (YNode item : f.items("target_key", true)) {
        if (item instanceof YNode.YScalar s && s.value() != null) {
          targets.add(rule(s, null, s.location()));
          continue;
        }
        if (!(item instanceof YNode.YMap m)) {
          diagnostics.error(
              "wrong-type",
              item.location(),
              "a target_key entry is a column name or a mapping with 'column' and 'format'");
          continue;
        }
        MapFields kf =
            new MapFields(m, "a target_key entry", Set.of("column", "format"), ctx.diagnostics());
        if (kf.string("column", true) != null) {
          targets.add(rule(kf.node("column"), kf.node("format"), m.location()));
        }
      }
    } else {
      YNode format = f.node("format");
      YNode key = f.node("key");
      List<YNode> columns =
          key instanceof YNode.YList l ? l.items() : key == null ? List.of() : List.of(key);
      if (f.names("key", true).size() == columns.size()) {
        for (YNode column : columns) {
          targets.add(rule(column, format, column.location()));
        }
      }
    }
    // the key path reads and maps in the run's --batch-size batches; the vendor's per-task
    // batch_size is accepted for compatibility and checked, not used
    if (f.has("batch_size")
        && !(f.node("batch_size") instanceof YNode.YScalar b
            && b.value() instanceof Number n
            && n.longValue() > 0)) {
      f.wrongType("batch_size", f.node("batch_size"), "a positive whole number");
    }
    List<Cascade> cascades = new ArrayList<>();
    for (YNode c : f.items("additional_cascades", false)) {
      if (!(c instanceof YNode.YMap cm)) {
        diagnostics.error(
            "wrong-type",
            c.location(),
            "an additional_cascades entry is a mapping with cascade_to_table, source_columns and"
                + " target_columns");
        continue;
      }
      MapFields cf =
          new MapFields(
              cm,
              "an additional_cascades entry",
              Set.of("cascade_to_table", "source_columns", "target_columns"),
              diagnostics);
      String to = cf.string("cascade_to_table", true);
      List<String> source = cf.names("source_columns", true);
      List<String> target = cf.names("target_columns", true);
      if (source.size() != target.size()) {
        diagnostics.error(
            "bad-cascade",
            cm.location(),
            "source_columns has "
                + source.size()
                + " columns but target_columns has "
                + target.size()
                + "; pair them one to one");
        continue;
      }
      if (to != null) {
        cascades.add(new Cascade(to, source, target, cm.location()));
      }
    }
    List<RuleItem> rules = ctx.rules(targets);
    List<String> key = new ArrayList<>();
    for (RuleItem r : rules) {
      if (r instanceof Rule rule && rule.column() != null) {
        key.add(rule.column());
      }
    }
    return new MaskUniqueKeyTask(table, key, rules, cascades, map.location());
  }

  /** The rule {@code {column: c, masks: [mask]}}, read as any mask_table rule is. */
  private static YNode rule(YNode column, YNode format, Location at) {
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    entries.put("column", column);
    keys.put("column", column.location());
    entries.put("masks", new YNode.YList(List.of(mask(format, at)), at));
    keys.put("masks", at);
    return new YNode.YMap(entries, keys, at);
  }

  /** {@code from_unique} with the format, or {@code imitate_unique} when there is none. */
  private static YNode.YMap mask(YNode format, Location at) {
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    String type = format == null ? "imitate_unique" : "from_unique";
    entries.put("type", new YNode.YScalar(type, type, false, at));
    keys.put("type", at);
    if (format != null) {
      entries.put("format", format);
      keys.put("format", format.location());
    }
    return new YNode.YMap(entries, keys, at);
  }
}
