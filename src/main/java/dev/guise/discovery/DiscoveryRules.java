package dev.guise.discovery;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlInput;
import dev.guise.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The discovery rules in force: the built-in keyword rules of {@code discovery/rules.yml} (unless a
 * user's rules file switches them off), the user's own rules (a user rule with a built-in's id
 * replaces it), what to ignore, and the data rules' threshold.
 */
public final class DiscoveryRules {
  static final String BUILTIN = "discovery/rules.yml";
  private static final Set<String> TOP =
      Set.of("version", "builtin_rules", "qualifiers", "rules", "ignore", "data");
  private static final Set<String> RULE =
      Set.of("id", "label", "classes", "match", "whole", "types", "tables", "sensitive");
  private static final Set<String> CLASSES = Set.of("PII", "PHI", "PCI");

  final List<MetadataRule> rules;
  final Set<String> qualifiers;
  private final List<Pattern> ignoredColumns;
  private final Set<String> ignoredRules;
  final double threshold;
  final Set<String> disabledDataRules;

  private DiscoveryRules(
      List<MetadataRule> rules,
      Set<String> qualifiers,
      List<Pattern> ignoredColumns,
      Set<String> ignoredRules,
      double threshold,
      Set<String> disabledDataRules) {
    this.rules = rules;
    this.qualifiers = qualifiers;
    this.ignoredColumns = ignoredColumns;
    this.ignoredRules = ignoredRules;
    this.threshold = threshold;
    this.disabledDataRules = disabledDataRules;
  }

  /** The built-in rules alone. */
  public static DiscoveryRules builtin() {
    Diagnostics d = new Diagnostics();
    Parsed p = parse(resource(), BUILTIN, d, true);
    if (d.hasErrors()) {
      throw new IllegalStateException("built-in discovery rules: " + d.list());
    }
    return p.toRules(null);
  }

  /**
   * The built-ins combined with a user's rules file; problems of the file are added to {@code d}
   * (file:line:col) and null is returned when any is an error.
   */
  public static DiscoveryRules load(Path file, String shown, Diagnostics d) {
    YamlInput.Text in =
        YamlInput.read(file, shown, "the discovery rules file", "check the path", d);
    if (in == null) {
      return null;
    }
    Parsed user = parse(in.text(), shown, d, false);
    if (d.hasErrors() || user == null) {
      return null;
    }
    Parsed builtin = parse(resource(), BUILTIN, new Diagnostics(), true);
    return user.builtinRules ? builtin.toRules(user) : user.toRules(null);
  }

  /** The number of keyword rules in force, sensitive or not. */
  public int size() {
    return rules.size();
  }

  boolean ignoresRule(String id) {
    return ignoredRules.contains(id);
  }

  boolean ignoresColumn(String qualifiedColumn) {
    String c = qualifiedColumn.toLowerCase(Locale.ROOT);
    return ignoredColumns.stream().anyMatch(p -> p.matcher(c).matches());
  }

  private static String resource() {
    try (InputStream in = DiscoveryRules.class.getClassLoader().getResourceAsStream(BUILTIN)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the built-in discovery rules are missing from the jar", e);
    }
  }

  private record Parsed(
      boolean builtinRules,
      Map<String, MetadataRule> rules,
      Set<String> qualifiers,
      List<Pattern> ignoredColumns,
      Set<String> ignoredRules,
      Double threshold,
      Set<String> disabledData) {

    DiscoveryRules toRules(Parsed user) {
      Map<String, MetadataRule> all = new LinkedHashMap<>(rules);
      Set<String> q = new HashSet<>(qualifiers);
      List<Pattern> cols = new ArrayList<>(ignoredColumns);
      Set<String> ids = new HashSet<>(ignoredRules);
      Set<String> data = new HashSet<>(disabledData);
      double t = threshold == null ? 0.8 : threshold;
      if (user != null) {
        all.putAll(user.rules);
        q.addAll(user.qualifiers);
        cols.addAll(user.ignoredColumns);
        ids.addAll(user.ignoredRules);
        data.addAll(user.disabledData);
        t = user.threshold == null ? t : user.threshold;
      }
      List<MetadataRule> kept = all.values().stream().filter(r -> !ids.contains(r.id())).toList();
      return new DiscoveryRules(kept, Set.copyOf(q), cols, ids, t, Set.copyOf(data));
    }
  }

  private static Parsed parse(String text, String file, Diagnostics d, boolean builtin) {
    YNode root = YamlReader.read(text, file, d, "a discovery rules file needs 'version'");
    if (root == null) {
      return null;
    }
    if (!(root instanceof YNode.YMap map)) {
      d.error("wrong-type", root.location(), "a discovery rules file must be a mapping");
      return null;
    }
    MapFields top = new MapFields(map, "the discovery rules file", TOP, d);
    top.string("version", true);
    Boolean b = top.bool("builtin_rules");
    Map<String, MetadataRule> rules = new LinkedHashMap<>();
    for (YNode item : top.items("rules", false)) {
      MetadataRule r = rule(item, d);
      if (r != null) {
        if (rules.containsKey(r.id())) {
          d.error("duplicate-rule", r.location(), "rule '" + r.id() + "' is defined twice");
        }
        rules.put(r.id(), r);
      }
    }
    Set<String> qualifiers = new HashSet<>();
    top.names("qualifiers", false).forEach(w -> qualifiers.add(w.toLowerCase(Locale.ROOT)));
    List<Pattern> cols = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YNode item : top.items("ignore", false)) {
      if (!(item instanceof YNode.YMap m)) {
        d.error(
            "wrong-type", item.location(), "an ignore entry must be {rule: ID} or {column: GLOB}");
        continue;
      }
      MapFields f = new MapFields(m, "an ignore entry", Set.of("rule", "column"), d);
      String rule = f.string("rule", false);
      String column = f.string("column", false);
      if ((rule == null) == (column == null)) {
        d.error("wrong-type", m.location(), "an ignore entry names either a rule or a column glob");
      }
      if (rule != null) {
        ids.add(rule);
      }
      if (column != null) {
        cols.add(Glob.toPattern(column.toLowerCase(Locale.ROOT)));
      }
    }
    Double threshold = null;
    Set<String> disabled = new HashSet<>();
    if (top.node("data") instanceof YNode.YMap dm) {
      MapFields f = new MapFields(dm, "'data'", Set.of("threshold", "disable"), d);
      if (f.node("threshold") instanceof YNode.YScalar s && s.value() instanceof Number n) {
        threshold = n.doubleValue();
        if (threshold <= 0 || threshold > 1) {
          d.error("bad-value", s.location(), "'threshold' must be above 0 and at most 1, e.g. 0.8");
        }
      } else if (f.has("threshold")) {
        f.wrongType("threshold", f.node("threshold"), "a number between 0 and 1");
      }
      for (String name : f.names("disable", false)) {
        if (!DataRules.NAMES.contains(name)) {
          d.error(
              "unknown-rule",
              f.locationOf("disable"),
              "unknown data rule '"
                  + name
                  + "'; the data rules are "
                  + String.join(", ", DataRules.NAMES));
        }
        disabled.add(name);
      }
    } else if (top.has("data")) {
      top.wrongType("data", top.node("data"), "a mapping (threshold, disable)");
    }
    return new Parsed(b == null || b, rules, qualifiers, cols, ids, threshold, disabled);
  }

  private static MetadataRule rule(YNode item, Diagnostics d) {
    if (!(item instanceof YNode.YMap m)) {
      d.error("wrong-type", item.location(), "a rule must be a mapping (id, label, match, ...)");
      return null;
    }
    MapFields f = new MapFields(m, "a discovery rule", RULE, d);
    String id = f.string("id", true);
    Boolean sensitive = f.bool("sensitive");
    boolean isSensitive = sensitive == null || sensitive;
    String label = f.string("label", isSensitive);
    List<String> classes = f.names("classes", isSensitive);
    for (String c : classes) {
      if (!CLASSES.contains(c)) {
        d.error(
            "bad-value", f.locationOf("classes"), "unknown class '" + c + "'; use PII, PHI or PCI");
      }
    }
    List<List<String>> match = words(f.names("match", false));
    List<List<String>> whole = words(f.names("whole", false));
    if (match.isEmpty() && whole.isEmpty()) {
      d.error("missing-key", m.location(), "rule '" + id + "' needs 'match' or 'whole' keywords");
    }
    Set<TypeFamily> types = EnumSet.noneOf(TypeFamily.class);
    List<String> typeWords = f.names("types", false);
    for (String t : typeWords.isEmpty() ? List.of("text") : typeWords) {
      Set<TypeFamily> fam = TypeFamily.parse(t);
      if (fam == null) {
        d.error(
            "bad-value",
            f.locationOf("types"),
            "unknown type '" + t + "'; use " + TypeFamily.WORDS);
      } else {
        types.addAll(fam);
      }
    }
    List<String> tables =
        f.names("tables", false).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    Location at = m.location();
    return id == null
        ? null
        : new MetadataRule(id, label, classes, match, whole, types, tables, isSensitive, at);
  }

  private static List<List<String>> words(List<String> keywords) {
    return keywords.stream().map(NameTokens::of).filter(w -> !w.isEmpty()).toList();
  }
}
