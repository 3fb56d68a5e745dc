package dev.guise.mask;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the pipelines nested inside a list parameter ({@code transforms} of {@code json} and
 * {@code xml}). The ruleset parser hands such parameters over as plain YAML values, so the masks in
 * them are looked up in the standard registry, checked against their {@link ParamSpec}s and built
 * here, with the same rules as top-level masks. A problem becomes an {@link
 * MaskArgs.InvalidArgument} naming the transform and mask it concerns.
 */
final class NestedPipelines {
  private NestedPipelines() {}

  /**
   * @param raw a list of mask mappings, a mapping of name to mask, one mask mapping, or an already
   *     built {@link Pipeline}
   * @param param the parameter errors are reported at
   * @param where prefix of error messages, e.g. {@code transform 2}
   * @param parentDigest digest of the enclosing mask's definition, so nested masks of different
   *     parents draw from different generators
   */
  static Pipeline build(
      Object raw, String param, String where, byte[] parentDigest, MaskArgs parent) {
    if (raw instanceof Pipeline p) {
      return p;
    }
    List<?> items;
    if (raw instanceof List<?> l) {
      items = l;
    } else if (raw instanceof Map<?, ?> m && !m.containsKey("type")) {
      items = new ArrayList<>(m.values());
    } else if (raw instanceof Map<?, ?> m) {
      items = List.of(m);
    } else {
      throw new MaskArgs.InvalidArgument(
          param, where + ": 'masks' must be a list of masks, found " + describe(raw));
    }
    if (items.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          param, where + ": 'masks' is empty; give at least one mask");
    }
    List<BuiltMask> masks = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      masks.add(mask(items.get(i), param, where + ", mask " + (i + 1), parentDigest, i, parent));
    }
    return new Pipeline(List.copyOf(masks));
  }

  private static BuiltMask mask(
      Object item, String param, String where, byte[] parentDigest, int index, MaskArgs parent) {
    if (!(item instanceof Map<?, ?> map)) {
      throw new MaskArgs.InvalidArgument(
          param, where + ": a mask must be a mapping with a 'type', found " + describe(item));
    }
    Object type = map.get("type");
    if (!(type instanceof String name)) {
      throw new MaskArgs.InvalidArgument(param, where + ": the mask has no 'type'");
    }
    MaskDefinition def =
        MaskRegistry.standard()
            .find(name)
            .orElseThrow(
                () ->
                    new MaskArgs.InvalidArgument(
                        param,
                        where + ": unknown mask type '" + name + "'; run 'guise masks list'"));
    byte[] digest = digest(parentDigest, index, map);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals("type")) {
        continue;
      }
      ParamSpec spec = def.param(key);
      if (spec == null) {
        List<String> allowed = def.params().stream().map(ParamSpec::name).toList();
        throw new MaskArgs.InvalidArgument(
            param,
            where
                + ": mask '"
                + name
                + "' has no parameter '"
                + key
                + "'; use "
                + (allowed.isEmpty() ? "no parameters" : String.join(", ", allowed)));
      }
      String at = where + " (" + name + "." + spec.name() + ")";
      values.put(spec.name(), convert(spec, e.getValue(), param, at, digest, parent));
    }
    for (ParamSpec p : def.params()) {
      if (!values.containsKey(p.name())) {
        if (p.required()) {
          throw new MaskArgs.InvalidArgument(
              param,
              where
                  + ": mask '"
                  + name
                  + "' needs parameter '"
                  + p.name()
                  + "' ("
                  + p.description()
                  + ")");
        }
        if (p.defaultValue() != null) {
          values.put(p.name(), p.defaultValue());
        }
      }
    }
    try {
      Mask mask =
          def.factory().create(new MaskArgs(name, values, parent.seeds(), parent.baseDir()));
      return new BuiltMask(name, mask, digest, where);
    } catch (MaskArgs.InvalidArgument e) {
      throw new MaskArgs.InvalidArgument(
          param, where + ": mask '" + name + "' parameter '" + e.param() + "': " + e.getMessage());
    }
  }

  private static Object convert(
      ParamSpec spec, Object v, String param, String at, byte[] digest, MaskArgs parent) {
    if (v == null) {
      return null;
    }
    boolean scalar = !(v instanceof Map<?, ?>) && !(v instanceof List<?>);
    Object out =
        switch (spec.type()) {
          case MASKS -> build(v, param, at, digest, parent);
          case ANY -> v;
          case LIST -> v instanceof List<?> ? v : null;
          case STRING_LIST -> strings(v);
          case STRING -> scalar ? v.toString() : null;
          case SCALAR -> scalar ? v : null;
          case BOOLEAN -> v instanceof Boolean ? v : null;
          case INTEGER ->
              v instanceof Long || v instanceof Integer
                  ? ((Number) v).longValue()
                  : v instanceof BigInteger ? v : null;
          case NUMBER ->
              v instanceof BigDecimal
                  ? v
                  : v instanceof Long || v instanceof Integer
                      ? BigDecimal.valueOf(((Number) v).longValue())
                      : v instanceof BigInteger bi
                          ? new BigDecimal(bi)
                          : v instanceof Double d ? BigDecimal.valueOf(d) : null;
        };
    if (out == null) {
      throw new MaskArgs.InvalidArgument(
          param, at + " must be " + spec.type().description() + ", found " + describe(v));
    }
    return out;
  }

  private static List<String> strings(Object v) {
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>(l.size());
      for (Object o : l) {
        if (o == null || o instanceof Map<?, ?> || o instanceof List<?>) {
          return null;
        }
        out.add(o.toString());
      }
      return out;
    }
    return v instanceof Map<?, ?> ? null : List.of(v.toString());
  }

  private static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    return v instanceof String ? "a string" : "a " + v.getClass().getSimpleName().toLowerCase();
  }

  /** SHA-256 of the parent digest, the mask's place and its canonical definition. */
  static byte[] digest(byte[] parent, int index, Object definition) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(parent);
      sha.update(ByteBuffer.allocate(4).putInt(index).array());
      sha.update(canonical(definition).getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A stable text form of a plain YAML value: map keys sorted, scalars tagged with their type. */
  static String canonical(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      sorted.forEach((k, x) -> sb.append(k).append('=').append(canonical(x)).append(';'));
      return sb.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      l.forEach(x -> sb.append(canonical(x)).append(';'));
      return sb.append(']').toString();
    }
    if (v instanceof Pipeline p) {
      StringBuilder sb = new StringBuilder("<");
      p.masks().forEach(b -> sb.append(HexFormat.of().formatHex(b.digest())).append(';'));
      return sb.append('>').toString();
    }
    if (v instanceof BigDecimal d) {
      return "n:" + d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number n) {
      return "n:" + n;
    }
    return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
  }
}
