package dev.guise.run;

import dev.guise.mask.MaskDefinition;
import dev.guise.mask.MaskRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a resumed run must find unchanged besides the ruleset: the user's seed files and the masks
 * themselves (the registry's definitions: a mask that changed would mask the rest differently).
 */
final class RunFingerprints {
  private RunFingerprints() {}

  /** The registry's version: a digest of every mask's name and parameters. */
  static String maskRegistry() {
    MessageDigest md = sha256();
    MaskRegistry.standard().all().stream()
        .sorted(Comparator.comparing(MaskDefinition::name))
        .forEach(d -> md.update((d.name() + d.params() + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  /** A digest of the user's seed files (names and contents), or null without a seeds folder. */
  static String seeds(Path dir) {
    if (dir == null) {
      return null;
    }
    MessageDigest md = sha256();
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
      for (Path f : files) {
        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
