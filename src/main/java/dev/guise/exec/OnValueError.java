package dev.guise.exec;

import java.util.Locale;

/**
 * What a table task does with a value its masks cannot mask (an unparseable date, a number a
 * typecast refuses): {@code --on-value-error}, Delphix's {@code failImmediately} turned into three
 * choices.
 */
public enum OnValueError {
  /** The task fails at the first such value (the default, and Delphix's failImmediately=true). */
  FAIL,
  /** The value stays as it was; the run ends finished_with_warnings with the count. */
  SKIP,
  /** The value is written as NULL; the run ends finished_with_warnings with the count. */
  NULL;

  /** The name on the command line and in run.json. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy a run record names, or FAIL for a record without one (an older Guise). */
  public static OnValueError ofJson(String s) {
    return s == null ? FAIL : valueOf(s.toUpperCase(Locale.ROOT));
  }
}
