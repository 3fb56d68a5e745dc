package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the conditions of a conditional rule ({@code if}, {@code and}, {@code or}, {@code not}).
 */
final class ConditionReader {
  private final Diagnostics diagnostics;

  ConditionReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  private static final Set<String> CONDITION_KEYS =
      Set.of(
          "column",
          "equals",
          "not_equals",
          "matches",
          "less_than",
          "greater_than",
          "is_null",
          "and",
          "or",
          "not");

  List<Condition> conditions(List<YNode> nodes, String where) {
    List<Condition> out = new ArrayList<>();
    for (YNode n : nodes) {
      Condition c = condition(n, where);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private Condition condition(YNode node, String where) {
    if (!(node instanceof YNode.YMap map)) {
      diagnostics.error(
          "wrong-type",
          node.location(),
          "a condition in '"
              + where
              + "' is a mapping such as {column: status, equals: active}, found "
              + node.kind());
      return null;
    }
    MapFields f = new MapFields(map, "a condition", CONDITION_KEYS, diagnostics);
    Location loc = map.location();
    if (f.has("and") || f.has("or")) {
      String k = f.has("and") ? "and" : "or";
      List<Condition> parts = conditions(f.items(k, true), k);
      return k.equals("and") ? new Condition.All(parts, loc) : new Condition.Any(parts, loc);
    }
    if (f.has("not")) {
      YNode inner = f.node("not");
      List<Condition> parts =
          conditions(inner instanceof YNode.YList l ? l.items() : List.of(inner), "not");
      return new Condition.Not(new Condition.All(parts, loc), loc);
    }
    String column = f.string("column", true);
    List<String> ops = new ArrayList<>();
    for (String k :
        List.of("equals", "not_equals", "matches", "less_than", "greater_than", "is_null")) {
      if (f.has(k)) {
        ops.add(k);
      }
    }
    if (ops.size() != 1) {
      diagnostics.error(
          "bad-condition",
          loc,
          "a condition needs exactly one of equals, not_equals, matches, less_than, greater_than,"
              + " is_null"
              + (ops.isEmpty() ? "" : "; found " + String.join(", ", ops)));
      return null;
    }
    String op = ops.get(0);
    YNode v = f.node(op);
    if (op.equals("is_null")) {
      Boolean b = f.bool("is_null");
      return b == null ? null : new Condition.IsNull(column, b, loc);
    }
    if (op.equals("matches")) {
      String regex = f.string("matches", true);
      try {
        return new Condition.Matches(column, Pattern.compile(regex == null ? "" : regex), loc);
      } catch (PatternSyntaxException e) {
        diagnostics.error(
            "invalid-parameter", v.location(), "invalid regular expression: " + e.getDescription());
        return null;
      }
    }
    if (!(v instanceof YNode.YScalar sv)) {
      diagnostics.error(
          "wrong-type",
          v.location(),
          "'" + op + "' compares with a single value, found " + v.kind());
      return null;
    }
    Condition.Op o =
        switch (op) {
          case "equals" -> Condition.Op.EQUALS;
          case "not_equals" -> Condition.Op.NOT_EQUALS;
          case "less_than" -> Condition.Op.LESS_THAN;
          default -> Condition.Op.GREATER_THAN;
        };
    return new Condition.Compare(column, o, sv.value(), loc);
  }
}
