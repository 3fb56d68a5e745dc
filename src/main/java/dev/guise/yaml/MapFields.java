package dev.guise.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed reads from one YAML mapping, reporting unknown keys, missing keys and wrong types as
 * diagnostics at the offending position.
 */
public final class MapFields {
  private final YNode.YMap map;
  private final String what;
  private final Diagnostics diagnostics;

  public MapFields(YNode.YMap map, String what, Set<String> allowed, Diagnostics diagnostics) {
    this.map = map;
    this.what = what;
    this.diagnostics = diagnostics;
    for (String key : map.entries().keySet()) {
      if (!allowed.contains(key)) {
        diagnostics.error(
            "unknown-key",
            map.keyLocation(key),
            "unknown key '" + key + "' in " + what + DidYouMean.hint(key, allowed));
      }
    }
  }

  public YNode.YMap map() {
    return map;
  }

  public boolean has(String key) {
    return map.has(key);
  }

  public YNode node(String key) {
    return map.get(key);
  }

  public Location locationOf(String key) {
    YNode n = map.get(key);
    return n == null ? map.location() : n.location();
  }

  /** A required or optional text value; numbers are taken as their source text. */
  public String string(String key, boolean required) {
    YNode n = map.get(key);
    if (n == null) {
      if (required) {
        missing(key);
      }
      return null;
    }
    if (n instanceof YNode.YScalar s && s.value() != null) {
      return s.asText();
    }
    if (n instanceof YNode.YScalar s && s.value() == null && !required) {
      return null;
    }
    wrongType(key, n, "a string");
    return null;
  }

  public Boolean bool(String key) {
    YNode n = map.get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YNode.YScalar s && s.value() instanceof Boolean b) {
      return b;
    }
    wrongType(key, n, "true or false");
    return null;
  }

  /** A list of names; a single name counts as a one-element list. */
  public List<String> names(String key, boolean required) {
    YNode n = map.get(key);
    if (n == null) {
      if (required) {
        missing(key);
      }
      return List.of();
    }
    if (n instanceof YNode.YScalar s && s.value() != null) {
      return List.of(s.asText());
    }
    if (n instanceof YNode.YList l) {
      List<String> out = new ArrayList<>();
      for (YNode item : l.items()) {
        if (item instanceof YNode.YScalar s && s.value() != null) {
          out.add(s.asText());
        } else {
          diagnostics.error(
              "wrong-type",
              item.location(),
              "'" + key + "' in " + what + " lists names, found " + item.kind());
        }
      }
      if (out.isEmpty() && required) {
        diagnostics.error(
            "missing-key",
            n.location(),
            "'" + key + "' in " + what + " must name at least one column");
      }
      return out;
    }
    wrongType(key, n, "a column name or a list of them");
    return List.of();
  }

  /** Items of a list, or the values of a mapping (name to item) in document order. */
  public List<YNode> items(String key, boolean required) {
    YNode n = map.get(key);
    if (n == null) {
      if (required) {
        missing(key);
      }
      return List.of();
    }
    if (n instanceof YNode.YList l) {
      return l.items();
    }
    if (n instanceof YNode.YMap m) {
      return new ArrayList<>(m.entries().values());
    }
    wrongType(key, n, "a list (or a mapping of names to items)");
    return List.of();
  }

  public void missing(String key) {
    diagnostics.error(
        "missing-key", map.location(), what + " is missing the required key '" + key + "'");
  }

  public void wrongType(String key, YNode n, String expected) {
    diagnostics.error(
        "wrong-type",
        n.location(),
        "'" + key + "' in " + what + " must be " + expected + ", found " + n.kind());
  }
}
