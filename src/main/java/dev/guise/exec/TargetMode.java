package dev.guise.exec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a source → target run does with target tables that already hold rows ({@code
 * --target-mode}).
 */
public enum TargetMode {
  /** Refuse the run (nothing touched) when a target table holds any row: the default. */
  FAIL_IF_NOT_EMPTY("fail-if-not-empty"),
  /** Empty each target table the run writes before the first row is written. */
  TRUNCATE("truncate"),
  /** Add the rows to what the target tables hold. */
  APPEND("append");

  private final String option;

  TargetMode(String option) {
    this.option = option;
  }

  /** The name on the command line and in run records. */
  public String option() {
    return option;
  }

  /** The mode named {@code s} (as on the command line), or empty. */
  public static Optional<TargetMode> of(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String wanted = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(m -> m.option.equals(wanted)).findFirst();
  }
}
