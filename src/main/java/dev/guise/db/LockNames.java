package dev.guise.db;

import dev.guise.schema.TableRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of Guise's locks, and the forms engines need: PostgreSQL takes a 64-bit key, MySQL a
 * name of at most 64 characters; both come from a SHA-256 of the readable name, so any table name
 * fits.
 */
public final class LockNames {
  private LockNames() {}

  /** The lock a run holds on a table it writes. */
  public static String table(TableRef table) {
    return "guise:table:" + table;
  }

  /** The lock a run holds on itself while its process lives. */
  public static String run(String runId) {
    return "guise:run:" + runId;
  }

  /** The first 8 bytes of the name's SHA-256, for {@code pg_try_advisory_lock(bigint)}. */
  public static long key(String name) {
    return ByteBuffer.wrap(sha256(name)).getLong();
  }

  /** {@code guise_} and 40 hex digits of the name's SHA-256: 46 characters, for GET_LOCK. */
  public static String hashed(String name) {
    return "guise_" + HexFormat.of().formatHex(sha256(name)).substring(0, 40);
  }

  private static byte[] sha256(String name) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
