package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which files of the source folder a file task masks: DataMasque's {@code include} and {@code skip}
 * lists of {@code glob} or {@code regex} patterns, and {@code recurse}. A pattern with a {@code /}
 * is matched against the path relative to the source folder, any other against the file name.
 *
 * @param include empty: every file (of the task's file types)
 * @param recurse look into sub-folders too
 */
public record FileSelection(List<FilePattern> include, List<FilePattern> skip, boolean recurse) {

  /** One {@code glob:} or {@code regex:} entry. */
  public record FilePattern(String kind, String pattern, Location location) {
    /** True when the file (its path relative to the source folder, with {@code /}) matches. */
    public boolean matches(String relative) {
      String name = relative.substring(relative.lastIndexOf('/') + 1);
      String subject = pattern.contains("/") ? relative : name;
      if (kind.equals("regex")) {
        return Pattern.compile(pattern).matcher(subject).matches();
      }
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      return m.matches(Path.of(subject));
    }
  }

  /** Whether the task masks the file at {@code relative} (with {@code /}). */
  public boolean selects(String relative) {
    if (!include.isEmpty() && include.stream().noneMatch(p -> p.matches(relative))) {
      return false;
    }
    return skip.stream().noneMatch(p -> p.matches(relative));
  }

  /** The skip pattern that leaves the file out, or null. */
  public FilePattern skippedBy(String relative) {
    return skip.stream().filter(p -> p.matches(relative)).findFirst().orElse(null);
  }

  /** Reads {@code include}, {@code skip} and {@code recurse} of a file task's fields. */
  static FileSelection read(MapFields f, Diagnostics d) {
    return new FileSelection(
        patterns(f.items("include", false), "include", d),
        patterns(f.items("skip", false), "skip", d),
        Boolean.TRUE.equals(f.bool("recurse")));
  }

  private static List<FilePattern> patterns(List<YNode> items, String key, Diagnostics d) {
    List<FilePattern> out = new ArrayList<>();
    for (YNode item : items) {
      if (!(item instanceof YNode.YMap m)) {
        d.error(
            "wrong-type",
            item.location(),
            "an entry of '"
                + key
                + "' is {glob: PATTERN} or {regex: PATTERN}, found "
                + item.kind());
        continue;
      }
      MapFields pf = new MapFields(m, "an entry of '" + key + "'", Set.of("glob", "regex"), d);
      String glob = pf.string("glob", false);
      String regex = pf.string("regex", false);
      if ((glob == null) == (regex == null)) {
        d.error(
            "missing-key",
            m.location(),
            "an entry of '" + key + "' needs exactly one of 'glob' or 'regex'");
        continue;
      }
      if (regex != null) {
        try {
          Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          d.error(
              "invalid-parameter",
              pf.locationOf("regex"),
              "invalid regular expression: " + e.getDescription());
          continue;
        }
        out.add(new FilePattern("regex", regex, pf.locationOf("regex")));
      } else {
        try {
          FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (RuntimeException e) {
          d.error("invalid-parameter", pf.locationOf("glob"), "invalid glob: " + e.getMessage());
          continue;
        }
        out.add(new FilePattern("glob", glob, pf.locationOf("glob")));
      }
    }
    return List.copyOf(out);
  }
}
