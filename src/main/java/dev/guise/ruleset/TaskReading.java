package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.DidYouMean;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link TaskReader} may use while one ruleset is read: its diagnostics, the fields of a
 * task mapping, nested tasks (for {@code serial} and {@code parallel}) and rules.
 */
public final class TaskReading {
  private final Map<String, TaskReader> readers;
  private final Diagnostics diagnostics;
  private final RuleReader rules;

  TaskReading(Map<String, TaskReader> readers, Diagnostics diagnostics, RuleReader rules) {
    this.readers = readers;
    this.diagnostics = diagnostics;
    this.rules = rules;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** The fields of a task's mapping; any key but {@code type} and {@code keys} is reported. */
  public MapFields fields(YNode.YMap map, String type, String... keys) {
    Set<String> allowed = new LinkedHashSet<>(List.of(keys));
    allowed.add("type");
    return new MapFields(map, "task '" + type + "'", allowed, diagnostics);
  }

  /**
   * @param parent where the list is, for messages: "the ruleset", "serial", ...
   */
  public List<Task> tasks(List<YNode> items, String parent) {
    List<Task> out = new ArrayList<>();
    for (YNode item : items) {
      Task t = task(item, parent);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** The entries of a {@code rules} list: column rules and conditional blocks. */
  public List<RuleItem> rules(List<YNode> items) {
    return rules.ruleItems(items);
  }

  /** The rules of a document task: {@code masks} (and {@code skip}) without a column. */
  public List<Rule> documentRules(List<YNode> items) {
    return rules.documentRules(items);
  }

  /** A {@code hash_columns} value: a name, a list of names or of {column_name, ...} mappings. */
  public List<HashColumn> hashColumns(YNode node) {
    return rules.hashColumns(node);
  }

  private Task task(YNode node, String parent) {
    if (!(node instanceof YNode.YMap map)) {
      diagnostics.error(
          "wrong-type",
          node.location(),
          "a task in " + parent + " must be a mapping, found " + node.kind());
      return null;
    }
    List<String> types = List.copyOf(readers.keySet());
    YNode typeNode = map.get("type");
    if (!(typeNode instanceof YNode.YScalar ts) || !(ts.value() instanceof String type)) {
      diagnostics.error(
          "missing-key",
          map.location(),
          "task is missing the required key 'type' (" + String.join(", ", types) + ")");
      return null;
    }
    TaskReader reader = readers.get(type);
    if (reader != null) {
      return reader.read(map, this);
    }
    diagnostics.error(
        "unknown-task",
        typeNode.location(),
        "unknown task type '" + type + "'" + DidYouMean.hint(type, types));
    return null;
  }
}
