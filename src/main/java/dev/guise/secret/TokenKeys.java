package dev.guise.secret;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where token keys live: a key file given with {@code --keys FILE}, else the environment ({@code
 * GUISE_TOKEN_KEY_<NAME>}, base64 or hex of 32 bytes), else one file per key in {@code
 * $GUISE_HOME/keys/}. Key files and their folder must be the owner's alone (0600, 0700); anything
 * else is refused before a key is read. {@code docs/tokenization.md} describes the file format.
 *
 * <p>A key file holds lines {@code NAME.key=<base64>}, {@code NAME.check=<hex check value>} and
 * {@code NAME.created=<ISO instant>} for one or more keys; the check value is verified on every
 * read, so an altered or truncated key is refused instead of giving wrong originals.
 */
public final class TokenKeys {
  /** The prefix of environment variables holding keys (the name upper-cased, '-' as '_'). */
  public static final String ENV_PREFIX = "GUISE_TOKEN_KEY_";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  private final Path dir;
  private final Path file;
  private final Function<String, String> env;

  /**
   * @param guiseHome {@code $GUISE_HOME}; its {@code keys/} folder is the default store
   * @param keysFile the {@code --keys} file, or null
   * @param env environment variables
   */
  public TokenKeys(Path guiseHome, Path keysFile, Function<String, String> env) {
    this.dir = guiseHome.resolve("keys");
    this.file = keysFile;
    this.env = env;
  }

  /** True for names a key may have: a lower-case letter, then letters, digits, '_' or '-'. */
  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The environment variable that holds key {@code name}. */
  public static String envName(String name) {
    return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** Where keys are looked up, for messages. */
  public String where() {
    return file != null ? file.toString() : ENV_PREFIX + "<NAME> or " + dir;
  }

  /** The named key, or a GuiseException (exit 3) saying where it was looked for and what to do. */
  public TokenKey get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new GuiseException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "token key '"
                        + name
                        + "' - not found in "
                        + (file != null ? file : envName(name) + " or " + dir)
                        + "; create it with 'guise keys create "
                        + name
                        + "'"
                        + (file != null ? " --keys " + file : "")
                        + ", or copy the key file from the host that tokenized"));
  }

  /** The named key when it exists; refuses unsafe or damaged key files. */
  public Optional<TokenKey> find(String name) {
    if (file != null) {
      return Optional.ofNullable(KeyFile.readFile(file).get(name));
    }
    String fromEnv = validName(name) ? env.apply(envName(name)) : null;
    if (fromEnv != null) {
      return Optional.of(TokenKey.of(name, decodeEnv(name, fromEnv)));
    }
    return fromDir(name);
  }

  /**
   * The keys of the store (the {@code --keys} file, else {@code $GUISE_HOME/keys/}) and those of
   * the named environment variables, sorted by name.
   *
   * @param envNames the names of the process's environment variables
   */
  public List<Listed> list(Iterable<String> envNames) {
    Map<String, Listed> out = new TreeMap<>();
    if (file != null) {
      KeyFile.readFile(file)
          .values()
          .forEach(k -> out.put(k.name(), new Listed(k, file.toString())));
      return new ArrayList<>(out.values());
    }
    if (Files.isDirectory(dir)) {
      KeyFile.checkOwnerOnly(dir, true);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.key")) {
        for (Path f : files) {
          KeyFile.readFile(f).values().forEach(k -> out.put(k.name(), new Listed(k, f.toString())));
        }
      } catch (IOException e) {
        throw KeyFile.unreadable(dir, e);
      }
    }
    for (String v : envNames) {
      if (!v.startsWith(ENV_PREFIX)) {
        continue;
      }
      String name = v.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
      if (validName(name)) {
        out.put(name, new Listed(TokenKey.of(name, decodeEnv(name, env.apply(v))), v));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** A key as {@code guise keys list} shows it: never its bytes. */
  public record Listed(TokenKey key, String source) {}

  /**
   * Creates a fresh random key: a new 0600 file in {@code $GUISE_HOME/keys/} (folder 0700), or a
   * new entry in the {@code --keys} file. Refuses a name that exists, so a key is never replaced.
   */
  public TokenKey create(String name, Instant now) {
    if (!validName(name)) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "keys create - '"
              + name
              + "' is not a key name; use a lower-case letter, then letters, digits, '_' or '-'"
              + " (at most 63)");
    }
    byte[] raw = new byte[TokenKey.LENGTH];
    new SecureRandom().nextBytes(raw);
    TokenKey key = TokenKey.of(name, raw);
    String entry = KeyFile.entry(key, now);
    try {
      if (file != null) {
        Map<String, TokenKey> existing = Files.exists(file) ? KeyFile.readFile(file) : Map.of();
        if (existing.containsKey(name)) {
          throw exists(name, file);
        }
        if (!Files.exists(file)) {
          Path parent = file.toAbsolutePath().getParent();
          Files.createDirectories(parent);
          KeyFile.createOwnerOnly(file, KeyFile.header() + entry);
        } else {
          Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        return key;
      }
      Files.createDirectories(dir);
      KeyFile.ownerOnlyDir(dir);
      Path f = dir.resolve(name + ".key");
      try {
        KeyFile.createOwnerOnly(f, KeyFile.header() + entry);
      } catch (FileAlreadyExistsException e) {
        throw exists(name, f);
      }
      return key;
    } catch (IOException e) {
      throw KeyFile.unreadable(file != null ? file : dir, e);
    }
  }

  /**
   * The keys {@code guise secrets export} writes: those named (looked up as {@link #get} does, so a
   * key of the environment may be named), or without names every key of the store (the {@code
   * --keys} file, else {@code $GUISE_HOME/keys/}; environment keys only when named).
   */
  public List<SecretsDocument.Entry> exportEntries(List<String> names) {
    List<TokenKey> keys = new ArrayList<>();
    if (names.isEmpty()) {
      list(List.of()).forEach(l -> keys.add(l.key()));
    } else {
      new java.util.LinkedHashSet<>(names).forEach(n -> keys.add(get(n)));
    }
    List<SecretsDocument.Entry> out = new ArrayList<>();
    for (TokenKey k : keys) {
      out.add(
          new SecretsDocument.Entry(
              SecretsDocument.TOKEN_KEY, k.name(), k.bytes(), k.fingerprint()));
    }
    return out;
  }

  /** What {@link #imported} found for a key of an export. */
  public enum Presence {
    /** No key of that name in the store. */
    ABSENT,
    /** The same key is there: nothing to do. */
    SAME,
    /** Another key of that name is there. */
    DIFFERENT
  }

  /**
   * Checks a {@code token_key} entry of an export against the store (not the environment).
   *
   * @throws GuiseException (INVALID_CONFIGURATION) for a name that is no key name, bytes of the
   *     wrong length or a fingerprint that does not match them
   */
  public Presence imported(SecretsDocument.Entry e, String subject) {
    if (!validName(e.name())
        || e.bytes().length != TokenKey.LENGTH
        || !TokenKey.of(e.name(), e.bytes()).fingerprint().equals(e.fingerprint())) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          subject
              + " - its token key '"
              + e.name()
              + "' is not a valid key or does not match its fingerprint; export it again");
    }
    TokenKey incoming = TokenKey.of(e.name(), e.bytes());
    Optional<TokenKey> here = fromStore(e.name());
    if (here.isEmpty()) {
      return Presence.ABSENT;
    }
    return here.get().sameKey(incoming) ? Presence.SAME : Presence.DIFFERENT;
  }

  /** Where key {@code name} is stored, for messages. */
  public Path storedAt(String name) {
    return file != null ? file : dir.resolve(name + ".key");
  }

  /** Whether the environment holds a key {@code name} (it is then used before the store's). */
  public boolean shadowedByEnv(String name) {
    return file == null && env.apply(envName(name)) != null;
  }

  /**
   * Writes an imported key into the store: a new 0600 file in {@code $GUISE_HOME/keys/} (folder
   * 0700) or an entry of the {@code --keys} file. A key of that name there is replaced; its old
   * file is kept beside it as {@code NAME.key.replaced-<epoch seconds>} (for the {@code --keys}
   * file: {@code FILE.replaced-<epoch seconds>}), so a replacement never loses a key.
   */
  public void put(SecretsDocument.Entry e, Instant now) {
    TokenKey key = TokenKey.of(e.name(), e.bytes());
    String entry = KeyFile.entry(key, now);
    Path target = file != null ? file : dir.resolve(key.name() + ".key");
    try {
      String text;
      if (file != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
          KeyFile.readFile(file); // refuses an unsafe or damaged file before it is rewritten
          StringBuilder b = new StringBuilder();
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.strip().startsWith(key.name() + ".")) {
              b.append(line).append('\n');
            }
          }
          text = b.append(entry).toString();
        } else {
          text = KeyFile.header() + entry;
        }
      } else {
        Files.createDirectories(dir);
        KeyFile.ownerOnlyDir(dir);
        text = KeyFile.header() + entry;
      }
      Path tmp = target.resolveSibling(target.getFileName() + ".importing");
      Files.deleteIfExists(tmp);
      KeyFile.createOwnerOnly(tmp, text);
      if (Files.exists(target)) {
        Files.copy(
            target,
            target.resolveSibling(target.getFileName() + ".replaced-" + now.getEpochSecond()),
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
      Files.move(
          tmp,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException io) {
      throw KeyFile.unreadable(target, io);
    }
  }

  private Optional<TokenKey> fromStore(String name) {
    if (file != null) {
      return Files.exists(file)
          ? Optional.ofNullable(KeyFile.readFile(file).get(name))
          : Optional.empty();
    }
    return fromDir(name);
  }

  private Optional<TokenKey> fromDir(String name) {
    Path f = dir.resolve(name + ".key");
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    KeyFile.checkOwnerOnly(dir, true);
    return Optional.ofNullable(KeyFile.readFile(f).get(name));
  }

  private static GuiseException exists(String name, Path where) {
    return new GuiseException(
        ErrorCode.INVALID_CONFIGURATION,
        where
            + " - token key '"
            + name
            + "' exists already; a key is never replaced (its tokens could no longer be"
            + " re-identified): choose another name");
  }

  private static byte[] decodeEnv(String name, String text) {
    String t = text.strip();
    byte[] raw;
    try {
      raw =
          t.length() == 2 * TokenKey.LENGTH && t.matches("[0-9a-fA-F]+")
              ? HexFormat.of().parseHex(t)
              : Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length != TokenKey.LENGTH) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          envName(name)
              + " - not a token key; give the base64 (or 64 hex digits) of "
              + TokenKey.LENGTH
              + " bytes, e.g. the NAME.key= value of a key file");
    }
    return raw;
  }
}
