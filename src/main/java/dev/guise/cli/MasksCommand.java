package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.mask.MaskDefinition;
import dev.guise.mask.MaskRegistry;
import dev.guise.mask.ParamSpec;
import dev.guise.yaml.DidYouMean;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code guise masks list|show}: the mask reference, straight from the registry. */
@Command(
    name = "masks",
    mixinStandardHelpOptions = true,
    description = "Lists the masks a ruleset can use, and shows one's parameters and an example.",
    subcommands = {MasksCommand.ListMasks.class, MasksCommand.Show.class},
    footer = {"%nExamples:", "  guise masks list", "  guise masks show from_random_number"})
final class MasksCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Map<String, Object> json(MaskDefinition d, boolean full) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("category", d.category());
    m.put("summary", d.summary());
    if (full) {
      m.put(
          "parameters",
          d.params().stream()
              .map(
                  p -> {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("name", p.name());
                    pm.put("type", p.type().name().toLowerCase());
                    pm.put("required", p.required());
                    pm.put("default", p.defaultValue());
                    pm.put("description", p.description());
                    if (!p.aliases().isEmpty()) {
                      pm.put("aliases", p.aliases());
                    }
                    return pm;
                  })
              .toList());
      m.put("example", d.example());
    }
    return m;
  }

  /** {@code guise masks list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists every mask by category.",
      footer = {"%nExamples:", "  guise masks list", "  guise masks list --format json"})
  static final class ListMasks implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<MaskDefinition> all = List.copyOf(MaskRegistry.standard().all());
      if (common.json()) {
        Workspace.printJson(all.stream().map(d -> json(d, false)).toList(), out);
        return ExitCodes.OK;
      }
      int w = all.stream().mapToInt(d -> d.name().length()).max().orElse(10);
      String category = null;
      for (MaskDefinition d :
          all.stream().sorted(java.util.Comparator.comparing(MaskDefinition::category)).toList()) {
        if (!d.category().equals(category)) {
          category = d.category();
          out.println((out.checkError() ? "" : "") + category + ":");
        }
        out.printf("  %-" + w + "s  %s%n", d.name(), d.summary());
      }
      out.println();
      out.println("Details: guise masks show NAME");
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code guise masks show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows a mask's parameters and an example.",
      footer = {"%nExample:", "  guise masks show from_format_string"})
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "NAME", description = "Mask name, e.g. from_random_number.")
    String name;

    @Override
    public Integer call() {
      MaskDefinition d =
          MaskRegistry.standard()
              .find(name)
              .orElseThrow(
                  () ->
                      new GuiseException(
                          ErrorCode.USAGE,
                          "mask '"
                              + name
                              + "' - no such mask"
                              + DidYouMean.hint(
                                  name,
                                  MaskRegistry.standard().all().stream()
                                      .map(MaskDefinition::name)
                                      .toList())
                              + "; see 'guise masks list'"));
      PrintWriter out = spec.commandLine().getOut();
      if (common.json()) {
        Workspace.printJson(json(d, true), out);
        return ExitCodes.OK;
      }
      out.println(d.name() + " (" + d.category() + ")");
      out.println("  " + d.summary());
      out.println();
      out.println("Parameters:");
      if (d.params().isEmpty()) {
        out.println("  (none)");
      }
      for (ParamSpec p : d.params()) {
        out.println(
            "  "
                + p.name()
                + " ("
                + p.type().name().toLowerCase()
                + (p.required() ? ", required" : "")
                + (p.defaultValue() != null ? ", default " + p.defaultValue() : "")
                + (p.aliases().isEmpty() ? "" : ", also " + String.join(", ", p.aliases()))
                + ")");
        out.println("      " + p.description());
      }
      out.println();
      out.println("Example:");
      d.example().lines().forEach(l -> out.println("  " + l));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
