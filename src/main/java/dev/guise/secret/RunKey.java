package dev.guise.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key every masked value is derived from: HMAC-SHA256 over the instance secret (unless
 * disabled) and the run secret. Holds no secret text, only derived key bytes, and prints as its
 * fingerprint.
 */
public final class RunKey {
  private static final String HMAC = "HmacSHA256";
  private final byte[] key;
  private final TokenRing tokens;
  private final ThreadLocal<Mac> macs;
  private final ThreadLocal<Hmac> hmacs;

  private RunKey(byte[] key) {
    this(key, TokenRing.NONE);
  }

  private RunKey(byte[] key, TokenRing tokens) {
    this.key = key;
    this.tokens = tokens;
    this.macs = ThreadLocal.withInitial(this::newMac);
    this.hmacs = ThreadLocal.withInitial(() -> new Hmac(key));
  }

  /**
   * HMAC-SHA256 (RFC 2104) with the padded-key blocks hashed once: each value then costs two clones
   * of a digest state instead of two extra compressions. It gives exactly what {@link Mac} gives
   * (the known-answer tests pin it); one per thread.
   */
  private static final class Hmac {
    private final MessageDigest inner;
    private final MessageDigest outer;

    Hmac(byte[] key) {
      try {
        byte[] k = key.length > 64 ? MessageDigest.getInstance("SHA-256").digest(key) : key;
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
          byte b = i < k.length ? k[i] : 0;
          ipad[i] = (byte) (b ^ 0x36);
          opad[i] = (byte) (b ^ 0x5c);
        }
        inner = MessageDigest.getInstance("SHA-256");
        inner.update(ipad);
        outer = MessageDigest.getInstance("SHA-256");
        outer.update(opad);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 missing from the JVM", e);
      }
    }

    byte[] mac(byte[] domain, byte[] material) {
      try {
        MessageDigest in = (MessageDigest) inner.clone();
        in.update(domain);
        in.update((byte) 0);
        in.update(material);
        MessageDigest out = (MessageDigest) outer.clone();
        out.update(in.digest());
        return out.digest();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("SHA-256 digests must be cloneable", e);
      }
    }
  }

  /**
   * Derives the run key.
   *
   * @param instanceSecret the installation's secret, or null when disabled
   * @param runSecret the run secret (at least 20 characters, checked by {@link RunSecret})
   */
  public static RunKey derive(byte[] instanceSecret, String runSecret) {
    byte[] outerKey =
        instanceSecret == null
            ? "guise/no-instance-secret".getBytes(StandardCharsets.UTF_8)
            : instanceSecret;
    return new RunKey(
        hmac(outerKey, ("guise/run-key/v1\0" + runSecret).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The key of one token key's permutations: derived from the token key alone (never from a run
   * secret), so tokens are the same in every run, table and engine that uses the key.
   */
  static RunKey ofTokenKey(byte[] tokenKey) {
    return new RunKey(
        hmac(tokenKey, "guise/token/permutation-key/v1".getBytes(StandardCharsets.UTF_8)));
  }

  /** This run key, carrying the token keys the run's {@code tokenize} masks use. */
  public RunKey withTokens(TokenRing ring) {
    return new RunKey(key, ring);
  }

  /** The token keys of this run ({@link TokenRing#NONE} when it tokenizes nothing). */
  public TokenRing tokens() {
    return tokens;
  }

  /** The derived key bytes, for the leak test of token keys. */
  byte[] keyBytes() {
    return key.clone();
  }

  /** A generator seeded by HMAC(key, domain || 0 || material). */
  public Rng rng(byte[] domain, byte[] material) {
    return new Rng(hmacs.get().mac(domain, material));
  }

  /**
   * The first 8 bytes of HMAC(key, domain || 0 || material) as a long: a keyed fingerprint that
   * says nothing about the material to whoever lacks the key ({@code guise verify}'s originals).
   */
  public long fingerprint64(byte[] domain, byte[] material) {
    byte[] h = hmacs.get().mac(domain, material);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (h[i] & 0xff);
    }
    return v;
  }

  /**
   * A SipHash-2-4 function keyed with the first 16 bytes of HMAC(key, domain || 0): a cheaper keyed
   * fingerprint than {@link #fingerprint64}, for many values under one label.
   */
  public SipHash sipHash(byte[] domain) {
    return new SipHash(hmacs.get().mac(domain, new byte[0]));
  }

  /** HMAC(key, data): used by the {@code hash} mask. */
  public byte[] mac(byte[] data) {
    return macs.get().doFinal(data);
  }

  /** A short public fingerprint (first 12 hex digits of SHA-256 of the key); safe to log. */
  public String fingerprint() {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "RunKey[" + fingerprint() + "]";
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JVM", e);
    }
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JVM", e);
    }
  }
}
