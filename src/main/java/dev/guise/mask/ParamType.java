package dev.guise.mask;

/** The YAML type a mask parameter accepts. */
public enum ParamType {
  STRING("a string"),
  INTEGER("an integer"),
  NUMBER("a number"),
  BOOLEAN("a boolean (true or false)"),
  /** A string or a number; dates accept ISO-8601 text or {@code now}. */
  SCALAR("a string or number"),
  STRING_LIST("a list of strings (or one string)"),
  LIST("a list"),
  /** A nested pipeline: a list of masks or a mapping of name to mask. */
  MASKS("a list of masks"),
  /**
   * A list of mappings (e.g. {@code {path, masks, on_null}}) whose {@code masks} is a nested
   * pipeline: {@code json} and {@code xml} transforms.
   */
  TRANSFORMS("a list of transforms, each a mapping with its own 'masks'"),
  ANY("any value");

  private final String description;

  ParamType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
