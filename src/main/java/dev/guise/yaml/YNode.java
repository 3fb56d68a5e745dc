package dev.guise.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with its source position, after anchors, aliases and {@code <<:} merges have been
 * resolved. Scalars hold String, Long, BigInteger, BigDecimal, Boolean or null; timestamps stay as
 * their text.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {
  Location location();

  /** A short word for error messages: "a mapping", "a list", "a string", ... */
  String kind();

  /** Plain Java value: LinkedHashMap, ArrayList or the scalar. */
  Object toPlain();

  /** A mapping; keys keep document order. */
  record YMap(Map<String, YNode> entries, Map<String, Location> keyLocations, Location location)
      implements YNode {
    public YNode get(String key) {
      return entries.get(key);
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    public Location keyLocation(String key) {
      return keyLocations.getOrDefault(key, location);
    }

    @Override
    public String kind() {
      return "a mapping";
    }

    @Override
    public Object toPlain() {
      Map<String, Object> m = new LinkedHashMap<>();
      entries.forEach((k, v) -> m.put(k, v.toPlain()));
      return m;
    }
  }

  /** A sequence. */
  record YList(List<YNode> items, Location location) implements YNode {
    @Override
    public String kind() {
      return "a list";
    }

    @Override
    public Object toPlain() {
      List<Object> l = new ArrayList<>();
      items.forEach(i -> l.add(i.toPlain()));
      return l;
    }
  }

  /**
   * A scalar. {@code quoted} tells a {@code '1.0'} from a {@code 1.0}; {@code text} is the source
   * text.
   */
  record YScalar(Object value, String text, boolean quoted, Location location) implements YNode {
    /** The value as a name or text: a string as parsed, anything else as written in the file. */
    public String asText() {
      return value instanceof String s ? s : text;
    }

    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "a string";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      return "a number";
    }

    @Override
    public Object toPlain() {
      return value;
    }
  }
}
