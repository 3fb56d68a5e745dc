package dev.guise.cli;

import dev.guise.exec.TriggerGuard;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.Step;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.Task;
import dev.guise.run.CheckResult;
import dev.guise.run.TableFacts;
import dev.guise.schema.TableRef;
import dev.guise.yaml.Diagnostic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code guise plan}: the task graph as a tree. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the task graph a run would execute, as a tree. With -c, tables and keys are resolved against the live schema (read-only); with --source and --target, against the source, and the target is checked as a run would check it before writing (tables, columns, types, foreign-key order, emptiness; nothing is written); each mask_table shows its columns and the engine's row estimate, and triggers on masked tables are warned about (or, with auto_manage_triggers, noted as switched off during the run). --format json gives each task as data: type, id, table, key, columns with their masks, joins, estimated_rows, triggers."
    },
    footer = {
      "%nExamples:",
      "  guise plan ruleset.yml",
      "  guise plan ruleset.yml -c staging",
      "  guise plan ruleset.yml -c staging --format json",
      "  guise plan ruleset.yml --source prod --target staging",
      ExitCodes.HELP
    })
final class PlanCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connections;

  @Mixin RulesetOptions ruleset;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "NAME",
      description = "Resolve against this connection's schema.")
  String connection;

  @Mixin TransferOptions transfer;

  PlanCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(env);
    CheckResult planned = ws.service().plan(ws.check(ruleset, connections, connection, transfer));
    List<Diagnostic> all = planned.diagnostics();
    PrintWriter out = spec.commandLine().getOut();
    if (planned.ruleset() == null || planned.hasErrors()) {
      return report(all);
    }
    // what the tables are resolved against: the connection, or a transfer's source
    String on = transfer.source != null ? transfer.source : connection;
    if (on == null || planned.plan() == null) {
      // no connection, or a file run (its tasks have no tables to resolve)
      Workspace.print(all, spec.commandLine().getErr());
      List<Task> tasks = planned.ruleset().tasks();
      List<Map<String, Object>> tree = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        tree.add(node(tasks.get(i), String.valueOf(i + 1)));
      }
      if (common.json()) {
        Workspace.printJson(Map.of("tasks", tree), out);
      } else {
        out.println(ruleset);
        printTasks(tasks, "", out);
        out.flush();
      }
      return ExitCodes.OK;
    }
    List<Step> steps = planned.plan().children();
    Map<TableRef, TableFacts> facts =
        TableFacts.of(ws.service(), ws.check(ruleset, connections, on), planned.plan());
    if (common.json()) {
      PlanJson json = new PlanJson(facts);
      Workspace.printJson(Map.of("tasks", steps.stream().map(json::node).toList()), out);
    } else {
      PrintWriter err = spec.commandLine().getErr();
      Workspace.print(all, err);
      out.println(
          ruleset + " on " + (transfer.source == null ? connection : on + " → " + transfer.target));
      printSteps(steps, "", facts, out);
      out.flush();
      boolean managed = planned.ruleset().autoManageTriggers();
      facts.forEach(
          (table, f) -> {
            if (f.triggers().isEmpty()) {
              return;
            }
            if (managed) {
              err.println(
                  "note: "
                      + table
                      + " - its triggers ("
                      + String.join(", ", f.triggers())
                      + ") are switched off while the run writes it and restored at its end"
                      + " (auto_manage_triggers)");
            } else {
              err.println("warning: " + TriggerGuard.firing(table.toString(), f.triggers()));
            }
          });
      err.flush();
    }
    return ExitCodes.OK;
  }

  private int report(List<Diagnostic> all) {
    if (common.json()) {
      Workspace.printJson(
          Map.of("valid", false, "diagnostics", Workspace.json(all)), spec.commandLine().getOut());
    } else {
      Workspace.print(all, spec.commandLine().getErr());
    }
    return ExitCodes.INVALID;
  }

  private static void printTasks(List<Task> tasks, String indent, PrintWriter out) {
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      boolean last = i == tasks.size() - 1;
      String label =
          t.type()
              + (t.target() == null ? "" : " " + t.target())
              + (t.always() ? " [always: runs after a failure or cancel]" : "");
      MaskTableTask m = t.asMaskTable();
      if (m != null) {
        label +=
            " ("
                + m.rules().size()
                + (m.rules().size() == 1 ? " rule" : " rules")
                + ": "
                + String.join(
                    ", ",
                    m.rules().stream()
                        .map(r -> r instanceof Rule rule ? rule.column() : "if ...")
                        .toList())
                + ")";
      }
      out.println(indent + (last ? "└── " : "├── ") + label);
      printTasks(t.children(), indent + (last ? "    " : "│   "), out);
    }
  }

  private static void printSteps(
      List<Step> steps, String indent, Map<TableRef, TableFacts> facts, PrintWriter out) {
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      boolean last = i == steps.size() - 1;
      String label = "[" + s.id() + "] " + s.describe();
      if (s instanceof MaskTableStep m) {
        TableFacts f = facts.get(m.table().ref());
        label +=
            (f == null || f.estimatedRows() < 0 ? "" : ", ~" + f.estimatedRows() + " rows")
                + ": "
                + String.join(
                    ", ", m.rules().stream().map(r -> r.column().name()).distinct().toList());
      }
      if (s instanceof dev.guise.plan.KeyRewriteStep k) {
        TableFacts f = facts.get(k.root().table().ref());
        label += f == null || f.estimatedRows() < 0 ? "" : ", ~" + f.estimatedRows() + " rows";
      }
      out.println(indent + (last ? "└── " : "├── ") + label);
      if (s instanceof dev.guise.plan.KeyRewriteStep k) {
        String pad = indent + (last ? "    " : "│   ");
        for (var fk : k.foreignKeys()) {
          out.println(pad + "  follows " + fk);
        }
      }
      printSteps(s.children(), indent + (last ? "    " : "│   "), facts, out);
    }
  }

  private static Map<String, Object> node(Task t, String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("type", t.type());
    m.put("target", t.target());
    List<Map<String, Object>> kids = new ArrayList<>();
    for (int i = 0; i < t.children().size(); i++) {
      kids.add(node(t.children().get(i), id + "." + (i + 1)));
    }
    if (!kids.isEmpty()) {
      m.put("tasks", kids);
    }
    return m;
  }
}
