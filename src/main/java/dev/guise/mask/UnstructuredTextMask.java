package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.mask.seed.SeedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code unstructured_text}: finds entities inside free text and masks each with the masks of its
 * label, leaving the text around them as it was. Matchers find entities and give them a label:
 * {@code regex} (a pattern), {@code context_sources} (the value of another column of the row) and
 * {@code seed_files} (any value of a seed file column); the last two match whole words, ignoring
 * case unless {@code case_sensitive}. Where matches overlap, the one starting first wins, then the
 * longer, then the matcher listed first. Within one value the same entity text of one label is
 * replaced the same way everywhere, so a name repeated in a note stays one (masked) person.
 */
public final class UnstructuredTextMask implements Mask {
  public static final String NAME = "unstructured_text";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Mask entities found inside free text by patterns, other columns or seed files.",
          List.of(
              ParamSpec.required(
                  "matchers",
                  ParamType.ANY,
                  "Mapping of matcher type to a list of matchers, each with an UPPER_CASE label."
                      + " regex: {label, pattern}; context_sources: {label, column,"
                      + " case_sensitive (false)}; seed_files: {label, seed_file, seed_column,"
                      + " case_sensitive (false)}."),
              ParamSpec.required(
                  "masks",
                  ParamType.TRANSFORMS,
                  "List of {label, masks}: the masks applied to each entity of that label; their"
                      + " output replaces the entity. Every matcher label needs one.")),
          "type: unstructured_text\nmatchers:\n  regex:\n    - label: PATIENT_ID\n"
              + "      pattern: 'P_[0-9]{3}'\nmasks:\n  - label: PATIENT_ID\n    masks:\n"
              + "      - type: from_fixed\n        value: '[REDACTED]'",
          UnstructuredTextMask::create);

  private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Map<String, Set<String>> MATCHER_KEYS =
      Map.of(
          "regex", Set.of("label", "pattern"),
          "context_sources", Set.of("label", "column", "case_sensitive"),
          "seed_files", Set.of("label", "seed_file", "seed_column", "case_sensitive"));
  // letters, digits and underscore: a value-based match must not sit inside a longer word
  private static final String WORD_BEFORE = "(?<![\\p{L}\\p{N}_])";
  private static final String WORD_AFTER = "(?![\\p{L}\\p{N}_])";

  /**
   * One matcher: a fixed pattern, or (for {@code context_sources}) a column whose value is looked
   * for in each row.
   */
  record EntityMatcher(String label, Pattern pattern, String column, boolean caseSensitive) {
    Pattern patternFor(MaskContext ctx) {
      if (column == null) {
        return pattern;
      }
      String v = ValueText.of(ctx.row().get(column));
      return v == null || v.isBlank() ? null : wordPattern(List.of(v.strip()), caseSensitive);
    }
  }

  /** A found entity: text positions [start, end), its label and the matcher that found it. */
  private record Span(int start, int end, String label, int matcher) {}

  private final List<EntityMatcher> matchers;
  private final Map<String, Pipeline> masksByLabel;

  UnstructuredTextMask(List<EntityMatcher> matchers, Map<String, Pipeline> masksByLabel) {
    this.matchers = matchers;
    this.masksByLabel = masksByLabel;
  }

  private static UnstructuredTextMask create(MaskArgs args) {
    List<EntityMatcher> matchers = matchers(args);
    Map<String, Pipeline> masks = new LinkedHashMap<>();
    List<?> raw = args.list("masks");
    if (raw.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "masks", "the list is empty; give one {label, masks} for each matcher label");
    }
    for (int i = 0; i < raw.size(); i++) {
      String where = "masks entry " + (i + 1);
      Map<?, ?> entry = entry(raw.get(i), "masks", where, Set.of("label", "masks"));
      String label = label(entry, "masks", where);
      if (!(entry.get("masks") instanceof Pipeline p) || p.masks().isEmpty()) {
        throw new MaskArgs.InvalidArgument("masks", where + " needs 'masks' (a list of masks)");
      }
      if (masks.put(label, p) != null) {
        throw new MaskArgs.InvalidArgument(
            "masks", where + " repeats label " + label + "; give each label one entry");
      }
    }
    Set<String> found = new LinkedHashSet<>();
    matchers.forEach(m -> found.add(m.label()));
    for (String label : found) {
      if (!masks.containsKey(label)) {
        throw new MaskArgs.InvalidArgument(
            "masks", "label " + label + " has matchers but no masks; add {label: " + label + "}");
      }
    }
    for (String label : masks.keySet()) {
      if (!found.contains(label)) {
        throw new MaskArgs.InvalidArgument(
            "masks", "label " + label + " has masks but no matcher finds it; check the spelling");
      }
    }
    return new UnstructuredTextMask(List.copyOf(matchers), Map.copyOf(masks));
  }

  private static List<EntityMatcher> matchers(MaskArgs args) {
    if (!(args.raw("matchers") instanceof Map<?, ?> byType) || byType.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "matchers", "must be a mapping of matcher type (regex, context_sources, seed_files)");
    }
    List<EntityMatcher> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : byType.entrySet()) {
      String type = String.valueOf(e.getKey());
      Set<String> keys = MATCHER_KEYS.get(type);
      if (keys == null) {
        throw new MaskArgs.InvalidArgument(
            "matchers",
            "matcher type '"
                + type
                + "' is not supported by Guise (ai_detect and checksum are DataMasque-only);"
                + " use regex, context_sources or seed_files");
      }
      if (!(e.getValue() instanceof List<?> list) || list.isEmpty()) {
        throw new MaskArgs.InvalidArgument(
            "matchers", type + " must be a non-empty list of matchers");
      }
      for (int i = 0; i < list.size(); i++) {
        String where = type + " matcher " + (i + 1);
        Map<?, ?> m = entry(list.get(i), "matchers", where, keys);
        out.add(matcher(type, m, where, args));
      }
    }
    return out;
  }

  private static EntityMatcher matcher(String type, Map<?, ?> m, String where, MaskArgs args) {
    String label = label(m, "matchers", where);
    boolean caseSensitive = Boolean.TRUE.equals(m.get("case_sensitive"));
    if (m.get("case_sensitive") != null && !(m.get("case_sensitive") instanceof Boolean)) {
      throw new MaskArgs.InvalidArgument("matchers", where + ": case_sensitive must be a boolean");
    }
    switch (type) {
      case "regex" -> {
        String regex = text(m, "pattern", where);
        try {
          return new EntityMatcher(label, Pattern.compile(regex), null, true);
        } catch (PatternSyntaxException e) {
          throw new MaskArgs.InvalidArgument(
              "matchers",
              where
                  + ": invalid regular expression: "
                  + e.getDescription()
                  + " near index "
                  + e.getIndex()
                  + "; fix the pattern (Java regex syntax)");
        }
      }
      case "context_sources" -> {
        return new EntityMatcher(label, null, text(m, "column", where), caseSensitive);
      }
      default -> {
        SeedFile seed = args.seeds().get(text(m, "seed_file", where));
        String column = text(m, "seed_column", where);
        if (!seed.hasColumn(column)) {
          throw new MaskArgs.InvalidArgument(
              "matchers",
              where
                  + ": seed file "
                  + seed.name()
                  + " has no column '"
                  + column
                  + "'; it has "
                  + seed.columns());
        }
        List<String> values =
            seed.column(column).stream().filter(v -> v != null && !v.isBlank()).toList();
        if (values.isEmpty()) {
          throw new MaskArgs.InvalidArgument(
              "matchers", where + ": column '" + column + "' of " + seed.name() + " is empty");
        }
        return new EntityMatcher(label, wordPattern(values, caseSensitive), null, caseSensitive);
      }
    }
  }

  private static Map<?, ?> entry(Object raw, String param, String where, Set<String> keys) {
    if (!(raw instanceof Map<?, ?> m)) {
      throw new MaskArgs.InvalidArgument(param, where + " must be a mapping");
    }
    for (Object k : m.keySet()) {
      if (!keys.contains(String.valueOf(k))) {
        throw new MaskArgs.InvalidArgument(
            param, where + " has no key '" + k + "'; allowed: " + new java.util.TreeSet<>(keys));
      }
    }
    return m;
  }

  private static String label(Map<?, ?> m, String param, String where) {
    String label = m.get("label") == null ? null : m.get("label").toString();
    if (label == null || !LABEL.matcher(label).matches()) {
      throw new MaskArgs.InvalidArgument(
          param, where + " needs a 'label' in UPPER_CASE (letters, digits, _), e.g. FIRST_NAME");
    }
    return label;
  }

  private static String text(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (v == null || v.toString().isBlank()) {
      throw new MaskArgs.InvalidArgument("matchers", where + " needs '" + key + "'");
    }
    return v.toString();
  }

  /** Any of {@code values} as a whole word; longer values first so the longest one wins. */
  static Pattern wordPattern(List<String> values, boolean caseSensitive) {
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(values));
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alt = new StringBuilder();
    for (String v : sorted) {
      alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(v));
    }
    int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    return Pattern.compile(WORD_BEFORE + "(?:" + alt + ")" + WORD_AFTER, flags);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return value;
    }
    if (!(value instanceof String text)) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - cannot mask a "
              + value.getClass().getSimpleName()
              + " value as text; use it on text columns");
    }
    StringBuilder out = new StringBuilder(text.length());
    Map<String, String> replaced = new HashMap<>();
    int at = 0;
    for (Span s : spans(text, ctx)) {
      String entity = text.substring(s.start(), s.end());
      String key = s.label() + "\u0000" + entity;
      String with =
          replaced.computeIfAbsent(
              key,
              k -> {
                Object masked =
                    masksByLabel.get(s.label()).apply(entity, ctx.derive(NAME + "/" + k));
                return masked == null ? "" : ValueText.of(masked);
              });
      out.append(text, at, s.start()).append(with);
      at = s.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** Non-overlapping entities in text order. */
  private List<Span> spans(String text, MaskContext ctx) {
    List<Span> all = new ArrayList<>();
    for (int i = 0; i < matchers.size(); i++) {
      EntityMatcher em = matchers.get(i);
      Pattern p = em.patternFor(ctx);
      if (p == null) {
        continue;
      }
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (m.end() > m.start()) {
          all.add(new Span(m.start(), m.end(), em.label(), i));
        }
      }
    }
    all.sort(
        Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt((Span s) -> s.end() - s.start()).reversed())
            .thenComparingInt(Span::matcher));
    List<Span> kept = new ArrayList<>();
    int end = 0;
    for (Span s : all) {
      if (s.start() >= end) {
        kept.add(s);
        end = s.end();
      }
    }
    return kept;
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(-1);
  }

  @Override
  public Set<String> columnsRead() {
    Set<String> out = new LinkedHashSet<>();
    for (EntityMatcher m : matchers) {
      if (m.column() != null) {
        out.add(m.column());
      }
    }
    for (Pipeline p : masksByLabel.values()) {
      out.addAll(p.columnsRead());
    }
    return out;
  }
}
