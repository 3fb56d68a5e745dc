package dev.guise.mask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.guise.mask.seed.SeedCatalog;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.DidYouMean;
import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the YAML of a {@code masks} list into a {@link Pipeline}: looks each mask up in the
 * registry, checks its parameters against the declared {@link ParamSpec}s (unknown, missing,
 * wrongly typed), and builds it. Every problem becomes a diagnostic.
 */
public final class MaskBuilder {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private final MaskRegistry registry;
  private final SeedCatalog seeds;
  private final java.nio.file.Path baseDir;
  private final Diagnostics diagnostics;

  /**
   * Errors this builder reported, counted here because {@link Diagnostics} keeps one copy of a
   * repeated problem: an alias of a broken mask must fail to build as its anchor did.
   */
  private int errors;

  /**
   * @param baseDir the ruleset's folder, where relative paths of parameters (e.g. seed files) start
   */
  public MaskBuilder(
      MaskRegistry registry,
      SeedCatalog seeds,
      java.nio.file.Path baseDir,
      Diagnostics diagnostics) {
    this.registry = registry;
    this.seeds = seeds;
    this.baseDir = baseDir;
    this.diagnostics = diagnostics;
  }

  /**
   * Builds a rule's own pipeline.
   *
   * @param where the position of the {@code masks} key, reported when the list is empty
   */
  public Pipeline pipeline(List<YNode> items, Location where) {
    return pipeline(items, new byte[0], where);
  }

  /**
   * @param parentDigest empty for a rule's own pipeline; the parent mask's digest for nested ones
   */
  private Pipeline pipeline(List<YNode> items, byte[] parentDigest, Location where) {
    List<BuiltMask> masks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      BuiltMask m = mask(items.get(i), parentDigest, i);
      if (m != null
          && m.mask() instanceof UniqueMask u
          && u.assignment() == UniqueMask.Assignment.BY_ORDINAL
          && (parentDigest.length > 0 || items.size() > 1)) {
        error(
            "misplaced-mask",
            items.get(i).location(),
            m.name()
                + " gives values over the whole column (each distinct value its own), so it"
                + " must be the only mask of a rule's masks, not nested or chained");
        m = null;
      }
      if (m != null) {
        masks.add(m);
      }
    }
    if (items.isEmpty()) {
      error("empty-masks", where, "'masks' is empty; give at least one mask");
    }
    return new Pipeline(List.copyOf(masks));
  }

  private BuiltMask mask(YNode node, byte[] parentDigest, int index) {
    if (!(node instanceof YNode.YMap map)) {
      error(
          "wrong-type",
          node.location(),
          "a mask must be a mapping with a 'type', found " + node.kind());
      return null;
    }
    YNode typeNode = map.get("type");
    if (!(typeNode instanceof YNode.YScalar ts) || !(ts.value() instanceof String type)) {
      error("missing-key", map.location(), "mask is missing the required key 'type'");
      return null;
    }
    String replacement = registry.replacementOf(type).orElse(null);
    if (replacement != null) {
      diagnostics.warning(
          "deprecated",
          typeNode.location(),
          "mask type '"
              + type
              + "' is deprecated (as in DataMasque); it runs as '"
              + replacement
              + "'; write type: "
              + replacement);
      type = replacement;
    }
    MaskDefinition def = registry.find(type).orElse(null);
    if (def == null) {
      List<String> names = registry.all().stream().map(MaskDefinition::name).toList();
      error(
          "unknown-mask",
          typeNode.location(),
          "unknown mask type '"
              + type
              + "'"
              + DidYouMean.hint(type, names)
              + (DidYouMean.closest(type, names) == null ? "; run 'guise masks list'" : ""));
      return null;
    }
    if (type.equals(SecureShuffleMask.NAME) && (index > 0 || parentDigest.length > 0)) {
      error(
          "misplaced-mask",
          typeNode.location(),
          "secure_shuffle works on the whole column, so it must be the first mask of a rule's"
              + " masks (later masks may transform the shuffled value)");
      return null;
    }
    // the canonical name enters the digest, so a deprecated name masks exactly like its replacement
    Map<String, Object> plain = new LinkedHashMap<>(castMap(map.toPlain()));
    plain.put("type", type);
    byte[] digest = digest(parentDigest, index, plain);
    int errorsBefore = errors;
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> allowed = new ArrayList<>();
    allowed.add("type");
    for (ParamSpec p : def.params()) {
      allowed.add(p.name());
      allowed.addAll(p.aliases());
    }
    for (Map.Entry<String, YNode> e : map.entries().entrySet()) {
      String key = e.getKey();
      if (key.equals("type")) {
        continue;
      }
      ParamSpec spec = def.param(key);
      if (spec == null) {
        error(
            "unknown-key",
            map.keyLocation(key),
            "mask '"
                + type
                + "' has no parameter '"
                + key
                + "'"
                + DidYouMean.hint(key, allowed)
                + (DidYouMean.closest(key, allowed) == null
                    ? "; see 'guise masks show " + type + "'"
                    : ""));
        continue;
      }
      if (values.containsKey(spec.name())) {
        error(
            "duplicate-key",
            map.keyLocation(key),
            "'"
                + key
                + "' repeats parameter '"
                + spec.name()
                + "' of mask '"
                + type
                + "'; keep one");
        continue;
      }
      Object v = convert(type, spec, e.getValue(), digest);
      values.put(spec.name(), v);
    }
    for (ParamSpec p : def.params()) {
      if (!values.containsKey(p.name())) {
        if (p.required()) {
          error(
              "missing-parameter",
              typeNode.location(),
              "mask '" + type + "' needs parameter '" + p.name() + "' (" + p.description() + ")");
        } else if (p.defaultValue() != null) {
          values.put(p.name(), p.defaultValue());
        }
      }
    }
    if (errors > errorsBefore) {
      return null;
    }
    try {
      Mask mask = def.factory().create(new MaskArgs(type, values, seeds, baseDir));
      return new BuiltMask(type, mask, digest, map.location().toString());
    } catch (dev.guise.GuiseException e) {
      // e.g. a seed file or column that does not exist: the message names the file already
      error("invalid-parameter", map.location(), "mask '" + type + "': " + e.getMessage());
      return null;
    } catch (MaskArgs.InvalidArgument e) {
      YNode at = map.get(e.param());
      error(
          "invalid-parameter",
          at == null ? typeNode.location() : at.location(),
          "mask '" + type + "' parameter '" + e.param() + "': " + e.getMessage());
      return null;
    }
  }

  private Object convert(String type, ParamSpec spec, YNode n, byte[] digest) {
    String what = "parameter '" + spec.name() + "' of mask '" + type + "'";
    switch (spec.type()) {
      case MASKS -> {
        return nested(n, digest, what, spec.type());
      }
      case TRANSFORMS -> {
        if (!(n instanceof YNode.YList l)) {
          return bad(n, what, spec.type());
        }
        List<Object> transforms = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
          if (!(l.items().get(i) instanceof YNode.YMap t)) {
            return bad(l.items().get(i), what, spec.type());
          }
          Map<String, Object> plain = new LinkedHashMap<>();
          for (Map.Entry<String, YNode> e : t.entries().entrySet()) {
            plain.put(
                e.getKey(),
                e.getKey().equals("masks")
                    ? nested(e.getValue(), digest(digest, i, "transform"), what, ParamType.MASKS)
                    : e.getValue().toPlain());
          }
          transforms.add(plain);
        }
        return transforms;
      }
      case ANY -> {
        return n.toPlain();
      }
      case LIST -> {
        return n instanceof YNode.YList ? n.toPlain() : bad(n, what, spec.type());
      }
      case STRING_LIST -> {
        if (n instanceof YNode.YScalar s && s.value() != null) {
          return List.of(s.asText());
        }
        if (n instanceof YNode.YList l) {
          List<String> out = new ArrayList<>();
          for (YNode item : l.items()) {
            if (item instanceof YNode.YScalar s && s.value() != null) {
              out.add(s.asText());
            } else {
              return bad(item, what, spec.type());
            }
          }
          return out;
        }
        return bad(n, what, spec.type());
      }
      default -> {
        if (!(n instanceof YNode.YScalar s)) {
          return bad(n, what, spec.type());
        }
        Object v = s.value();
        if (v == null) {
          return null;
        }
        return switch (spec.type()) {
          case STRING -> v instanceof String ? v : s.text();
          case INTEGER ->
              v instanceof Long || v instanceof BigInteger ? v : bad(n, what, spec.type());
          case NUMBER ->
              v instanceof Long l
                  ? BigDecimal.valueOf(l)
                  : v instanceof BigInteger bi
                      ? new BigDecimal(bi)
                      : v instanceof BigDecimal ? v : bad(n, what, spec.type());
          case BOOLEAN -> v instanceof Boolean ? v : bad(n, what, spec.type());
          default -> v; // SCALAR
        };
      }
    }
  }

  /** A nested pipeline: a list of masks, a mapping of name to mask, or one mask. */
  private Object nested(YNode n, byte[] parentDigest, String what, ParamType type) {
    List<YNode> items;
    if (n instanceof YNode.YList l) {
      items = l.items();
    } else if (n instanceof YNode.YMap m && !m.has("type")) {
      items = new ArrayList<>(m.entries().values());
    } else if (n instanceof YNode.YMap m) {
      items = List.of(m);
    } else {
      return bad(n, what, type);
    }
    return pipeline(items, parentDigest, n.location());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object plainMap) {
    return (Map<String, Object>) plainMap;
  }

  private Object bad(YNode n, String what, ParamType expected) {
    error(
        "wrong-type",
        n.location(),
        what + " must be " + expected.description() + ", found " + n.kind());
    return null;
  }

  private void error(String code, Location where, String message) {
    errors++;
    diagnostics.error(code, where, message);
  }

  private static byte[] digest(byte[] parent, int index, Object plainDefinition) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(parent);
      sha.update(ByteBuffer.allocate(4).putInt(index).array());
      sha.update(CANONICAL.writeValueAsString(plainDefinition).getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot digest a mask definition", e);
    }
  }
}
