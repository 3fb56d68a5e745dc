package dev.guise.mask.seed;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds seed files by name: first {@code <userDir>/<name>.csv} when a user directory is given, then
 * the built-in {@code seeds/<name>.csv} on the classpath. Each file is read and parsed once and
 * cached; the catalog is safe to share between threads.
 *
 * <p>Built-ins are enumerated from {@code seeds/index.txt} (one file name per line), so listing
 * works the same from a directory, a jar or a shaded jar.
 */
public final class SeedCatalog {
  /** Classpath folder of the built-in seeds. */
  public static final String RESOURCE_DIR = "seeds/";

  /** Classpath list of the built-in seed file names. */
  public static final String INDEX = RESOURCE_DIR + "index.txt";

  private static final String EXT = ".csv";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Path userDir;
  private final ClassLoader loader;
  private final Map<String, Loaded> cache = new ConcurrentHashMap<>();
  private volatile List<String> builtInNames;

  private record Loaded(SeedFile file, SeedSource source, String location) {}

  /** A catalog of the built-in seeds only. */
  private static final SeedCatalog BUILT_IN = new SeedCatalog();

  /** The shared catalog of built-in seeds (no user directory). */
  public static SeedCatalog builtIn() {
    return BUILT_IN;
  }

  public SeedCatalog() {
    this(null);
  }

  /**
   * A catalog that looks in {@code userDir} before the built-ins.
   *
   * @param userDir directory of user {@code .csv} seed files, or {@code null} for none
   */
  public SeedCatalog(Path userDir) {
    this(userDir, SeedCatalog.class.getClassLoader());
  }

  SeedCatalog(Path userDir, ClassLoader loader) {
    this.userDir = userDir;
    this.loader = loader;
  }

  /** The user directory searched first, if any. */
  public Optional<Path> userDir() {
    return Optional.ofNullable(userDir);
  }

  /**
   * The seed of that name.
   *
   * @param name {@code first_names} or {@code first_names.csv}
   * @throws GuiseException if no such seed exists (the message lists the available ones) or the
   *     file is unreadable or malformed
   */
  public SeedFile get(String name) {
    return load(normalize(name)).file();
  }

  /** Whether a seed of that name exists, without loading it. */
  public boolean contains(String name) {
    String n = normalize(name);
    return userFile(n) != null || loader.getResource(RESOURCE_DIR + n + EXT) != null;
  }

  /** Where the seed of that name comes from (loads it). */
  public SeedInfo info(String name) {
    String n = normalize(name);
    Loaded l = load(n);
    return new SeedInfo(n, l.source(), l.location(), l.file().rowCount(), l.file().columns());
  }

  /** All available seeds, user files and built-ins merged (user wins), sorted by name. */
  public List<SeedInfo> list() {
    TreeSet<String> names = new TreeSet<>(builtInNames());
    names.addAll(userNames());
    List<SeedInfo> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(info(n));
    }
    return List.copyOf(out);
  }

  /** Names (without {@code .csv}) of the built-in seeds, from {@code seeds/index.txt}. */
  public List<String> builtInNames() {
    List<String> names = builtInNames;
    if (names == null) {
      names = readIndex();
      builtInNames = names;
    }
    return names;
  }

  private List<String> readIndex() {
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) {
        return List.of();
      }
      String text = decode("classpath:" + INDEX, in.readAllBytes());
      TreeSet<String> names = new TreeSet<>();
      for (String line : text.split("\\R")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#") && l.toLowerCase(Locale.ROOT).endsWith(EXT)) {
          names.add(l.substring(0, l.length() - EXT.length()));
        }
      }
      return List.copyOf(names);
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INTERNAL,
          INDEX + " - cannot read the built-in seed index; the Guise jar may be damaged",
          e);
    }
  }

  private List<String> userNames() {
    if (userDir == null || !Files.isDirectory(userDir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(userDir, "*" + EXT)) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        String n = f.substring(0, f.length() - EXT.length());
        if (Files.isRegularFile(p) && NAME.matcher(n).matches()) {
          names.add(n);
        }
      }
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          userDir
              + " - cannot list the seed directory ("
              + e.getMessage()
              + "); check it exists and is readable",
          e);
    }
    return names;
  }

  private Loaded load(String name) {
    return cache.computeIfAbsent(name, this::read);
  }

  private Loaded read(String name) {
    Path user = userFile(name);
    String fileName = name + EXT;
    if (user != null) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(user);
      } catch (IOException e) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            user + " - cannot read the seed file (" + e.getMessage() + "); check its permissions",
            e);
      }
      return new Loaded(
          SeedFile.parse(fileName, decode(user.toString(), bytes)),
          SeedSource.USER,
          user.toString());
    }
    String resource = RESOURCE_DIR + fileName;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            fileName
                + " - no such seed"
                + (userDir == null ? "" : " in " + userDir + " or")
                + " among the built-ins; use one of "
                + String.join(", ", available())
                + (userDir == null ? "" : " or add " + userDir.resolve(fileName)));
      }
      String location = "classpath:" + resource;
      return new Loaded(
          SeedFile.parse(fileName, decode(location, in.readAllBytes())),
          SeedSource.BUILT_IN,
          location);
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INTERNAL,
          resource + " - cannot read the built-in seed; the Guise jar may be damaged",
          e);
    }
  }

  private List<String> available() {
    TreeSet<String> names = new TreeSet<>(builtInNames());
    names.addAll(userNames());
    return new ArrayList<>(names);
  }

  private Path userFile(String name) {
    if (userDir == null) {
      return null;
    }
    Path p = userDir.resolve(name + EXT);
    return Files.isRegularFile(p) ? p : null;
  }

  private static String normalize(String name) {
    String n = name == null ? "" : name.strip();
    if (n.toLowerCase(Locale.ROOT).endsWith(EXT)) {
      n = n.substring(0, n.length() - EXT.length());
    }
    if (!NAME.matcher(n).matches()) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "seed '"
              + name
              + "' - not a valid seed name; use a file name such as first_names or"
              + " first_names.csv (letters, digits, '_', '-', '.', no folders)");
    }
    return n;
  }

  private static String decode(String source, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          source + " - is not valid UTF-8; save the file as UTF-8",
          e);
    }
  }

  /** Drops all cached files, so that edited user files are read again. */
  public void clearCache() {
    cache.clear();
  }

  @Override
  public String toString() {
    return "SeedCatalog[" + (userDir == null ? "built-in" : userDir + " + built-in") + "]";
  }
}
