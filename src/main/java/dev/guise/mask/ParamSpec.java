package dev.guise.mask;

import java.util.List;

/**
 * One declared parameter of a mask.
 *
 * @param aliases other accepted names (e.g. {@code format} for {@code value_format})
 * @param defaultValue shown in the reference; null when none
 */
public record ParamSpec(
    String name,
    ParamType type,
    boolean required,
    Object defaultValue,
    String description,
    List<String> aliases) {

  public static ParamSpec required(String name, ParamType type, String description) {
    return new ParamSpec(name, type, true, null, description, List.of());
  }

  public static ParamSpec optional(
      String name, ParamType type, Object defaultValue, String description) {
    return new ParamSpec(name, type, false, defaultValue, description, List.of());
  }

  public ParamSpec withAliases(String... names) {
    return new ParamSpec(name, type, required, defaultValue, description, List.of(names));
  }
}
