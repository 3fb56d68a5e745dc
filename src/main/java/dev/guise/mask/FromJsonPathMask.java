package dev.guise.mask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code from_json_path}: extracts one value from JSON: from the value being masked, or with {@code
 * source_column} from another column of the row (its original value). Text, numbers and booleans
 * come out as such; an object or array comes out as its JSON text. A path that leads nowhere gives
 * null, or fails the run with {@code on_missing: error}.
 */
public final class FromJsonPathMask implements Mask {
  public static final String NAME = "from_json_path";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Replace the value with a value extracted from JSON, in this column or another one.",
          List.of(
              ParamSpec.required(
                  "json_path",
                  ParamType.ANY,
                  "Keys and array indexes leading to the value: a list ([customer, emails, 0]) or"
                      + " a dotted string (customer.emails.0)."),
              ParamSpec.optional(
                  "source_column",
                  ParamType.STRING,
                  null,
                  "Column holding the JSON, read before any rule ran. Default: the value being"
                      + " masked."),
              ParamSpec.optional(
                  "on_missing",
                  ParamType.STRING,
                  "null",
                  "What a path that leads nowhere (or a value that is null) gives: null, or error"
                      + " to fail the run.")),
          "type: from_json_path\nsource_column: profile\njson_path: [contact, email]",
          FromJsonPathMask::create);

  private final List<Object> path;
  private final String sourceColumn;
  private final boolean errorOnMissing;

  private FromJsonPathMask(List<Object> path, String sourceColumn, boolean errorOnMissing) {
    this.path = path;
    this.sourceColumn = sourceColumn;
    this.errorOnMissing = errorOnMissing;
  }

  private static FromJsonPathMask create(MaskArgs args) {
    List<Object> path = JsonValues.path(args.raw("json_path"), "json_path", "");
    for (Object step : path) {
      if (JsonValues.WILDCARD.equals(step)) {
        throw new MaskArgs.InvalidArgument(
            "json_path", "'*' selects several values but this mask outputs one; name the key");
      }
    }
    String onMissing = args.has("on_missing") ? args.string("on_missing") : "null";
    String mode = onMissing.strip().toLowerCase(Locale.ROOT);
    if (!mode.equals("null") && !mode.equals("error")) {
      throw new MaskArgs.InvalidArgument(
          "on_missing", "'" + onMissing + "' is not an option; use null or error");
    }
    String column = args.string("source_column");
    if (column != null && column.isBlank()) {
      throw new MaskArgs.InvalidArgument(
          "source_column", "the column name is empty; name the column holding the JSON");
    }
    return new FromJsonPathMask(path, column == null ? null : column.strip(), mode.equals("error"));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    Object source = sourceColumn == null ? value : ctx.row().get(sourceColumn);
    JsonNode node = null;
    if (source instanceof String s && !s.isBlank() || source instanceof byte[]) {
      node = JsonValues.read(source, NAME);
      for (Object step : path) {
        node = JsonValues.child(node, step);
        if (node == null) {
          break;
        }
      }
    } else if (source != null && !(source instanceof String)) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - cannot read JSON from a "
              + source.getClass().getSimpleName()
              + " value; use a text or JSON column");
    }
    Object out = JsonValues.toJava(node);
    if (out == null && errorOnMissing) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - json_path "
              + JsonValues.render(path)
              + " leads to no value in a row; use on_missing: null to output null instead");
    }
    return out;
  }

  @Override
  public OutputShape shape() {
    return OutputShape.ANY;
  }

  @Override
  public Set<String> columnsRead() {
    return sourceColumn == null ? Set.of() : Set.of(sourceColumn);
  }
}
