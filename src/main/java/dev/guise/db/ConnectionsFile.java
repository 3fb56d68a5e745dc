package dev.guise.db;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlInput;
import dev.guise.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Reads connections.yml. Passwords come from {@code ${env:NAME}} or {@code ${file:PATH}}; a literal
 * password is accepted with a warning when the file is readable by others.
 */
public final class ConnectionsFile {
  private static final Set<String> KEYS =
      Set.of(
          "db_type",
          "host",
          "port",
          "database",
          "schema",
          "user",
          "password",
          "url",
          "properties",
          "statement_timeout",
          "lock_timeout",
          "guise_schema",
          "ssl",
          "type",
          "path");

  /**
   * The parsed connections and the problems found.
   *
   * @param files the {@code type: file} connections (folders of a file run), by name
   */
  public record Result(
      Map<String, ConnectionConfig> connections,
      Diagnostics diagnostics,
      Map<String, FileConnection> files) {
    public Result(Map<String, ConnectionConfig> connections, Diagnostics diagnostics) {
      this(connections, diagnostics, Map.of());
    }
  }

  private ConnectionsFile() {}

  /** Every connection, each password reference resolved. */
  public static Result load(Path file, Function<String, String> env) {
    return load(file, env, null);
  }

  /**
   * Every connection, but {@code ${env:…}} and {@code ${file:…}} resolved only in the one named
   * {@code used} (all when null): an unset variable of a connection the command does not use must
   * not stop it. The others come without a password.
   */
  public static Result load(Path file, Function<String, String> env, String used) {
    Diagnostics d = new Diagnostics();
    Map<String, ConnectionConfig> out = new LinkedHashMap<>();
    Map<String, FileConnection> files = new LinkedHashMap<>();
    String shown = file.toString();
    YamlInput.Text in =
        YamlInput.read(
            file, shown, "the connections file", "create it or pass --connections FILE", d);
    if (in == null) {
      return new Result(out, d);
    }
    String text = in.text();
    YNode root =
        YamlReader.read(text, shown, d, "a connections file needs 'version' and 'connections'");
    if (root == null) {
      return new Result(out, d);
    }
    if (!(root instanceof YNode.YMap map)
        || !(map.get("connections") instanceof YNode.YMap conns)) {
      d.error(
          "wrong-type",
          root.location(),
          "a connections file is a mapping with 'version' and 'connections' (name to settings)");
      return new Result(out, d);
    }
    for (String k : map.entries().keySet()) {
      if (!k.equals("version") && !k.equals("connections")) {
        d.error(
            "unknown-key", map.keyLocation(k), "unknown key '" + k + "' in the connections file");
      }
    }
    boolean worldReadable = worldReadable(file);
    for (Map.Entry<String, YNode> e : conns.entries().entrySet()) {
      if (e.getValue() instanceof YNode.YMap fm && fm.has("type")) {
        FileConnection fc = FileConnection.read(e.getKey(), fm, file, d);
        if (fc != null) {
          files.put(e.getKey(), fc);
        }
        continue;
      }
      boolean resolve = used == null || used.equals(e.getKey());
      ConnectionConfig c =
          connection(e.getKey(), e.getValue(), file, env, resolve, worldReadable, d);
      if (c != null) {
        out.put(e.getKey(), c);
      }
    }
    return new Result(out, d, files);
  }

  /**
   * @param resolveSecrets false to leave a password reference unresolved (and the password null)
   */
  private static ConnectionConfig connection(
      String name,
      YNode node,
      Path file,
      Function<String, String> env,
      boolean resolveSecrets,
      boolean worldReadable,
      Diagnostics d) {
    if (!(node instanceof YNode.YMap m)) {
      d.error("wrong-type", node.location(), "connection '" + name + "' must be a mapping");
      return null;
    }
    Map<String, String> v = new LinkedHashMap<>();
    Map<String, String> props = new LinkedHashMap<>();
    YNode.YMap sslNode = null;
    for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
      String k = e.getKey();
      if (!KEYS.contains(k)) {
        d.error(
            "unknown-key",
            m.keyLocation(k),
            "unknown key '"
                + k
                + "' in connection '"
                + name
                + "'"
                + dev.guise.yaml.DidYouMean.hint(k, KEYS));
      } else if (k.equals("ssl")) {
        if (e.getValue() instanceof YNode.YMap sm) {
          sslNode = sm;
        } else {
          d.error(
              "wrong-type",
              e.getValue().location(),
              "connection '" + name + "': ssl is a mapping (mode, root_cert, ...)");
        }
      } else if (k.equals("properties") && e.getValue() instanceof YNode.YMap pm) {
        pm.entries().forEach((pk, pv) -> props.put(pk, String.valueOf(pv.toPlain())));
      } else if (e.getValue() instanceof YNode.YScalar s && s.value() != null) {
        v.put(k, s.asText());
      }
    }
    Location at = m.location();
    String password = v.get("password");
    if (password != null) {
      Matcher ref = SecretRef.PATTERN.matcher(password);
      if (ref.matches() && !resolveSecrets) {
        password = null;
      } else if (ref.matches()) {
        password =
            SecretRef.resolve(
                ref.group(1), ref.group(2), file, env, name, m.keyLocation("password"), d);
      } else if (worldReadable) {
        d.warning(
            "literal-password",
            m.keyLocation("password"),
            "connection '"
                + name
                + "' has a literal password in a file others can read; use"
                + " ${env:NAME} or ${file:PATH}, or chmod 600 the file");
      }
    }
    String url = v.get("url");
    if (url != null) {
      url = url.replace("${guise_home}", guiseHome(env));
    }
    String dbType = v.get("db_type");
    Dialect dialect = null;
    if (dbType != null) {
      dialect = Dialects.forDbType(dbType).orElse(null);
      if (dialect == null) {
        d.error(
            "unknown-db-type",
            m.keyLocation("db_type"),
            "connection '"
                + name
                + "': unknown db_type '"
                + dbType
                + "'; expected one of "
                + String.join(", ", Dialects.dbTypes()));
        return null;
      }
    } else if (url != null) {
      dialect = Dialects.forUrl(url).orElse(null);
      if (dialect == null) {
        d.error(
            "unknown-db-type",
            m.keyLocation("url"),
            "connection '"
                + name
                + "': no dialect for URL "
                + Redact.url(url)
                + "; set db_type to one of "
                + String.join(", ", Dialects.dbTypes()));
        return null;
      }
    } else {
      d.error(
          "missing-key",
          at,
          "connection '" + name + "' needs 'url' or 'db_type' with host and database");
      return null;
    }
    if (url == null) {
      if (v.get("database") == null) {
        d.error("missing-key", at, "connection '" + name + "' needs 'database' (or a raw 'url')");
        return null;
      }
      Integer port = null;
      if (v.get("port") != null) {
        try {
          port = Integer.valueOf(v.get("port"));
        } catch (NumberFormatException ex) {
          d.error("wrong-type", m.keyLocation("port"), "port must be a number");
        }
      }
      url = dialect.jdbcUrl(v.get("host"), port, v.get("database"));
    }
    if (sslNode != null) {
      SslSettings ssl = SslSettings.read(name, sslNode, file, env, resolveSecrets, d);
      if (ssl != null) {
        try {
          props.putAll(dialect.sslProperties(ssl));
        } catch (IllegalArgumentException ex) {
          d.error(
              "unsupported", m.keyLocation("ssl"), "connection '" + name + "': " + ex.getMessage());
        }
      }
    }
    return new ConnectionConfig(
        name,
        dialect,
        url,
        v.get("schema"),
        v.get("user"),
        password,
        Map.copyOf(props),
        seconds(v.get("statement_timeout"), name, "statement_timeout", m, d),
        seconds(v.get("lock_timeout"), name, "lock_timeout", m, d),
        v.get("guise_schema"));
  }

  /** {@code $GUISE_HOME}, else {@code ~/.guise}; forward slashes so it fits in a JDBC URL. */
  private static String guiseHome(Function<String, String> env) {
    String h = env.apply("GUISE_HOME");
    Path p =
        h != null && !h.isBlank()
            ? Path.of(h).toAbsolutePath()
            : Path.of(System.getProperty("user.home"), ".guise");
    return p.toString().replace('\\', '/');
  }

  private static int seconds(String s, String name, String key, YNode.YMap m, Diagnostics d) {
    if (s == null) {
      return 0;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      d.error(
          "wrong-type",
          m.keyLocation(key),
          "connection '" + name + "': " + key + " is a number of seconds");
      return 0;
    }
  }

  private static boolean worldReadable(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.contains(PosixFilePermission.OTHERS_READ)
          || perms.contains(PosixFilePermission.GROUP_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Names in file order; used by {@code guise connections list}. */
  public static List<String> names(Result r) {
    return List.copyOf(r.connections().keySet());
  }
}
