package dev.guise.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem instead of stopping at the first. Thread-safe.
 *
 * <p>One mistake gives one message: a YAML alias shares its anchor's nodes, so a mistake inside an
 * anchored definition is found once per alias with the same code, place and words; the repeats are
 * dropped, and the message names the places that use the definition (see {@link #anchors}).
 */
public final class Diagnostics {
  private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());
  private final Set<Diagnostic> seen = Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<YamlAnchor> anchors = Collections.synchronizedList(new ArrayList<>());

  /** Adds the problem unless the same one (severity, code, subject, message) is there already. */
  public void add(Diagnostic d) {
    if (seen.add(d)) {
      items.add(d);
    }
  }

  public void error(String code, Object subject, String message) {
    add(Diagnostic.error(code, subject, withUses(subject, message)));
  }

  public void warning(String code, Object subject, String message) {
    add(Diagnostic.warning(code, subject, withUses(subject, message)));
  }

  public void addAll(List<Diagnostic> more) {
    more.forEach(this::add);
  }

  /**
   * Anchors of a document read into this collection, with the places that alias or merge them: a
   * problem later reported inside one names those places.
   */
  public void anchors(List<YamlAnchor> more) {
    anchors.addAll(more);
  }

  public boolean hasErrors() {
    synchronized (items) {
      return items.stream().anyMatch(Diagnostic::isError);
    }
  }

  public boolean hasWarnings() {
    synchronized (items) {
      return items.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }
  }

  public List<Diagnostic> list() {
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  private String withUses(Object subject, String message) {
    if (!(subject instanceof Location at)) {
      return message;
    }
    YamlAnchor innermost = null;
    synchronized (anchors) {
      for (YamlAnchor a : anchors) {
        if (!a.uses().isEmpty()
            && a.contains(at)
            && (innermost == null || innermost.contains(a.start()))) {
          innermost = a;
        }
      }
    }
    if (innermost == null) {
      return message;
    }
    List<String> uses = innermost.uses().stream().map(Location::toString).toList();
    return message
        + " (in the definition anchored '&"
        + innermost.name()
        + "', used at "
        + String.join(", ", uses)
        + ")";
  }
}
