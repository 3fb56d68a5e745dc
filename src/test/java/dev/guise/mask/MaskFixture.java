package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.secret.RunKey;
import dev.guise.secret.SeedEncoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a mask from its definition and arguments the way the ruleset validator would (defaults
 * filled from the ParamSpecs), and applies it with a real keyed generator seeded from a per-call
 * seed value, like the executor does with hash columns.
 */
final class MaskFixture {
  static final String SECRET = "a-run-secret-of-twenty-plus-chars";
  static final String OTHER_SECRET = "another-run-secret-of-twenty-plus";
  static final Instant RUN_START = Instant.parse("2024-06-15T10:30:45.123Z");

  private final BuiltMask built;
  private final RunKey key;
  private final Map<String, Object> row;

  private MaskFixture(BuiltMask built, RunKey key, Map<String, Object> row) {
    this.built = built;
    this.key = key;
    this.row = row;
  }

  /** Arguments from alternating names and values; values may be null. */
  static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  static MaskFixture of(MaskDefinition def, Map<String, Object> args) {
    return new MaskFixture(build(def, args, 0), RunKey.derive(null, SECRET), Map.of());
  }

  static MaskFixture of(MaskDefinition def, Object... namesAndValues) {
    return of(def, args(namesAndValues));
  }

  /** Builds without wrapping, to check the factory's argument errors. */
  static Mask create(MaskDefinition def, Object... namesAndValues) {
    return def.factory().create(new MaskArgs(def.name(), withDefaults(def, args(namesAndValues))));
  }

  /** A nested pipeline, each mask given its place like the ruleset builder does. */
  static Pipeline pipeline(Object... definitionsAndArgs) {
    List<BuiltMask> masks = new ArrayList<>();
    for (int i = 0; i < definitionsAndArgs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Map<String, Object> a = (Map<String, Object>) definitionsAndArgs[i + 1];
      masks.add(build((MaskDefinition) definitionsAndArgs[i], a, i / 2));
    }
    return new Pipeline(masks);
  }

  static BuiltMask build(MaskDefinition def, Map<String, Object> args, int place) {
    Map<String, Object> full = withDefaults(def, args);
    Mask mask = def.factory().create(new MaskArgs(def.name(), full));
    String canonical = def.name() + "#" + place + canonical(new TreeMap<>(full));
    return new BuiltMask(def.name(), mask, sha256(canonical), "test.yml:1:1");
  }

  MaskFixture withSecret(String secret) {
    return new MaskFixture(built, RunKey.derive(null, secret), row);
  }

  MaskFixture withRow(Map<String, Object> values) {
    Map<String, Object> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    m.putAll(values);
    return new MaskFixture(built, key, m);
  }

  /** Applies to {@code value}, seeding from the value itself. */
  Object apply(Object value) {
    return apply(value, value);
  }

  Object apply(Object value, Object seedValue) {
    return built.apply(value, context(seedValue));
  }

  MaskContext context(Object seedValue) {
    byte[] material = new SeedEncoder().add(seedValue).toBytes();
    return new MaskContext(d -> key.rng(d, material), row::get, key, RUN_START);
  }

  Mask mask() {
    return built.mask();
  }

  OutputShape shape() {
    return built.mask().shape();
  }

  /** Asserts that {@code out} has the kind and length the mask declares. */
  void assertFitsShape(Object out) {
    OutputShape shape = shape();
    if (out == null) {
      return;
    }
    switch (shape.kind()) {
      case TEXT -> assertThat(out).isInstanceOf(String.class);
      case INTEGER -> assertThat(out).isInstanceOf(Long.class);
      case DECIMAL -> assertThat(out).isInstanceOfAny(BigDecimal.class, Double.class);
      case BOOLEAN -> assertThat(out).isInstanceOf(Boolean.class);
      case DATE -> assertThat(out).isInstanceOf(LocalDate.class);
      case DATETIME -> assertThat(out).isInstanceOf(LocalDateTime.class);
      default -> {}
    }
    if (shape.maxLength() >= 0) {
      String text = ValueText.of(out);
      assertThat(text.codePointCount(0, text.length()))
          .as("length of %s", text)
          .isLessThanOrEqualTo(shape.maxLength());
    }
  }

  private static Map<String, Object> withDefaults(MaskDefinition def, Map<String, Object> args) {
    Map<String, Object> full = new LinkedHashMap<>(args);
    for (ParamSpec p : def.params()) {
      boolean given = full.containsKey(p.name());
      for (String alias : p.aliases()) {
        given |= full.containsKey(alias);
      }
      if (!given && p.defaultValue() != null) {
        full.put(p.name(), p.defaultValue());
      }
    }
    return full;
  }

  private static String canonical(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      new TreeMap<>(m).forEach((k, x) -> sb.append(k).append('=').append(canonical(x)).append(';'));
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
    return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
