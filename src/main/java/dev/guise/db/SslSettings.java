package dev.guise.db;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
}
