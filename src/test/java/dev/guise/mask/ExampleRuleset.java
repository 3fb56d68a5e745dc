package dev.guise.mask;

/**
 * One mask placed in the smallest ruleset around it: a {@code mask_table} task on table {@code t}
 * (key {@code id}) with one rule on column {@code c}. The mask's {@code type} value is then at line
 * 9, column 19 ({@link #TYPE_LINE_COL}).
 */
public final class ExampleRuleset {
  public static final String TYPE_LINE_COL = "9:19";

  private ExampleRuleset() {}

  /**
   * @param mask a mask's YAML as written at the top level (e.g. a definition's example)
   */
  public static String around(String mask) {
    return "version: '1.0'\n"
        + "tasks:\n"
        + "  - type: mask_table\n"
        + "    table: t\n"
        + "    key: id\n"
        + "    rules:\n"
        + "      - column: c\n"
        + "        masks:\n"
        + "          - "
        + mask.strip().replace("\n", "\n            ")
        + "\n";
  }
}
