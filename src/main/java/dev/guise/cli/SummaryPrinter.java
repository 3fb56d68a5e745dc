package dev.guise.cli;

import dev.guise.runlog.RunRecord;
import dev.guise.runlog.TaskRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The end-of-run summary: a table per task, the before/after sample and where the record is. */
final class SummaryPrinter {
  private final PrintWriter out;

  SummaryPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(RunRecord r, Path dir, boolean quiet) {
    if (!quiet) {
      printSamples(r);
      out.println();
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "task", "type", "target", "status", "read", "masked", "updated", "skipped", "ms"
          });
      for (TaskRecord t : r.tasks()) {
        collect(t, rows);
      }
      table(rows);
      out.println();
    }
    out.println(
        "Run "
            + r.id()
            + " "
            + r.status().json()
            + ": "
            + r.rowsMasked()
            + " rows masked, "
            + r.rowsUpdated()
            + " rows updated"
            + (Boolean.TRUE.equals(r.options().get("dry_run")) ? " (dry run: nothing written)" : "")
            + ".");
    for (TaskRecord t : failed(r.tasks(), new ArrayList<>())) {
      out.println("  task " + t.id() + ": " + t.error());
    }
    out.println("Record: " + dir.resolve("run.json"));
    out.flush();
  }

  private static List<TaskRecord> failed(List<TaskRecord> tasks, List<TaskRecord> acc) {
    for (TaskRecord t : tasks) {
      if (t.error() != null) {
        acc.add(t);
      }
      failed(t.tasks(), acc);
    }
    return acc;
  }

  private void collect(TaskRecord t, List<String[]> rows) {
    rows.add(
        new String[] {
          t.id(),
          t.type(),
          t.target() == null ? "" : t.target(),
          t.status().json(),
          String.valueOf(t.rowsRead()),
          String.valueOf(t.rowsMasked()),
          String.valueOf(t.rowsUpdated()),
          String.valueOf(t.rowsSkipped()),
          String.valueOf(t.durationMs())
        });
    for (TaskRecord c : t.tasks()) {
      collect(c, rows);
    }
  }

  private void printSamples(RunRecord r) {
    for (Map.Entry<String, List<Map<String, Object>>> e : r.samples().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      out.println();
      out.println("Sample of " + e.getKey() + " (before -> after):");
      for (Map<String, Object> row : e.getValue()) {
        StringBuilder key = new StringBuilder();
        StringBuilder changes = new StringBuilder();
        for (Map.Entry<String, Object> c : row.entrySet()) {
          if (c.getValue() instanceof Map<?, ?> m) {
            changes
                .append("\n      ")
                .append(c.getKey())
                .append(": ")
                .append(m.get("before"))
                .append(" -> ")
                .append(m.get("after"));
          } else {
            key.append(key.length() == 0 ? "" : ", ")
                .append(c.getKey())
                .append("=")
                .append(c.getValue());
          }
        }
        out.println("  " + key + changes);
      }
    }
  }

  private void table(List<String[]> rows) {
    int[] w = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder(" ");
      for (int i = 0; i < r.length; i++) {
        boolean numeric = i >= 4;
        String cell =
            numeric
                ? " ".repeat(w[i] - r[i].length()) + r[i]
                : r[i] + " ".repeat(w[i] - r[i].length());
        sb.append(' ').append(cell);
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
