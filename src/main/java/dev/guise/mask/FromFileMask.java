package dev.guise.mask;

import dev.guise.GuiseException;
import dev.guise.mask.seed.SeedFile;
import dev.guise.secret.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code from_file}: picks a random value from a column of a seed file (a user file from {@code
 * --seeds-dir} or a built-in). With {@code table_filter_column} and {@code seed_filter_column} only
 * the seed rows whose filter value equals the row's value are candidates (compared ignoring case
 * and surrounding spaces), e.g. first names of the row's gender; when no seed row matches (or the
 * row's value is null) the whole column is used. The output never equals the input while the
 * candidates hold another value. The file is read once, when the ruleset is validated, and its
 * filter groups are indexed then; the mask is immutable and shared across threads.
 */
public final class FromFileMask implements Mask {
  public static final String NAME = "from_file";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Replace the value with one picked at random from a column of a seed file.",
          List.of(
              ParamSpec.required(
                  "seed_file",
                  ParamType.STRING,
                  "Seed file name, e.g. first_names or first_names.csv: a .csv in --seeds-dir, or"
                      + " a built-in (see 'guise seeds list')."),
              ParamSpec.optional(
                  "seed_column",
                  ParamType.STRING,
                  null,
                  "Column of the seed file to pick from; may be left out when the file has one"
                      + " column."),
              ParamSpec.optional(
                  "table_filter_column",
                  ParamType.STRING,
                  null,
                  "Column of the masked row whose value selects the seed rows; give it with"
                      + " seed_filter_column."),
              ParamSpec.optional(
                  "seed_filter_column",
                  ParamType.STRING,
                  null,
                  "Column of the seed file compared (ignoring case and surrounding spaces) with"
                      + " the row's table_filter_column value; when no seed row matches, any row"
                      + " of the file may be picked.")),
          "type: from_file\nseed_file: first_names\nseed_column: first_name\n"
              + "table_filter_column: gender\nseed_filter_column: gender",
          FromFileMask::create);

  private final List<String> all;
  private final String tableFilterColumn; // null: no filter
  private final Map<String, List<String>> groups;
  private final int maxLength;

  private FromFileMask(
      List<String> all, String tableFilterColumn, Map<String, List<String>> groups, int maxLength) {
    this.all = all;
    this.tableFilterColumn = tableFilterColumn;
    this.groups = groups;
    this.maxLength = maxLength;
  }

  private static FromFileMask create(MaskArgs args) {
    String fileName = args.string("seed_file");
    if (fileName == null || fileName.isBlank()) {
      throw new MaskArgs.InvalidArgument(
          "seed_file", "the seed file name is empty; name a file such as first_names");
    }
    SeedFile file;
    try {
      file = args.seeds().get(fileName);
    } catch (GuiseException e) {
      throw new MaskArgs.InvalidArgument("seed_file", e.getMessage());
    }
    String column = args.string("seed_column");
    if (column == null) {
      if (file.columns().size() != 1) {
        throw new MaskArgs.InvalidArgument(
            "seed_file",
            file.name()
                + " has "
                + file.columns().size()
                + " columns; choose one with seed_column: "
                + String.join(", ", file.columns()));
      }
      column = file.columns().get(0);
    }
    List<String> values = column(file, column, "seed_column");
    if (values.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "seed_file", file.name() + " has no data rows; add values below the header");
    }
    boolean hasTable = args.has("table_filter_column");
    boolean hasSeed = args.has("seed_filter_column");
    if (hasTable != hasSeed) {
      throw new MaskArgs.InvalidArgument(
          hasTable ? "table_filter_column" : "seed_filter_column",
          "table_filter_column and seed_filter_column go together; give both or neither");
    }
    String tableColumn = null;
    Map<String, List<String>> groups = Map.of();
    if (hasTable) {
      tableColumn = args.string("table_filter_column").strip();
      if (tableColumn.isEmpty()) {
        throw new MaskArgs.InvalidArgument(
            "table_filter_column", "the column name is empty; name a column of the table");
      }
      List<String> filter = column(file, args.string("seed_filter_column"), "seed_filter_column");
      Map<String, List<String>> building = new LinkedHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        building.computeIfAbsent(key(filter.get(i)), k -> new ArrayList<>()).add(values.get(i));
      }
      Map<String, List<String>> frozen = new LinkedHashMap<>();
      building.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      groups = Map.copyOf(frozen);
    }
    int max = 0;
    for (String v : values) {
      max = Math.max(max, ValueText.length(v));
    }
    return new FromFileMask(List.copyOf(values), tableColumn, groups, max);
  }

  private static List<String> column(SeedFile file, String column, String param) {
    if (column == null || !file.hasColumn(column)) {
      throw new MaskArgs.InvalidArgument(
          param,
          file.name()
              + " has no column '"
              + column
              + "'; use one of "
              + String.join(", ", file.columns()));
    }
    return file.column(column);
  }

  private static String key(Object value) {
    return ValueText.of(value).strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    List<String> candidates = all;
    if (tableFilterColumn != null) {
      Object filter = ctx.row().get(tableFilterColumn);
      if (filter != null) {
        candidates = groups.getOrDefault(key(filter), all);
      }
    }
    return pick(candidates, value == null ? null : ValueText.of(value), ctx.rng());
  }

  /** A random candidate other than {@code avoid} when the candidates hold another value. */
  private static String pick(List<String> candidates, String avoid, Rng rng) {
    int n = candidates.size();
    String out = candidates.get(rng.nextInt(n));
    for (int attempt = 0; attempt < 8 && out.equals(avoid); attempt++) {
      out = candidates.get(rng.nextInt(n));
    }
    if (out.equals(avoid)) { // a list made mostly of the input: walk it from a random place
      int start = rng.nextInt(n);
      for (int i = 0; i < n; i++) {
        String c = candidates.get((start + i) % n);
        if (!c.equals(avoid)) {
          return c;
        }
      }
    }
    return out;
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(maxLength);
  }

  @Override
  public Set<String> columnsRead() {
    return tableFilterColumn == null ? Set.of() : Set.of(tableFilterColumn);
  }

  @Override
  public boolean alwaysChanges() {
    return true;
  }
}
