package dev.guise.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem instead of stopping at the first. Thread-safe. */
public final class Diagnostics {
  private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

  public void add(Diagnostic d) {
    items.add(d);
  }

  public void error(String code, Object subject, String message) {
    add(Diagnostic.error(code, subject, message));
  }

  public void warning(String code, Object subject, String message) {
    add(Diagnostic.warning(code, subject, message));
  }

  public void addAll(List<Diagnostic> more) {
    items.addAll(more);
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
}
