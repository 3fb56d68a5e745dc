package dev.guise.db;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.DidYouMean;
import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * A connection's {@code ssl} settings from connections.yml, secrets already resolved; each dialect
 * maps them to its driver's properties ({@link Dialect#sslProperties}). {@link #toString()} never
 * shows a value.
 *
 * @param mode one of {@link #MODES}: {@code disable}, {@code require} (encrypted, server not
 *     verified), {@code verify-ca}, {@code verify-full} (certificate and host name checked)
 * @param values the other settings by their connections-file key
 */
public record SslSettings(String mode, Map<String, String> values) {
  /** The modes, weakest first, named as PostgreSQL's sslmode names them. */
  public static final List<String> MODES =
      List.of("disable", "require", "verify-ca", "verify-full");

  /** The keys an {@code ssl} mapping may hold. */
  public static final List<String> KEYS =
      List.of(
          "mode",
          "root_cert",
          "client_cert",
          "client_key",
          "key_password",
          "trust_store",
          "trust_store_password",
          "trust_store_type");

  /** The keys whose values are secrets: given as ${env:} or ${file:}, never printed. */
  public static final List<String> SECRET_KEYS = List.of("key_password", "trust_store_password");

  public SslSettings {
    values = Map.copyOf(values);
  }

  public boolean disabled() {
    return mode.equals("disable");
  }

  /** Hands the setting to {@code use} when it is given. */
  public void ifSet(String key, Consumer<String> use) {
    String v = values.get(key);
    if (v != null) {
      use.accept(v);
    }
  }

  @Override
  public String toString() {
    return "SslSettings[" + mode + ", " + values.keySet() + "]";
  }

  /** The {@code ssl} mapping, its secrets resolved; null when it is wrong (reported). */
  static SslSettings read(
      String name,
      YNode.YMap node,
      Path file,
      Function<String, String> env,
      boolean resolveSecrets,
      Diagnostics d) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, YNode> e : node.entries().entrySet()) {
      String k = e.getKey();
      Location at = node.keyLocation(k);
      if (!KEYS.contains(k)) {
        d.error(
            "unknown-key",
            at,
            "unknown key '"
                + k
                + "' in the ssl settings of connection '"
                + name
                + "'"
                + DidYouMean.hint(k, KEYS));
        ok = false;
        continue;
      }
      if (!(e.getValue() instanceof YNode.YScalar sc) || sc.value() == null) {
        d.error("wrong-type", at, "connection '" + name + "': ssl." + k + " is a text value");
        ok = false;
        continue;
      }
      String v = sc.asText();
      Matcher ref = SecretRef.PATTERN.matcher(v);
      if (ref.matches()) {
        v =
            resolveSecrets
                ? SecretRef.resolve(ref.group(1), ref.group(2), file, env, name, at, d)
                : null;
      } else if (SECRET_KEYS.contains(k)) {
        d.error(
            "literal-secret",
            at,
            "connection '"
                + name
                + "': ssl."
                + k
                + " is a secret; give it as ${env:NAME} or ${file:PATH}");
        ok = false;
        continue;
      } else if (!k.equals("mode") && !k.equals("trust_store_type")) {
        // certificate and key files are read by the driver: relative to the connections file
        v = file.toAbsolutePath().getParent().resolve(v).toString();
      }
      if (v != null) {
        values.put(k, v);
      }
    }
    String mode = values.remove("mode");
    if (mode == null) {
      d.error(
          "missing-key",
          node.location(),
          "connection '" + name + "': ssl needs 'mode' (" + String.join(", ", MODES) + ")");
      return null;
    }
    if (!MODES.contains(mode)) {
      d.error(
          "wrong-value",
          node.keyLocation("mode"),
          "connection '"
              + name
              + "': unknown ssl mode '"
              + mode
              + "'; expected one of "
              + String.join(", ", MODES));
      return null;
    }
    return ok ? new SslSettings(mode, values) : null;
  }
}
