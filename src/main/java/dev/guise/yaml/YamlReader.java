package dev.guise.yaml;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into {@link YNode}s with positions, resolving anchors, aliases and {@code <<:} merges
 * (explicit keys override merged ones; earlier merge sources win over later ones).
 */
public final class YamlReader {
  private final String file;
  private final Diagnostics diagnostics;
  private final Map<Node, YNode> converting = new IdentityHashMap<>();

  private YamlReader(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Returns the document's root, or null after reporting a syntax error or an empty document. */
  public static YNode read(String text, String file, Diagnostics diagnostics) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    options.setAllowDuplicateKeys(true); // reported below with positions instead
    Yaml yaml = new Yaml(options);
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Location loc =
          mark == null
              ? Location.of(file)
              : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      diagnostics.error(
          "yaml-syntax",
          loc,
          "invalid YAML: " + problem + "; check indentation, quoting and colons near this point");
      return null;
    } catch (YAMLException e) {
      diagnostics.error("yaml-syntax", Location.of(file), "invalid YAML: " + e.getMessage());
      return null;
    }
    if (root == null) {
      diagnostics.error(
          "empty-ruleset",
          Location.of(file),
          "the file is empty; a ruleset needs 'version' and 'tasks'");
      return null;
    }
    return new YamlReader(file, diagnostics).convert(root);
  }

  private Location at(Node n) {
    Mark m = n.getStartMark();
    return m == null ? Location.of(file) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private YNode convert(Node node) {
    YNode done = converting.get(node);
    if (done != null) {
      return done; // an alias of an already converted anchor
    }
    YNode result;
    if (node instanceof ScalarNode s) {
      result = scalar(s);
    } else if (node instanceof SequenceNode seq) {
      List<YNode> items = new ArrayList<>();
      for (Node child : seq.getValue()) {
        items.add(convert(child));
      }
      result = new YNode.YList(List.copyOf(items), at(node));
    } else {
      result = mapping((MappingNode) node);
    }
    converting.put(node, result);
    return result;
  }

  private YNode mapping(MappingNode node) {
    Map<String, YNode> explicit = new LinkedHashMap<>();
    Map<String, Location> keyLocs = new LinkedHashMap<>();
    List<MappingNode> merges = new ArrayList<>();
    for (NodeTuple t : node.getValue()) {
      Node k = t.getKeyNode();
      Node v = t.getValueNode();
      if (k.getTag().equals(Tag.MERGE)) {
        if (v instanceof MappingNode m) {
          merges.add(m);
        } else if (v instanceof SequenceNode s) {
          for (Node item : s.getValue()) {
            if (item instanceof MappingNode m) {
              merges.add(m);
            } else {
              diagnostics.error(
                  "bad-merge", at(item), "'<<' merges only mappings; point it at a mapping anchor");
            }
          }
        } else {
          diagnostics.error(
              "bad-merge", at(v), "'<<' merges only mappings; point it at a mapping anchor");
        }
        continue;
      }
      if (!(k instanceof ScalarNode ks)) {
        diagnostics.error("bad-key", at(k), "mapping keys must be plain names");
        continue;
      }
      String key = ks.getValue();
      if (explicit.containsKey(key)) {
        diagnostics.error(
            "duplicate-key",
            at(k),
            "'"
                + key
                + "' appears twice in this mapping (first at "
                + keyLocs.get(key)
                + "); keep one");
        continue;
      }
      explicit.put(key, convert(v));
      keyLocs.put(key, at(k));
    }
    if (merges.isEmpty()) {
      return new YNode.YMap(explicit, keyLocs, at(node));
    }
    Map<String, YNode> merged = new LinkedHashMap<>();
    Map<String, Location> mergedLocs = new LinkedHashMap<>();
    for (MappingNode m : merges) {
      YNode.YMap source = (YNode.YMap) convert(m);
      source.entries().forEach(merged::putIfAbsent);
      source.keyLocations().forEach(mergedLocs::putIfAbsent);
    }
    merged.putAll(explicit);
    mergedLocs.putAll(keyLocs);
    return new YNode.YMap(merged, mergedLocs, at(node));
  }

  private YNode scalar(ScalarNode s) {
    String text = s.getValue();
    boolean quoted = s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
    Tag tag = s.getTag();
    Object value = text;
    if (!quoted) {
      try {
        if (tag.equals(Tag.NULL)) {
          value = null;
        } else if (tag.equals(Tag.BOOL)) {
          value = parseBool(text);
        } else if (tag.equals(Tag.INT)) {
          value = parseInt(text);
        } else if (tag.equals(Tag.FLOAT)) {
          value = new BigDecimal(text.replace("_", ""));
        }
      } catch (NumberFormatException e) {
        value = text; // .inf, .nan, sexagesimal: keep the text
      }
    }
    return new YNode.YScalar(value, text, quoted, at(s));
  }

  private static Boolean parseBool(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
  }

  private static Object parseInt(String text) {
    String t = text.replace("_", "");
    BigInteger v;
    if (t.startsWith("0x") || t.startsWith("-0x")) {
      v = new BigInteger(t.replace("0x", ""), 16);
    } else if (t.startsWith("0o")) {
      v = new BigInteger(t.substring(2), 8);
    } else {
      v = new BigInteger(t);
    }
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }
}
