package dev.guise.db;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** The dialects on the class path, found through {@link ServiceLoader}. */
public final class Dialects {
  private static final List<Dialect> ALL =
      ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

  private Dialects() {}

  public static List<Dialect> all() {
    return ALL;
  }

  public static Optional<Dialect> forDbType(String dbType) {
    String t = dbType.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(d -> d.dbTypes().contains(t)).findFirst();
  }

  public static Optional<Dialect> forUrl(String jdbcUrl) {
    return ALL.stream().filter(d -> d.acceptsUrl(jdbcUrl)).findFirst();
  }

  public static List<String> dbTypes() {
    return ALL.stream().flatMap(d -> d.dbTypes().stream()).toList();
  }
}
