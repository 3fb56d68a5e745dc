package dev.guise.mask;

import java.util.List;

/**
 * A mask as users see it: its YAML name (a declared constant, never derived from a class name),
 * what it does, its parameters, an example and the factory that builds it from validated arguments.
 * The registry drives validation, {@code guise masks list|show} and the docs.
 */
public record MaskDefinition(
    String name,
    String category,
    String summary,
    List<ParamSpec> params,
    String example,
    MaskFactory factory) {

  /** Builds a mask from arguments that already passed parameter validation. */
  @FunctionalInterface
  public interface MaskFactory {
    /**
     * @throws MaskArgs.InvalidArgument when a value is well-typed but unusable (a bad regex, an
     *     empty choice list)
     */
    Mask create(MaskArgs args);
  }

  public ParamSpec param(String name) {
    for (ParamSpec p : params) {
      if (p.name().equals(name) || p.aliases().contains(name)) {
        return p;
      }
    }
    return null;
  }
}
