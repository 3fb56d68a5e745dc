package dev.guise.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The file {@code guise secrets export} writes: the installation's secrets (the instance secret and
 * named token keys, one entry each) encrypted under a passphrase. Two lines of text:
 *
 * <ol>
 *   <li>the header, one line of JSON: {@code format} ({@value #FORMAT}), {@code version}, the KDF
 *       (Argon2id with its salt, memory, iterations and lanes) and the cipher (AES-256-GCM with its
 *       nonce). Nothing secret; its exact bytes are the cipher's additional authenticated data, so
 *       a changed header fails like a changed body;
 *   <li>the ciphertext and tag in base64: a JSON document {@code {"entries": [{"kind", "name",
 *       "bytes" (hex), "fingerprint"}]}}.
 * </ol>
 *
 * Argon2id's memory is bounded (64 MiB written, at most 256 MiB read) so import works at -Xmx256m
 * and a forged header cannot ask for more.
 */
public final class SecretsDocument {
  public static final String FORMAT = "guise-secrets";
  public static final int VERSION = 1;

  /** What kind of secret an entry holds. */
  public static final String INSTANCE_SECRET = "instance_secret";

  /** A named token key ({@link TokenKeys}): same entry shape, one per key. */
  public static final String TOKEN_KEY = "token_key";

  static final int MEMORY_KIB = 64 * 1024;
  static final int ITERATIONS = 3;
  static final int LANES = 1;
  private static final int MAX_MEMORY_KIB = 256 * 1024;
  private static final int MAX_ITERATIONS = 20;
  private static final int TAG_BITS = 128;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretsDocument() {}

  /**
   * One secret of the document.
   *
   * @param kind {@link #INSTANCE_SECRET} or {@link #TOKEN_KEY}
   * @param name the key's name ({@code instance} for the instance secret)
   * @param fingerprint a public fingerprint of the bytes, safe to print
   */
  public record Entry(String kind, String name, byte[] bytes, String fingerprint) {
    @Override
    public String toString() {
      return kind + " " + name + " (fingerprint " + fingerprint + ")";
    }
  }

  /** The KDF cost; tests may use a cheaper one, the command always uses {@link #standard()}. */
  public record Cost(int memoryKib, int iterations, int lanes) {
    public static Cost standard() {
      return new Cost(MEMORY_KIB, ITERATIONS, LANES);
    }
  }

  /** The file's text for {@code entries}, encrypted under {@code passphrase}. */
  public static byte[] seal(List<Entry> entries, char[] passphrase, Cost cost) {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    ObjectNode header = JSON.createObjectNode();
    header.put("format", FORMAT);
    header.put("version", VERSION);
    ObjectNode kdf = header.putObject("kdf");
    kdf.put("name", "argon2id");
    kdf.put("memory_kib", cost.memoryKib());
    kdf.put("iterations", cost.iterations());
    kdf.put("lanes", cost.lanes());
    kdf.put("salt", Base64.getEncoder().encodeToString(salt));
    ObjectNode cipher = header.putObject("cipher");
    cipher.put("name", "aes-256-gcm");
    cipher.put("nonce", Base64.getEncoder().encodeToString(nonce));
    byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);

    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("entries");
    for (Entry e : entries) {
      ObjectNode n = list.addObject();
      n.put("kind", e.kind());
      n.put("name", e.name());
      n.put("bytes", HexFormat.of().formatHex(e.bytes()));
      n.put("fingerprint", e.fingerprint());
    }
    byte[] plain = body.toString().getBytes(StandardCharsets.UTF_8);
    byte[] key = derive(passphrase, salt, cost);
    try {
      byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, headerBytes).doFinal(plain);
      String text =
          new String(headerBytes, StandardCharsets.UTF_8)
              + "\n"
              + Base64.getEncoder().encodeToString(sealed)
              + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM missing from the JVM", e);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * The entries of a file {@link #seal} wrote.
   *
   * @param subject the file as the user named it, for messages
   * @throws GuiseException (INVALID_CONFIGURATION) for a file that is not one, a newer version, a
   *     wrong passphrase or a changed file; the message never holds a secret
   */
  public static List<Entry> open(byte[] file, char[] passphrase, String subject) {
    String text = new String(file, StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    if (nl < 0) {
      throw notOurs(subject);
    }
    String headerText = text.substring(0, nl);
    JsonNode header;
    try {
      header = JSON.readTree(headerText);
    } catch (IOException e) {
      throw notOurs(subject);
    }
    if (header == null || !FORMAT.equals(header.path("format").asText())) {
      throw notOurs(subject);
    }
    int version = header.path("version").asInt(-1);
    if (version != VERSION) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          subject
              + " - is a secrets export of version "
              + header.path("version")
              + "; this Guise reads version "
              + VERSION
              + ", import it with the Guise that wrote it or a newer one");
    }
    JsonNode kdf = header.path("kdf");
    JsonNode cipher = header.path("cipher");
    Cost cost =
        new Cost(
            kdf.path("memory_kib").asInt(-1),
            kdf.path("iterations").asInt(-1),
            kdf.path("lanes").asInt(-1));
    if (!"argon2id".equals(kdf.path("name").asText())
        || !"aes-256-gcm".equals(cipher.path("name").asText())
        || cost.memoryKib() < 8 * cost.lanes()
        || cost.memoryKib() > MAX_MEMORY_KIB
        || cost.iterations() < 1
        || cost.iterations() > MAX_ITERATIONS
        || cost.lanes() < 1
        || cost.lanes() > 8) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          subject
              + " - its header names a key derivation or cipher this Guise does not use (or a"
              + " cost beyond its bounds); the file was changed or not written by guise secrets"
              + " export");
    }
    byte[] salt;
    byte[] nonce;
    byte[] sealed;
    try {
      salt = Base64.getDecoder().decode(kdf.path("salt").asText());
      nonce = Base64.getDecoder().decode(cipher.path("nonce").asText());
      sealed = Base64.getDecoder().decode(text.substring(nl + 1).strip());
    } catch (IllegalArgumentException e) {
      throw tampered(subject);
    }
    if (salt.length < 16 || nonce.length != 12 || sealed.length < TAG_BITS / 8) {
      throw tampered(subject);
    }
    byte[] key = derive(passphrase, salt, cost);
    byte[] plain;
    try {
      plain =
          gcm(Cipher.DECRYPT_MODE, key, nonce, headerText.getBytes(StandardCharsets.UTF_8))
              .doFinal(sealed);
    } catch (AEADBadTagException e) {
      throw tampered(subject);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM missing from the JVM", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    try {
      List<Entry> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(plain).path("entries")) {
        out.add(
            new Entry(
                n.path("kind").asText(),
                n.path("name").asText(),
                HexFormat.of().parseHex(n.path("bytes").asText()),
                n.path("fingerprint").asText()));
      }
      return out;
    } catch (IOException | IllegalArgumentException e) {
      // authentic, yet unreadable: written by a broken Guise, never by an attacker
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          subject + " - decrypts, but its entries cannot be read; export it again");
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static byte[] derive(char[] passphrase, byte[] salt, Cost cost) {
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.lanes())
            .build());
    byte[] pass = utf8(passphrase);
    byte[] key = new byte[32];
    try {
      gen.generateBytes(pass, key);
      return key;
    } finally {
      Arrays.fill(pass, (byte) 0);
    }
  }

  private static byte[] utf8(char[] chars) {
    ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] out = new byte[b.remaining()];
    b.get(out);
    Arrays.fill(b.array(), (byte) 0);
    return out;
  }

  private static Cipher gcm(int mode, byte[] key, byte[] nonce, byte[] aad)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    c.updateAAD(aad);
    return c;
  }

  private static GuiseException notOurs(String subject) {
    return new GuiseException(
        ErrorCode.INVALID_CONFIGURATION,
        subject + " - is not a Guise secrets export; give a file written by guise secrets export");
  }

  private static GuiseException tampered(String subject) {
    return new GuiseException(
        ErrorCode.INVALID_CONFIGURATION,
        subject
            + " - cannot be decrypted: the passphrase is wrong or the file was changed; nothing"
            + " was imported");
  }
}
