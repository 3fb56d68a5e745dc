package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a task's {@code rules}: column rules with their masks, skip lists and hash columns, and
 * conditional blocks. Each rule's masks go through the {@link MasksCheck} as they are read.
 */
final class RuleReader {
  private final Diagnostics diagnostics;
  private final ConditionReader conditions;
  private final MasksCheck masks;
  private final Path baseDir;

  RuleReader(Diagnostics diagnostics, MasksCheck masks, Path baseDir) {
    this.diagnostics = diagnostics;
    this.conditions = new ConditionReader(diagnostics);
    this.masks = masks;
    this.baseDir = baseDir;
  }

  List<RuleItem> ruleItems(List<YNode> nodes) {
    List<RuleItem> out = new ArrayList<>();
    for (YNode n : nodes) {
      RuleItem item = ruleItem(n);
      if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  private RuleItem ruleItem(YNode node) {
    if (!(node instanceof YNode.YMap map)) {
      diagnostics.error(
          "wrong-type", node.location(), "a rule must be a mapping, found " + node.kind());
      return null;
    }
    if (!map.has("if")) {
      return rule(map);
    }
    MapFields f =
        new MapFields(map, "a conditional rule", Set.of("if", "rules", "else_rules"), diagnostics);
    List<Condition> conditions = this.conditions.conditions(f.items("if", true), "if");
    List<RuleItem> then = ruleItems(f.items("rules", false));
    List<RuleItem> otherwise = ruleItems(f.items("else_rules", false));
    if (then.isEmpty() && otherwise.isEmpty()) {
      diagnostics.error(
          "empty-rules", map.location(), "a conditional rule needs 'rules' or 'else_rules'");
    }
    return new ConditionalRule(
        List.copyOf(conditions), List.copyOf(then), List.copyOf(otherwise), map.location());
  }

  private Rule rule(YNode.YMap map) {
    MapFields f =
        new MapFields(
            map, "a rule", Set.of("column", "masks", "skip", "hash_columns"), diagnostics);
    String column = f.string("column", true);
    MaskSpec spec = new MaskSpec(List.copyOf(f.items("masks", true)), f.locationOf("masks"));
    masks.check(spec, baseDir, diagnostics);
    List<SkipValue> skip = f.has("skip") ? skipList(f.node("skip")) : null;
    Optional<List<HashColumn>> hash = Optional.empty();
    if (f.has("hash_columns")) {
      YNode h = f.node("hash_columns");
      hash =
          Optional.of(
              h instanceof YNode.YScalar s && s.value() == null ? List.of() : hashColumns(h));
    }
    return new Rule(column, spec, skip, hash, map.location());
  }

  /**
   * The rules of a document task ({@code mask_file}): mappings with {@code masks} and an optional
   * {@code skip}, no column; each pipeline gets the whole document.
   */
  List<Rule> documentRules(List<YNode> nodes) {
    List<Rule> out = new ArrayList<>();
    for (YNode n : nodes) {
      if (!(n instanceof YNode.YMap map)) {
        diagnostics.error(
            "wrong-type", n.location(), "a rule must be a mapping, found " + n.kind());
        continue;
      }
      MapFields f = new MapFields(map, "a mask_file rule", Set.of("masks", "skip"), diagnostics);
      MaskSpec spec = new MaskSpec(List.copyOf(f.items("masks", true)), f.locationOf("masks"));
      masks.check(spec, baseDir, diagnostics);
      List<SkipValue> skip = f.has("skip") ? skipList(f.node("skip")) : null;
      out.add(new Rule(null, spec, skip, Optional.empty(), map.location()));
    }
    return List.copyOf(out);
  }

  List<HashColumn> hashColumns(YNode node) {
    List<YNode> items =
        node instanceof YNode.YList l
            ? l.items()
            : node instanceof YNode.YScalar s && s.value() == null ? List.of() : List.of(node);
    List<HashColumn> out = new ArrayList<>();
    for (YNode item : items) {
      if (item instanceof YNode.YScalar s && s.value() != null) {
        out.add(HashColumn.of(s.asText()));
      } else if (item instanceof YNode.YMap m) {
        MapFields f =
            new MapFields(
                m,
                "a hash column",
                Set.of("column_name", "case_transform", "trim", "json_path"),
                diagnostics);
        String column = f.string("column_name", true);
        String transform = f.string("case_transform", false);
        if (transform != null
            && !Set.of("lower", "upper").contains(transform.toLowerCase(Locale.ROOT))) {
          diagnostics.error(
              "invalid-parameter",
              f.locationOf("case_transform"),
              "case_transform must be 'lower' or 'upper', found '" + transform + "'");
        }
        out.add(
            new HashColumn(
                column,
                transform == null ? null : transform.toLowerCase(Locale.ROOT),
                Boolean.TRUE.equals(f.bool("trim")),
                f.names("json_path", false)));
      } else {
        diagnostics.error(
            "wrong-type",
            item.location(),
            "a hash column is a column name or {column_name, case_transform, trim}, found "
                + item.kind());
      }
    }
    return List.copyOf(out);
  }

  List<SkipValue> skipList(YNode node) {
    List<YNode> items = node instanceof YNode.YList l ? l.items() : List.of(node);
    List<SkipValue> out = new ArrayList<>();
    for (YNode item : items) {
      if (item instanceof YNode.YScalar s) {
        out.add(SkipValue.literal(s.value()));
      } else if (item instanceof YNode.YMap m && m.has("matches")) {
        MapFields f = new MapFields(m, "a skip entry", Set.of("matches"), diagnostics);
        String regex = f.string("matches", true);
        try {
          out.add(new SkipValue(null, Pattern.compile(regex == null ? "" : regex)));
        } catch (PatternSyntaxException e) {
          diagnostics.error(
              "invalid-parameter",
              f.locationOf("matches"),
              "invalid regular expression: " + e.getDescription());
        }
      } else {
        diagnostics.error(
            "wrong-type",
            item.location(),
            "a skip entry is a value or {matches: regex}, found " + item.kind());
      }
    }
    return out;
  }
}
