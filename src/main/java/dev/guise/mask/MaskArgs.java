package dev.guise.mask;

import dev.guise.mask.seed.SeedCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mask's arguments after the ruleset validator has checked names and types against the
 * definition's {@link ParamSpec}s and filled in defaults. Values are plain Java: String, Long,
 * BigDecimal, Boolean, List, Map, or a {@link Pipeline} for {@link ParamType#MASKS} parameters.
 */
public final class MaskArgs {
  private final String maskName;
  private final Map<String, Object> values;
  private final SeedCatalog seeds;
  private final Path baseDir;

  /** Arguments with the built-in seed files only. */
  public MaskArgs(String maskName, Map<String, Object> values) {
    this(maskName, values, SeedCatalog.builtIn());
  }

  /**
   * @param seeds where {@code from_file} and friends find seed files (user dir, then built-ins)
   */
  public MaskArgs(String maskName, Map<String, Object> values, SeedCatalog seeds) {
    this(maskName, values, seeds, Path.of("").toAbsolutePath());
  }

  /**
   * @param baseDir the ruleset's folder: relative file paths in mask parameters start there
   */
  public MaskArgs(String maskName, Map<String, Object> values, SeedCatalog seeds, Path baseDir) {
    this.maskName = maskName;
    this.values = values;
    this.seeds = seeds;
    this.baseDir = baseDir;
  }

  /** Where relative paths of this mask's parameters start: the ruleset's folder. */
  public Path baseDir() {
    return baseDir;
  }

  /** Seed files for masks that draw from them; loaded once per run and shared across threads. */
  public SeedCatalog seeds() {
    return seeds;
  }

  /** A well-typed argument that cannot be used; reported at the parameter's position. */
  public static final class InvalidArgument extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String param;

    public InvalidArgument(String param, String message) {
      super(message);
      this.param = param;
    }

    public String param() {
      return param;
    }
  }

  public String maskName() {
    return maskName;
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public Object raw(String name) {
    return values.get(name);
  }

  public String string(String name) {
    Object v = values.get(name);
    return v == null ? null : v.toString();
  }

  public long longValue(String name, long fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidArgument(name, "'" + v + "' is not an integer");
    }
  }

  public int intValue(String name, int fallback) {
    return (int)
        Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, longValue(name, fallback)));
  }

  public BigDecimal decimal(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidArgument(name, "'" + v + "' is not a number");
    }
  }

  public boolean bool(String name, boolean fallback) {
    Object v = values.get(name);
    return v instanceof Boolean b ? b : fallback;
  }

  /** A list of strings; a single string counts as a one-element list. */
  public List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      for (Object o : l) {
        out.add(o == null ? null : o.toString());
      }
      return out;
    }
    return List.of(v.toString());
  }

  public List<?> list(String name) {
    Object v = values.get(name);
    return v instanceof List<?> l ? l : List.of();
  }

  /** A nested pipeline ({@link ParamType#MASKS}); empty when absent. */
  public Pipeline pipeline(String name) {
    Object v = values.get(name);
    return v instanceof Pipeline p ? p : new Pipeline(List.of());
  }
}
