package dev.guise.exec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N runs that mask a database's tables together ({@code --shard I/N}): shard I masks the
 * I-th of N key ranges of every {@code mask_table}, cut the same way in every shard, so the N
 * shards together equal one run. Tasks that are not per-row ({@code run_sql}, {@code
 * truncate_table}, {@code build_temp_table}, discovery, and tables masked whole) run in shard 1.
 *
 * @param index I, from 1
 * @param of N, at least 2
 * @param set the first 12 hex digits of the ruleset's SHA-256: shards of one set share it; null
 *     until the run has read its ruleset
 */
public record Shard(int index, int of, String set) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

  public Shard {
    if (of < 2 || index < 1 || index > of) {
      throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N and N >= 2");
    }
  }

  /**
   * {@code I/N}, or null when the text is not of that form or out of range.
   *
   * @param text as given to --shard
   */
  public static Shard parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return null;
    }
    int i = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    return n >= 2 && i >= 1 && i <= n ? new Shard(i, n, null) : null;
  }

  /** This shard of the set the ruleset with this SHA-256 makes. */
  public Shard ofRuleset(String sha256) {
    return new Shard(index, of, sha256 == null ? null : sha256.substring(0, 12));
  }

  /** Shard 1 runs the tasks that are not split by key. */
  public boolean first() {
    return index == 1;
  }

  /** {@code I/N}. */
  public String label() {
    return index + "/" + of;
  }

  /** Tag of this shard in a task's checkpoint id: {@code @I/N:set}. */
  public String tag() {
    return "@" + label() + ":" + set;
  }
}
