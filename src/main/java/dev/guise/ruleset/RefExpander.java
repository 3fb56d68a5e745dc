package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every {@code $ref: "namespace/library#section/key[/nested|/index]"} mapping with what it
 * names, before the tasks are read, so every later check sees plain YAML. Text brought in keeps its
 * library file:line:col, reached {@link Location#through through} the {@code $ref}, so a problem in
 * it names both. Keys written beside a {@code $ref} are added to the mapping it names; replacing
 * one of its keys is refused, as in DataMasque.
 */
final class RefExpander {
  static final String REF = "$ref";

  private final Map<String, Libraries.Library> imported;
  private final Diagnostics diagnostics;
  private final Deque<String> expanding = new ArrayDeque<>();
  private long copied;
  private boolean tooLarge;

  /**
   * @param imported the ruleset's imports by name (a library's own name alone when one library is
   *     checked by itself)
   */
  RefExpander(Map<String, Libraries.Library> imported, Diagnostics diagnostics) {
    this.imported = imported;
    this.diagnostics = diagnostics;
  }

  /** The ruleset's tree with every reference expanded (problems reported, their nodes kept). */
  YNode expandRuleset(YNode root) {
    return walk(root, null, null);
  }

  /** A library's tree, with references to itself expanded (what validating a library checks). */
  YNode expandLibrary(Libraries.Library lib) {
    return walk(lib.root(), lib, null);
  }

  /**
   * @param inLibrary the library this text belongs to, or null for the ruleset
   * @param via the {@code $ref} it was reached through, or null when it is read where it stands
   */
  private YNode walk(YNode node, Libraries.Library inLibrary, Location via) {
    if (++copied > YamlReader.MAX_EXPANDED_NODES) {
      if (!tooLarge) {
        tooLarge = true;
        diagnostics.error(
            "too-many-nodes",
            at(node.location(), via),
            "references expand this ruleset past "
                + YamlReader.MAX_EXPANDED_NODES
                + " nodes; reference less, or fewer nested things");
      }
      return node;
    }
    if (node instanceof YNode.YScalar s) {
      return via == null ? s : new YNode.YScalar(s.value(), s.text(), s.quoted(), at(s, via));
    }
    if (node instanceof YNode.YList l) {
      List<YNode> items = new ArrayList<>();
      for (YNode item : l.items()) {
        items.add(walk(item, inLibrary, via));
      }
      return new YNode.YList(List.copyOf(items), at(l.location(), via));
    }
    YNode.YMap m = (YNode.YMap) node;
    if (m.has(REF)) {
      return reference(m, inLibrary, via);
    }
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    m.entries()
        .forEach(
            (k, v) -> {
              if (k.equals("type") && v instanceof YNode.YMap t && t.has(REF)) {
                diagnostics.error(
                    "ref-type",
                    at(t.keyLocation(REF), via),
                    "'type' cannot come from a $ref (as in DataMasque); write the type here and"
                        + " reference the rest");
              }
              entries.put(k, walk(v, inLibrary, via));
              keys.put(k, at(m.keyLocation(k), via));
            });
    return new YNode.YMap(entries, keys, at(m.location(), via));
  }

  private YNode reference(YNode.YMap m, Libraries.Library inLibrary, Location via) {
    Location refAt = at(m.keyLocation(REF), via);
    YNode target = resolve(m.get(REF), inLibrary, refAt);
    if (target == null) {
      return m; // reported; later checks then see an unknown '$ref' key no more than once
    }
    String key = ((YNode.YScalar) m.get(REF)).asText();
    String libName = key.substring(0, key.indexOf('#'));
    Libraries.Library lib = inLibrary != null ? inLibrary : imported.get(libName);
    String id = lib.name() + "#" + key.substring(key.indexOf('#') + 1);
    if (expanding.contains(id)) {
      diagnostics.error(
          "ref-cycle",
          refAt,
          "$ref '"
              + key
              + "' refers back to itself ("
              + String.join(" -> ", expanding)
              + " -> "
              + id
              + "); break the cycle");
      return m;
    }
    expanding.push(id);
    YNode expanded = walk(target, lib, refAt);
    expanding.pop();
    if (m.entries().size() == 1) {
      return expanded;
    }
    if (!(expanded instanceof YNode.YMap t)) {
      diagnostics.error(
          "ref-merge",
          refAt,
          "keys beside $ref '"
              + key
              + "' need it to name a mapping, but it names "
              + expanded.kind()
              + " at "
              + target.location()
              + "; remove the other keys");
      return m;
    }
    Map<String, YNode> entries = new LinkedHashMap<>(t.entries());
    Map<String, Location> keys = new LinkedHashMap<>(t.keyLocations());
    m.entries()
        .forEach(
            (k, v) -> {
              if (k.equals(REF)) {
                return;
              }
              if (t.has(k)) {
                diagnostics.error(
                    "ref-override",
                    at(m.keyLocation(k), via),
                    "'"
                        + k
                        + "' is already set by $ref '"
                        + key
                        + "' (at "
                        + t.keyLocation(k)
                        + "); a $ref target cannot be overridden (as in DataMasque), so reference"
                        + " a smaller part or define the entry here");
                return;
              }
              entries.put(k, walk(v, inLibrary, via));
              keys.put(k, at(m.keyLocation(k), via));
            });
    return new YNode.YMap(entries, keys, at(m.location(), via));
  }

  /** The node a {@code $ref} names, unexpanded; null after reporting why there is none. */
  private YNode resolve(YNode value, Libraries.Library inLibrary, Location refAt) {
    if (!(value instanceof YNode.YScalar s) || !(s.value() instanceof String key)) {
      diagnostics.error(
          "bad-ref",
          refAt,
          "a $ref must be a string 'namespace/library#section/key', found " + value.kind());
      return null;
    }
    int hash = key.indexOf('#');
    if (hash < 0 || key.indexOf('#', hash + 1) >= 0) {
      diagnostics.error(
          "bad-ref",
          refAt,
          "$ref '" + key + "' must hold exactly one '#', between the library and the path");
      return null;
    }
    String libName = key.substring(0, hash);
    String path = key.substring(hash + 1);
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
      diagnostics.error(
          "bad-ref",
          refAt,
          "$ref '"
              + key
              + "' needs a path after '#' of non-empty parts: section/key[/nested|/index]");
      return null;
    }
    Libraries.Library lib;
    if (inLibrary == null) {
      if (libName.isEmpty()) {
        diagnostics.error(
            "bad-ref",
            refAt,
            "$ref '"
                + key
                + "' in a ruleset must name its library: 'namespace/library#"
                + path
                + "'");
        return null;
      }
      if (!imported.containsKey(libName)) {
        diagnostics.error(
            "not-imported",
            refAt,
            "$ref '"
                + key
                + "' names library '"
                + libName
                + "', which this ruleset does not import; add it to 'imports'"
                + (imported.isEmpty()
                    ? ""
                    : " (imported: " + String.join(", ", imported.keySet()) + ")"));
        return null;
      }
      lib = imported.get(libName);
      if (lib == null) {
        return null; // the import itself was reported
      }
    } else {
      if (!libName.isEmpty() && !libName.equals(inLibrary.name())) {
        diagnostics.error(
            "cross-library-ref",
            refAt,
            "$ref '"
                + key
                + "' in library '"
                + inLibrary.name()
                + "' names another library; a library may only reference itself ('#"
                + path
                + "'), as in DataMasque");
        return null;
      }
      lib = inLibrary;
    }
    return follow(key, lib, path.split("/"), refAt);
  }

  private YNode follow(String key, Libraries.Library lib, String[] parts, Location refAt) {
    if (!Libraries.SECTIONS.contains(parts[0])) {
      diagnostics.error(
          "ref-section",
          refAt,
          "$ref '"
              + key
              + "': '"
              + parts[0]
              + "' is not a library section ("
              + String.join(", ", Libraries.SECTIONS)
              + ")");
      return null;
    }
    YNode node = lib.root();
    String walked = "";
    for (String part : parts) {
      String where = walked.isEmpty() ? "library '" + lib.name() + "'" : "'" + walked + "'";
      if (node instanceof YNode.YMap map) {
        if (!map.has(part)) {
          diagnostics.error(
              "ref-missing",
              refAt,
              "$ref '"
                  + key
                  + "': no '"
                  + part
                  + "' in "
                  + where
                  + " at "
                  + map.location()
                  + (map.entries().isEmpty()
                      ? ""
                      : " (has: " + String.join(", ", map.entries().keySet()) + ")"));
          return null;
        }
        node = map.get(part);
      } else if (node instanceof YNode.YList list) {
        int index;
        try {
          index = Integer.parseInt(part);
        } catch (NumberFormatException e) {
          index = -1;
        }
        if (index < 0 || index >= list.items().size()) {
          diagnostics.error(
              "ref-missing",
              refAt,
              "$ref '"
                  + key
                  + "': '"
                  + part
                  + "' is not an index of the list "
                  + where
                  + " at "
                  + list.location()
                  + " (0 to "
                  + (list.items().size() - 1)
                  + ")");
          return null;
        }
        node = list.items().get(index);
      } else {
        diagnostics.error(
            "ref-missing",
            refAt,
            "$ref '"
                + key
                + "': "
                + where
                + " at "
                + node.location()
                + " is "
                + node.kind()
                + ", so it has no '"
                + part
                + "'");
        return null;
      }
      walked = walked.isEmpty() ? part : walked + "/" + part;
    }
    return node;
  }

  private static Location at(Location loc, Location via) {
    return via == null ? loc : loc.through(via);
  }

  private static Location at(YNode.YScalar s, Location via) {
    return at(s.location(), via);
  }
}
