package dev.guise.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a YAML file the user named (a ruleset, a library, a connections file) without trusting it:
 * only a regular file is opened (a FIFO would block, a device never ends), its size is capped, and
 * its encoding is taken from a byte-order mark (UTF-8, UTF-16, UTF-32) or checked as strict UTF-8.
 * Every refusal is a diagnostic naming the file, never an exception.
 */
public final class YamlInput {
  /** Larger files are refused before they are read: no real ruleset comes near this. */
  public static final int MAX_FILE_BYTES = 8 << 20;

  /** The file's bytes (for its hash) and its decoded text. */
  public record Text(byte[] bytes, String text) {}

  private YamlInput() {}

  /**
   * @param shown the name used in messages (the path as the user typed it)
   * @param what what the file is, for messages ("the ruleset", "the connections file")
   * @param hint what to do when the file is missing
   * @return the text, or null after reporting why it cannot be used
   */
  public static Text read(Path path, String shown, String what, String hint, Diagnostics d) {
    Location at = Location.of(shown);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      d.error("unreadable-file", at, "cannot read " + what + " (no such file); " + hint);
      return null;
    } catch (IOException | SecurityException e) {
      d.error(
          "unreadable-file",
          at,
          "cannot read " + what + " (" + e.getClass().getSimpleName() + "); " + hint);
      return null;
    }
    if (attrs.isDirectory()) {
      d.error("not-a-file", at, what + " is a directory; name a YAML file");
      return null;
    }
    if (!attrs.isRegularFile()) {
      d.error(
          "not-a-file",
          at,
          what + " is not a regular file (a pipe, device or socket); save it to a file first");
      return null;
    }
    if (attrs.size() > MAX_FILE_BYTES) {
      d.error("file-too-large", at, tooLarge(what, attrs.size()));
      return null;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      // the size can change between the check and the read: never read past the limit
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      d.error(
          "unreadable-file",
          at,
          "cannot read " + what + " (" + e.getClass().getSimpleName() + "); " + hint);
      return null;
    }
    if (bytes.length > MAX_FILE_BYTES) {
      d.error("file-too-large", at, tooLarge(what, bytes.length));
      return null;
    }
    String text = decode(bytes, shown, what, d);
    return text == null ? null : new Text(bytes, text);
  }

  private static String tooLarge(String what, long size) {
    return what
        + " is "
        + size
        + " bytes; files over "
        + (MAX_FILE_BYTES >> 20)
        + " MiB are refused (split it into a ruleset and libraries)";
  }

  /** Decodes by byte-order mark, else as strict UTF-8; null after reporting. */
  public static String decode(byte[] bytes, String shown, String what, Diagnostics d) {
    int skip = 0;
    Charset cs = StandardCharsets.UTF_8;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      skip = 4;
      cs = Charset.forName("UTF-32BE");
    } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      skip = 4;
      cs = Charset.forName("UTF-32LE");
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      skip = 2;
      cs = StandardCharsets.UTF_16BE;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      skip = 2;
      cs = StandardCharsets.UTF_16LE;
    } else {
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          d.error(
              "not-text",
              byteLocation(bytes, i, shown),
              what
                  + " holds a NUL byte: it is binary, or UTF-16/32 without a byte-order mark;"
                  + " save it as UTF-8");
          return null;
        }
      }
    }
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      return decoder.decode(in).toString();
    } catch (MalformedInputException e) {
      // the decoder stops with the buffer at the bad sequence
      d.error(
          "not-text",
          cs == StandardCharsets.UTF_8 ? byteLocation(bytes, in.position(), shown) : shown,
          what + " is not valid " + cs.name() + " text; save it as UTF-8");
      return null;
    } catch (CharacterCodingException e) {
      d.error("not-text", Location.of(shown), what + " is not valid " + cs.name() + " text");
      return null;
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The line and column (in bytes) of a byte offset of UTF-8 text. */
  private static Location byteLocation(byte[] bytes, int offset, String shown) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Location(shown, line, offset - lineStart + 1);
  }
}
