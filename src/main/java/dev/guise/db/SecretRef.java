package dev.guise.db;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A secret in connections.yml given as {@code ${env:NAME}} (an environment variable) or {@code
 * ${file:PATH}} (a file beside the connections file), never as its value.
 */
final class SecretRef {
  /** {@code ${env:NAME}} or {@code ${file:PATH}}: group 1 the kind, group 2 the name or path. */
  static final Pattern PATTERN = Pattern.compile("\\$\\{(env|file):([^}]+)}");

  private SecretRef() {}

  /** The secret a reference names; null when it cannot be had (reported at {@code at}). */
  static String resolve(
      String kind,
      String ref,
      Path file,
      Function<String, String> env,
      String name,
      Location at,
      Diagnostics d) {
    if (kind.equals("env")) {
      String value = env.apply(ref);
      if (value == null) {
        d.error(
            "missing-secret",
            at,
            "connection '" + name + "': environment variable " + ref + " is not set; export it");
      }
      return value;
    }
    Path p = file.toAbsolutePath().getParent().resolve(ref);
    try {
      return Files.readString(p, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      d.error(
          "missing-secret",
          at,
          "connection '" + name + "': cannot read password file " + p + "; check the path");
      return null;
    }
  }
}
