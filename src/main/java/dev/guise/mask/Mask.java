package dev.guise.mask;

/**
 * One step of a rule's pipeline: turns the incoming value (the original for the first mask, the
 * previous mask's output after that) into a new one. Implementations are immutable, thread-safe and
 * draw all randomness from {@link MaskContext#rng()}.
 */
public interface Mask {
  /**
   * @param value String, Long, BigDecimal, Double, Boolean, LocalDate, LocalDateTime,
   *     OffsetDateTime, byte[] or null
   */
  Object apply(Object value, MaskContext ctx);

  /** What this mask outputs, for checking it against the column before a run. */
  default OutputShape shape() {
    return OutputShape.SAME;
  }

  /**
   * Columns of the row this mask reads besides its input (e.g. {@code from_column}); masks that
   * hold a nested pipeline return its columns.
   */
  default java.util.Set<String> columnsRead() {
    return java.util.Set.of();
  }

  /**
   * Whether the output never equals a non-null input (a promise {@code guise verify} holds the run
   * to): {@code imitate} with {@code force_change}, {@code credit_card}, {@code from_file} (while
   * its candidates hold another value) and the fixed-point-free bijections.
   */
  default boolean alwaysChanges() {
    return false;
  }
}
