package dev.guise.secret;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The key of the unique masks: the run key narrowed by a namespace (the mask's {@code seed}), and
 * nothing else, so that equal inputs map to equal outputs in every table, rule and engine. It hands
 * out one {@link KeyedPermutation} per named domain (e.g. "three letters then two digits"); a
 * domain's name and size select its permutation, so two domains never share one by accident.
 * Thread-safe; small-domain tables are built once and kept while they fit the cache.
 */
public final class UniqueKey {
  /** Table cells kept in memory across domains (two ints each): about 32 MB. */
  private static final long MAX_CACHED_CELLS = 4_000_000;

  private static final byte[] FF1_LABEL = "guise/unique/ff1/v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TABLE_LABEL =
      "guise/unique/table/v1".getBytes(StandardCharsets.UTF_8);

  private final RunKey runKey;
  private final byte[] namespace;
  private final byte[] aesKey;
  private final Map<String, KeyedPermutation> cache = new ConcurrentHashMap<>();
  private final AtomicLong cachedCells = new AtomicLong();

  private UniqueKey(RunKey runKey, byte[] namespace) {
    this.runKey = runKey;
    this.namespace = namespace;
    byte[] material = new byte[FF1_LABEL.length + 1 + namespace.length];
    System.arraycopy(FF1_LABEL, 0, material, 0, FF1_LABEL.length);
    System.arraycopy(namespace, 0, material, FF1_LABEL.length + 1, namespace.length);
    this.aesKey = runKey.mac(material); // 32 bytes: an AES-256 key
  }

  /**
   * @param namespace the mask's seed; the empty string when none
   */
  public static UniqueKey derive(RunKey runKey, String namespace) {
    return new UniqueKey(runKey, namespace.getBytes(StandardCharsets.UTF_8));
  }

  /** The AES key of this key's FF1 permutations, for the leak test of token keys. */
  byte[] aesKey() {
    return aesKey.clone();
  }

  /** The run key this was derived from (callers cache one per run). */
  public RunKey runKey() {
    return runKey;
  }

  /**
   * The permutation of {@code [0, size)} for the named domain.
   *
   * @param domain a stable description of the domain's shape (not of any value in it)
   */
  public KeyedPermutation permutation(String domain, BigInteger size) {
    String id = domain + '\0' + size;
    KeyedPermutation cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    byte[] material = (id).getBytes(StandardCharsets.UTF_8);
    KeyedPermutation made;
    if (size.compareTo(BigInteger.valueOf(KeyedPermutation.FF1_MIN_DOMAIN)) < 0) {
      byte[] seed = new byte[namespace.length + 1 + material.length];
      System.arraycopy(namespace, 0, seed, 0, namespace.length);
      System.arraycopy(material, 0, seed, namespace.length + 1, material.length);
      made = KeyedPermutation.table(size, runKey.rng(TABLE_LABEL, seed));
    } else {
      made = KeyedPermutation.ff1(size, aesKey, tweak(material));
    }
    long cells = made.cells();
    if (cachedCells.addAndGet(cells) > MAX_CACHED_CELLS) {
      // many distinct small domains (free text of every length): start over rather than grow
      cache.clear();
      cachedCells.set(cells);
    }
    KeyedPermutation raced = cache.putIfAbsent(id, made);
    return raced != null ? raced : made;
  }

  /** FF1's tweak: 16 bytes of SHA-256 over the domain's name and size. */
  private static byte[] tweak(byte[] material) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(material), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  @Override
  public String toString() {
    return "UniqueKey[" + runKey.fingerprint() + "]";
  }
}
