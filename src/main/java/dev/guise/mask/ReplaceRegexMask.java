package dev.guise.mask;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code replace_regex}: replaces every match of a regular expression (Java syntax) either with a
 * fixed value or with the output of a nested pipeline applied to the matched text. Each match gets
 * its own generators, so two matches of one value get independent random replacements.
 */
public final class ReplaceRegexMask implements Mask {
  public static final String NAME = "replace_regex";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Replace every match of a regular expression with a value or a masked version of it.",
          List.of(
              ParamSpec.required(
                  "regex", ParamType.STRING, "Regular expression (Java syntax) to find."),
              ParamSpec.optional(
                  "masks",
                  ParamType.MASKS,
                  null,
                  "Masks applied to each matched text; their output replaces it. Give this or"
                      + " value."),
              ParamSpec.optional(
                  "value",
                  ParamType.SCALAR,
                  null,
                  "Fixed text that replaces each match (taken literally). Give this or masks.")),
          "type: replace_regex\nregex: '[0-9]'\nmasks:\n  - type: from_fixed\n    value: '#'",
          ReplaceRegexMask::create);

  private final Pattern pattern;
  private final Pipeline masks; // null when a fixed value replaces matches
  private final String replacement;

  ReplaceRegexMask(Pattern pattern, Pipeline masks, String replacement) {
    this.pattern = pattern;
    this.masks = masks;
    this.replacement = replacement;
  }

  private static ReplaceRegexMask create(MaskArgs args) {
    String regex = args.string("regex");
    if (regex == null || regex.isEmpty()) {
      throw new MaskArgs.InvalidArgument("regex", "the regex is empty; give a pattern to find");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new MaskArgs.InvalidArgument(
          "regex",
          "invalid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + "; fix the pattern (Java regex syntax)");
    }
    boolean hasMasks = args.raw("masks") != null;
    boolean hasValue = args.has("value");
    if (hasMasks == hasValue) {
      throw new MaskArgs.InvalidArgument(
          hasMasks ? "value" : "masks",
          (hasMasks ? "both masks and value are given" : "neither masks nor value is given")
              + "; give exactly one of them");
    }
    if (hasMasks && args.pipeline("masks").masks().isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "masks", "the list of masks is empty; give at least one mask, or use value");
    }
    return hasMasks
        ? new ReplaceRegexMask(pattern, args.pipeline("masks"), null)
        : new ReplaceRegexMask(pattern, null, ValueText.of(args.raw("value")));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    String text = ValueText.of(value);
    if (text == null) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int index = 0;
    while (m.find()) {
      String with;
      if (masks == null) {
        with = replacement;
      } else {
        Object masked = masks.apply(m.group(), ctx.derive(NAME + "/match/" + index));
        with = masked == null ? "" : ValueText.of(masked);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(with));
      index++;
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(-1);
  }

  @Override
  public java.util.Set<String> columnsRead() {
    return masks == null ? java.util.Set.of() : masks.columnsRead();
  }
}
