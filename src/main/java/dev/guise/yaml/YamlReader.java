package dev.guise.yaml;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML into {@link YNode}s with positions, resolving anchors, aliases and {@code <<:} merges
 * (explicit keys override merged ones; earlier merge sources win over later ones).
 */
public final class YamlReader {
  /**
   * Nodes a document may hold once its aliases and merges are expanded: a few aliases nested in
   * each other (a "billion laughs" file of a kilobyte) would otherwise make every later walk of the
   * tree take hours. A large real ruleset holds tens of thousands.
   */
  public static final long MAX_EXPANDED_NODES = 1_000_000;

  /** Longest scalar: masks and SQL are short, and a huge value only slows every check. */
  public static final int MAX_SCALAR_CHARS = 1 << 20;

  /**
   * Longest line: snakeyaml scans a long line in time that grows with its square (a 2 MB line takes
   * seconds), while the same text over many lines reads at once.
   */
  public static final int MAX_LINE_CHARS = 1 << 16;

  /** Deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 64;

  private final String file;
  private final Diagnostics diagnostics;
  private final Map<Node, YNode> converting = new IdentityHashMap<>();
  private final Map<YNode, Long> expandedSize = new IdentityHashMap<>();
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean tooLarge;

  private YamlReader(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Returns the document's root, or null after reporting a syntax error or an empty document. */
  public static YNode read(String text, String file, Diagnostics diagnostics) {
    return read(text, file, diagnostics, "a ruleset needs 'version' and 'tasks'");
  }

  /**
   * @param whatItNeeds said when the document is empty, e.g. "a ruleset needs 'version' and
   *     'tasks'"
   */
  public static YNode read(String text, String file, Diagnostics diagnostics, String whatItNeeds) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    options.setAllowDuplicateKeys(true); // reported below with positions instead
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(YamlInput.MAX_FILE_BYTES);
    Location longLine = longLine(text, file);
    if (longLine != null) {
      diagnostics.error(
          "line-too-long",
          longLine,
          "a line longer than "
              + MAX_LINE_CHARS
              + " characters; break it up (block scalars, | or >, span lines)");
      return null;
    }
    Yaml yaml = new Yaml(options);
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (ReaderException e) {
      diagnostics.error(
          "not-text",
          charLocation(text, e.getPosition(), file),
          "character U+"
              + String.format("%04X", e.getCodePoint())
              + " is not allowed in YAML; remove it or save the file as UTF-8 text");
      return null;
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
      String m = String.valueOf(e.getMessage());
      diagnostics.error(
          "yaml-syntax",
          Location.of(file),
          m.startsWith("Number of aliases")
              ? "more than 200 aliases of lists or mappings; use fewer aliases"
              : "invalid YAML: " + m);
      return null;
    }
    if (root == null) {
      diagnostics.error("empty-ruleset", Location.of(file), "the file is empty; " + whatItNeeds);
      return null;
    }
    diagnostics.anchors(anchors(yaml, text, file));
    YamlReader reader = new YamlReader(file, diagnostics);
    YNode converted = reader.convert(root);
    return reader.tooLarge ? null : converted;
  }

  /**
   * The document's anchors and where each is aliased. The composed tree has lost the aliases'
   * positions (an alias is its anchor's node), so a second pass over the parse events finds them;
   * it runs only on a document that composed, so it cannot fail differently.
   */
  private static List<YamlAnchor> anchors(Yaml yaml, String text, String file) {
    record Open(String anchor, Location start, List<Location> uses) {}
    Map<String, Open> byName = new LinkedHashMap<>();
    List<Open> found = new ArrayList<>();
    Map<Open, Location> ends = new IdentityHashMap<>();
    java.util.Deque<Open> collections = new java.util.ArrayDeque<>();
    for (Event e : yaml.parse(new StringReader(text))) {
      if (e instanceof AliasEvent a) {
        Open target = byName.get(a.getAnchor());
        if (target != null) {
          target.uses().add(mark(file, a.getStartMark()));
        }
      } else if (e instanceof CollectionEndEvent) {
        Open closed = collections.pop();
        if (closed.anchor() != null) {
          ends.put(closed, mark(file, e.getEndMark()));
        }
      } else if (e instanceof NodeEvent n) {
        Open open = new Open(n.getAnchor(), mark(file, e.getStartMark()), new ArrayList<>());
        if (n.getAnchor() != null) {
          byName.put(n.getAnchor(), open);
          found.add(open);
        }
        if (e instanceof CollectionStartEvent) {
          collections.push(open);
        } else if (n.getAnchor() != null) {
          ends.put(open, mark(file, e.getEndMark()));
        }
      }
    }
    List<YamlAnchor> out = new ArrayList<>();
    for (Open o : found) {
      out.add(new YamlAnchor(o.anchor(), o.start(), ends.getOrDefault(o, o.start()), o.uses()));
    }
    return out;
  }

  private static Location mark(String file, Mark m) {
    return m == null ? Location.of(file) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private static Location longLine(String text, String file) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE_CHARS) {
          return new Location(file, line, MAX_LINE_CHARS + 1);
        }
        line++;
        start = i + 1;
      }
    }
    return null;
  }

  private static Location charLocation(String text, int codePointIndex, String file) {
    int line = 1;
    int col = 1;
    int i = 0;
    for (int cp = 0; cp < codePointIndex && i < text.length(); cp++) {
      char c = text.charAt(i);
      i += Character.isHighSurrogate(c) && i + 1 < text.length() ? 2 : 1;
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Location(file, line, col);
  }

  private Location at(Node n) {
    return mark(file, n.getStartMark());
  }

  private YNode convert(Node node) {
    YNode done = converting.get(node);
    if (done != null) {
      return done; // an alias of an already converted anchor
    }
    if (tooLarge) {
      return new YNode.YScalar(null, "", false, at(node));
    }
    if (!inProgress.add(node)) {
      diagnostics.error(
          "recursive-alias",
          at(node),
          "this anchor is used inside itself, which would make an endless document; use a"
              + " separate anchor");
      tooLarge = true;
      return new YNode.YScalar(null, "", false, at(node));
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
    inProgress.remove(node);
    converting.put(node, result);
    count(result, node);
    return result;
  }

  /** Counts the node as its aliases and merges expand it, and stops the read past the limit. */
  private void count(YNode n, Node source) {
    long size = 1;
    if (n instanceof YNode.YMap m) {
      for (YNode v : m.entries().values()) {
        size += expandedSize.getOrDefault(v, 1L);
      }
    } else if (n instanceof YNode.YList l) {
      for (YNode v : l.items()) {
        size += expandedSize.getOrDefault(v, 1L);
      }
    }
    expandedSize.put(n, size);
    if (size > MAX_EXPANDED_NODES && !tooLarge) {
      tooLarge = true;
      diagnostics.error(
          "too-many-nodes",
          at(source),
          "anchors and aliases expand this document past "
              + MAX_EXPANDED_NODES
              + " nodes; use fewer nested aliases");
    }
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
      if (!(convert(m) instanceof YNode.YMap source)) {
        continue; // reported: an anchor merged into itself
      }
      source.entries().forEach(merged::putIfAbsent);
      source.keyLocations().forEach(mergedLocs::putIfAbsent);
    }
    merged.putAll(explicit);
    mergedLocs.putAll(keyLocs);
    return new YNode.YMap(merged, mergedLocs, at(node));
  }

  private YNode scalar(ScalarNode s) {
    String text = s.getValue();
    if (text.length() > MAX_SCALAR_CHARS) {
      diagnostics.error(
          "value-too-long",
          at(s),
          "a value of "
              + text.length()
              + " characters; values over "
              + MAX_SCALAR_CHARS
              + " characters are refused");
      return new YNode.YScalar(null, "", false, at(s));
    }
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
