package dev.guise.mask;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code from_blob}: replaces every value with the contents of one file, read once when the ruleset
 * is validated (a missing or unreadable file is reported then). A relative path starts at the
 * ruleset's folder, as {@code sql_file} does. The output is the file's bytes, for binary columns,
 * or with {@code as_text: true} its text (UTF-8), for text columns.
 */
public final class FromBlobMask implements Mask {
  public static final String NAME = "from_blob";

  /** Larger files are refused: every masked row would hold a copy. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Replace the value with the contents of a file (bytes, or text with as_text).",
          List.of(
              ParamSpec.required(
                  "path",
                  ParamType.STRING,
                  "File to read, at most 64 MiB; a relative path starts at the ruleset's folder."),
              ParamSpec.optional(
                  "as_text",
                  ParamType.BOOLEAN,
                  false,
                  "true outputs the file's text (it must be UTF-8) for text columns; false outputs"
                      + " its bytes for binary columns.")),
          "type: from_blob\npath: rulesets/files/redacted.txt\nas_text: true",
          FromBlobMask::create);

  private final byte[] bytes;
  private final String text; // null: output bytes

  private FromBlobMask(byte[] bytes, String text) {
    this.bytes = bytes;
    this.text = text;
  }

  private static FromBlobMask create(MaskArgs args) {
    String name = args.string("path");
    if (name == null || name.isBlank()) {
      throw new MaskArgs.InvalidArgument("path", "the path is empty; name the file to read");
    }
    Path path;
    try {
      path = args.baseDir().resolve(name);
    } catch (InvalidPathException e) {
      throw new MaskArgs.InvalidArgument("path", name + " - is not a valid path");
    }
    byte[] bytes;
    try {
      if (!Files.isRegularFile(path)) {
        throw new MaskArgs.InvalidArgument(
            "path",
            path.toAbsolutePath()
                + " - no such file; check the path (relative paths start at the"
                + " working directory)");
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new MaskArgs.InvalidArgument(
            "path", path + " - is larger than 64 MiB; use a smaller file");
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new MaskArgs.InvalidArgument(
          "path", path + " - cannot be read (" + e.getMessage() + "); check its permissions");
    }
    String text = null;
    if (args.bool("as_text", false)) {
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        throw new MaskArgs.InvalidArgument(
            "as_text", path + " - is not UTF-8 text; save it as UTF-8 or leave as_text false");
      }
    }
    return new FromBlobMask(bytes, text);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return text != null ? text : bytes.clone();
  }

  @Override
  public OutputShape shape() {
    return text != null ? OutputShape.text(ValueText.length(text)) : OutputShape.ANY;
  }
}
