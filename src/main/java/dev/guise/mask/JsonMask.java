package dev.guise.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code json}: masks values inside JSON held in a text, JSON or JSONB column (or bytes). Each
 * transform selects values by a path of keys and indexes, where {@code *} matches every key or
 * element, and replaces each with the output of its nested masks. Transforms run in order, each on
 * the result of the previous one; the output is compact JSON text (bytes stay bytes) with keys in
 * their original order.
 *
 * <p>Each selected value gets its own generators, derived from the path it was found at; with
 * {@code force_consistency} they are derived from the value instead, so equal values anywhere in
 * the document mask alike (and, with {@code hash_columns}, alike across rows).
 */
public final class JsonMask implements Mask {
  public static final String NAME = "json";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "document",
          "Mask values inside JSON: each transform applies masks to the values at a path.",
          List.of(
              ParamSpec.required(
                  "transforms",
                  ParamType.TRANSFORMS,
                  "List of {path, masks, on_null, on_missing}. path: keys and indexes as a list"
                      + " ([customer, emails, '*']) or a dotted string (customer.emails.*), '*'"
                      + " matching every key or element. masks: the masks applied to each value"
                      + " (objects and arrays reach them as JSON text). on_null: skip (default:"
                      + " leave nulls), mask (masks receive null) or error. on_missing: skip"
                      + " (default) or error when a key or index is absent."),
              ParamSpec.optional(
                  "force_consistency",
                  ParamType.BOOLEAN,
                  false,
                  "true gives equal values the same masked value wherever they occur in the"
                      + " document: the generators are derived from the value, not its path.")),
          "type: json\ntransforms:\n  - path: [customer, name]\n    masks:\n"
              + "      - type: from_file\n        seed_file: first_names\n"
              + "        seed_column: first_name\n"
              + "  - path: customer.phones.*\n    masks:\n      - type: imitate\n"
              + "    on_missing: skip",
          JsonMask::create);

  enum OnNull {
    SKIP,
    ERROR,
    MASK
  }

  /** One entry of {@code transforms}. */
  record Transform(List<Object> path, Pipeline masks, OnNull onNull, boolean errorOnMissing) {}

  private static final Set<String> TRANSFORM_KEYS =
      Set.of("path", "masks", "on_null", "on_missing");

  private final List<Transform> transforms;
  private final boolean forceConsistency;

  JsonMask(List<Transform> transforms, boolean forceConsistency) {
    this.transforms = transforms;
    this.forceConsistency = forceConsistency;
  }

  private static JsonMask create(MaskArgs args) {
    List<?> raw = args.list("transforms");
    if (raw.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "transforms", "the list of transforms is empty; give at least one {path, masks}");
    }
    List<Transform> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String where = "transform " + (i + 1);
      Map<?, ?> t = transformMap(raw.get(i), where, TRANSFORM_KEYS);
      if (!t.containsKey("path") || !t.containsKey("masks")) {
        throw new MaskArgs.InvalidArgument("transforms", where + " needs both 'path' and 'masks'");
      }
      List<Object> path = JsonValues.path(t.get("path"), "transforms", where + ": ");
      Pipeline masks = JsonMask.masks(t.get("masks"), where);
      OnNull onNull =
          OnNull.valueOf(
              option(t.get("on_null"), "skip", where, "on_null", "skip", "error", "mask"));
      boolean errorOnMissing =
          option(t.get("on_missing"), "skip", where, "on_missing", "skip", "error").equals("ERROR");
      out.add(new Transform(path, masks, onNull, errorOnMissing));
    }
    return new JsonMask(List.copyOf(out), args.bool("force_consistency", false));
  }

  /** A transform's {@code masks}, built by the ruleset validator like any nested pipeline. */
  static Pipeline masks(Object raw, String where) {
    if (raw instanceof Pipeline p && !p.masks().isEmpty()) {
      return p;
    }
    throw new MaskArgs.InvalidArgument("transforms", where + " needs 'masks': a list of masks");
  }

  static Map<?, ?> transformMap(Object entry, String where, Set<String> keys) {
    if (!(entry instanceof Map<?, ?> t)) {
      throw new MaskArgs.InvalidArgument(
          "transforms", where + " must be a mapping with path and masks");
    }
    for (Object k : t.keySet()) {
      if (!keys.contains(String.valueOf(k))) {
        throw new MaskArgs.InvalidArgument(
            "transforms",
            where
                + " has an unknown key '"
                + k
                + "'; use "
                + String.join(", ", new java.util.TreeSet<>(keys)));
      }
    }
    return t;
  }

  /** An upper-cased option value, checked against the allowed ones. */
  static String option(Object raw, String fallback, String where, String key, String... allowed) {
    String v = raw == null ? fallback : raw.toString().strip().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v.toUpperCase(Locale.ROOT);
      }
    }
    throw new MaskArgs.InvalidArgument(
        "transforms",
        where + ": " + key + " '" + raw + "' is not an option; use " + String.join(", ", allowed));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return value;
    }
    if (!(value instanceof String) && !(value instanceof byte[])) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - cannot read JSON from a "
              + value.getClass().getSimpleName()
              + " value; use it on text, JSON or JSONB columns");
    }
    JsonNode root = JsonValues.read(value, NAME);
    for (int t = 0; t < transforms.size(); t++) {
      root = transform(root, t, ctx);
    }
    String json = JsonValues.write(root);
    return value instanceof byte[] ? json.getBytes(StandardCharsets.UTF_8) : json;
  }

  /** A selected value: its container, its key or index there, and its concrete path. */
  private record Match(JsonNode container, Object at, JsonNode value, String where) {}

  private JsonNode transform(JsonNode root, int index, MaskContext ctx) {
    Transform t = transforms.get(index);
    List<Match> matches = new ArrayList<>();
    select(root, t, 0, "", matches);
    for (Match m : matches) {
      Object input;
      if (m.value().isNull()) {
        if (t.onNull() == OnNull.SKIP) {
          continue;
        }
        if (t.onNull() == OnNull.ERROR) {
          throw new GuiseException(
              ErrorCode.RUN_FAILED,
              NAME
                  + " - "
                  + m.where()
                  + " is null in a row; set on_null: skip or mask for this transform");
        }
        input = null;
      } else {
        input = JsonValues.toJava(m.value());
      }
      MaskContext c =
          forceConsistency
              ? ctx.derive(NAME + "/value/" + JsonValues.canonical(m.value()))
              : ctx.derive(NAME + "/" + index + "/path/" + m.where());
      JsonNode masked = JsonValues.toNode(t.masks().apply(input, c));
      if (m.container() instanceof ObjectNode o) {
        o.set((String) m.at(), masked);
      } else if (m.container() instanceof ArrayNode a) {
        a.set((Integer) m.at(), masked);
      }
    }
    return root;
  }

  private void select(JsonNode node, Transform t, int i, String where, List<Match> out) {
    Object step = t.path().get(i);
    boolean last = i == t.path().size() - 1;
    List<Object> keys = new ArrayList<>();
    if (JsonValues.WILDCARD.equals(step)) {
      if (node.isObject()) {
        node.fieldNames().forEachRemaining(keys::add);
      } else if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          keys.add(k);
        }
      }
    } else {
      JsonNode child = JsonValues.child(node, step);
      if (child == null) {
        if (t.errorOnMissing()) {
          throw new GuiseException(
              ErrorCode.RUN_FAILED,
              NAME
                  + " - path "
                  + JsonValues.render(t.path())
                  + " is missing at "
                  + (where.isEmpty() ? "the top level" : where)
                  + " in a row; set on_missing: skip to leave such values alone");
        }
        return;
      }
      keys.add(node.isArray() ? (Object) Integer.parseInt(step.toString()) : step.toString());
    }
    for (Object key : keys) {
      JsonNode child = key instanceof Integer k ? node.get(k) : node.get((String) key);
      String at = where.isEmpty() ? key.toString() : where + "." + key;
      if (last) {
        out.add(new Match(node, key, child, at));
      } else {
        select(child, t, i + 1, at, out);
      }
    }
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }

  @Override
  public Set<String> columnsRead() {
    Set<String> out = new LinkedHashSet<>();
    for (Transform t : transforms) {
      out.addAll(t.masks().columnsRead());
    }
    return out;
  }
}
