package dev.guise.secret;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES as BouncyCastle's FF1 asks for it (one 16-byte block at a time), computed by the JDK's own
 * AES, which the JVM runs on the processor's AES instructions: FF1 spends most of its time in AES,
 * and BouncyCastle's table-driven Java AES made it twice as slow (5.2 against 2.8 µs per FF1 call
 * on the key benchmark's domain). ECB without padding: every block is encrypted on its own, exactly
 * as {@code AESEngine.processBlock} does, so FF1's outputs are unchanged (the NIST known-answer
 * tests run through this class).
 */
final class JceAes implements BlockCipher {
  private static final int BLOCK = 16;
  private Cipher cipher;

  @Override
  public void init(boolean forEncryption, CipherParameters params) {
    if (!(params instanceof KeyParameter key)) {
      throw new IllegalArgumentException("AES takes a key");
    }
    try {
      cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(
          forEncryption ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
          new SecretKeySpec(key.getKey(), "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES is always there", e);
    }
  }

  @Override
  public String getAlgorithmName() {
    return "AES";
  }

  @Override
  public int getBlockSize() {
    return BLOCK;
  }

  @Override
  public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
    try {
      return cipher.update(in, inOff, BLOCK, out, outOff);
    } catch (ShortBufferException e) {
      throw new IllegalArgumentException("output buffer too short", e);
    }
  }

  @Override
  public void reset() {
    // ECB keeps no state between blocks
  }
}
