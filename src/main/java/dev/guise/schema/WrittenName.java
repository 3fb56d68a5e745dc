package dev.guise.schema;

import java.util.List;

/**
 * A table or column name as a ruleset writes it, split into its dotted parts.
 *
 * @param asWritten the text of the ruleset, for messages
 * @param parts the parts in order ({@code schema}, {@code table}, {@code column}); empty when the
 *     text could not be read
 * @param problem why the text is not a name, or null
 */
public record WrittenName(String asWritten, List<Part> parts, String problem) {
  public WrittenName {
    parts = List.copyOf(parts);
  }

  /**
   * One part of a name.
   *
   * @param text the name, quotes removed and doubled quotes undone
   * @param quoted true when written in quotes: then it is the exact name, never folded
   */
  public record Part(String text, boolean quoted) {
    /** The part as a ruleset writes it: quoted again when it was. */
    public String written() {
      return quoted ? IdentifierRules.quoted(text) : text;
    }
  }

  /** The last part: the table of {@code schema.table}, the column of {@code table.column}. */
  public Part last() {
    return parts.get(parts.size() - 1);
  }

  /** Every part but the last: what qualifies it. */
  public List<Part> qualifier() {
    return parts.subList(0, parts.size() - 1);
  }
}
