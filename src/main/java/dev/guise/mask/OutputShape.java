package dev.guise.mask;

/**
 * The type and, where known, the longest text rendering of a mask's output; checked against the
 * target column before anything is written.
 *
 * @param maxLength longest output as text, or -1 when unknown or unbounded
 */
public record OutputShape(Kind kind, int maxLength) {
  /** The output keeps the input's type (e.g. {@code imitate}, {@code do_nothing}). */
  public static final OutputShape SAME = new OutputShape(Kind.SAME, -1);

  public static final OutputShape ANY = new OutputShape(Kind.ANY, -1);

  /** Output value categories. */
  public enum Kind {
    SAME,
    ANY,
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    DATETIME
  }

  public static OutputShape text(int maxLength) {
    return new OutputShape(Kind.TEXT, maxLength);
  }

  public static OutputShape of(Kind kind) {
    return new OutputShape(kind, -1);
  }

  /** The shape after this one when {@code next} follows it in a pipeline. */
  public OutputShape then(OutputShape next) {
    return next.kind == Kind.SAME ? this : next;
  }
}
