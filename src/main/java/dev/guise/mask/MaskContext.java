package dev.guise.mask;

import dev.guise.schema.RowView;
import dev.guise.secret.Rng;
import dev.guise.secret.RunKey;
import java.time.Instant;
import java.util.function.Function;

/**
 * What a mask may see while it masks one value: its own deterministic generator, the current row,
 * the run key and the run's start instant (never the wall clock).
 */
public final class MaskContext {
  private final Function<byte[], Rng> seeder;
  private final RowView row;
  private final RowView maskedRow;
  private final RunKey key;
  private final Instant runStart;
  private final byte[] digest;
  private Rng rng;

  /**
   * @param seeder turns a mask's digest into its generator for this value (the executor decides
   *     whether the row's key or its hash columns enter the seed)
   */
  public MaskContext(Function<byte[], Rng> seeder, RowView row, RunKey key, Instant runStart) {
    this(seeder, row, row, key, runStart, new byte[0]);
  }

  /**
   * @param maskedRow the same row with the values that the task's earlier rules wrote
   */
  public MaskContext(
      Function<byte[], Rng> seeder, RowView row, RowView maskedRow, RunKey key, Instant runStart) {
    this(seeder, row, maskedRow, key, runStart, new byte[0]);
  }

  private MaskContext(
      Function<byte[], Rng> seeder,
      RowView row,
      RowView maskedRow,
      RunKey key,
      Instant runStart,
      byte[] digest) {
    this.seeder = seeder;
    this.row = row;
    this.maskedRow = maskedRow;
    this.key = key;
    this.runStart = runStart;
    this.digest = digest;
  }

  /** The context for one mask of a pipeline (top level or nested). */
  public MaskContext forMask(BuiltMask mask) {
    return new MaskContext(seeder, row, maskedRow, key, runStart, mask.digest());
  }

  /**
   * A context whose masks draw from generators independent of this one's, for a nested pipeline
   * applied several times to one value (each match of {@code replace_regex}). The same label gives
   * the same generators, so the result stays reproducible.
   */
  public MaskContext derive(String label) {
    Function<byte[], Rng> parent = seeder;
    return new MaskContext(
        d -> parent.apply(d).derive(label), row, maskedRow, key, runStart, digest);
  }

  /** This mask's generator: the same for the same secrets, mask definition and seed inputs. */
  public Rng rng() {
    if (rng == null) {
      rng = seeder.apply(digest);
    }
    return rng;
  }

  /** The row as read, before any rule of the task ran. */
  public RowView row() {
    return row;
  }

  /**
   * The row with the values that the task's earlier rules (in ruleset order) wrote; a column no
   * earlier rule masked reads as in {@link #row()}.
   */
  public RowView maskedRow() {
    return maskedRow;
  }

  public RunKey key() {
    return key;
  }

  public Instant runStart() {
    return runStart;
  }
}
