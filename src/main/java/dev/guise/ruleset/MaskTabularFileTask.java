package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code mask_tabular_file}: masks the columns of CSV, TSV and Parquet files (DataMasque's file
 * masking), row by row, from the source folder into the destination folder.
 *
 * @param fileType {@code csv}, {@code tsv}, {@code parquet}, or null to go by each file's extension
 * @param delimiter null for the file type's ({@code ,} or tab)
 * @param header the first line names the columns; false needs {@code columns}
 * @param columns the column names of files without a header line; empty otherwise
 * @param columnTypes declared types of CSV/TSV columns by name (text when not declared; a Parquet
 *     file's columns are typed by its schema): {@code text}, {@code integer}, {@code decimal},
 *     {@code float}, {@code boolean}, {@code date}, {@code datetime}
 */
public record MaskTabularFileTask(
    FileSelection selection,
    String fileType,
    String delimiter,
    char quote,
    String encoding,
    boolean header,
    List<String> columns,
    Map<String, String> columnTypes,
    List<RuleItem> rules,
    List<HashColumn> hashColumns,
    Location location)
    implements FileTask {
  public static final String TYPE = "mask_tabular_file";

  /** The file type of Parquet files (and their extension). */
  public static final String PARQUET = "parquet";

  /** The file types this task reads, by extension. */
  public static final Set<String> FILE_TYPES = Set.of("csv", "tsv", PARQUET);

  /** The column types a rule may declare, lower case. */
  public static final Set<String> COLUMN_TYPES =
      Set.of("text", "integer", "decimal", "float", "boolean", "date", "datetime");

  public static MaskTabularFileTask read(YNode.YMap map, TaskReading ctx) {
    Diagnostics d = ctx.diagnostics();
    MapFields f =
        ctx.fields(
            map,
            TYPE,
            "include",
            "skip",
            "recurse",
            "file_type",
            "delimiter",
            "quote_char",
            "encoding",
            "header",
            "columns",
            "column_types",
            "rules",
            "hash_columns");
    String fileType = f.string("file_type", false);
    if (fileType != null && !FILE_TYPES.contains(fileType.toLowerCase(Locale.ROOT))) {
      d.error(
          "invalid-parameter",
          f.locationOf("file_type"),
          "file_type must be csv, tsv or parquet, found '" + fileType + "'");
    }
    String delimiter = f.string("delimiter", false);
    if (delimiter != null) {
      delimiter = delimiter.equals("\\t") ? "\t" : delimiter;
      if (delimiter.length() != 1) {
        d.error(
            "invalid-parameter",
            f.locationOf("delimiter"),
            "delimiter must be one character (\\t for a tab), found '" + delimiter + "'");
      }
    }
    String quote = f.string("quote_char", false);
    if (quote != null && quote.length() != 1) {
      d.error(
          "invalid-parameter",
          f.locationOf("quote_char"),
          "quote_char must be one character, found '" + quote + "'");
    }
    String encoding = f.string("encoding", false);
    if (encoding != null) {
      try {
        Charset.forName(encoding);
      } catch (RuntimeException e) {
        d.error(
            "invalid-parameter",
            f.locationOf("encoding"),
            "unknown encoding '" + encoding + "'; use e.g. UTF-8, ISO-8859-1 or windows-1252");
      }
    }
    boolean header = !Boolean.FALSE.equals(f.bool("header"));
    List<String> columns = f.names("columns", false);
    if (!header && columns.isEmpty()) {
      d.error(
          "missing-key",
          f.locationOf("header"),
          "header: false needs 'columns', the names of the file's columns in order");
    }
    Map<String, String> types = new LinkedHashMap<>();
    YNode typesNode = f.node("column_types");
    if (typesNode instanceof YNode.YMap tm) {
      for (Map.Entry<String, YNode> e : tm.entries().entrySet()) {
        String t =
            e.getValue() instanceof YNode.YScalar s && s.value() != null
                ? s.asText().toLowerCase(Locale.ROOT)
                : null;
        if (t == null || !COLUMN_TYPES.contains(t)) {
          d.error(
              "invalid-parameter",
              e.getValue().location(),
              "the type of column '"
                  + e.getKey()
                  + "' must be one of "
                  + String.join(", ", COLUMN_TYPES.stream().sorted().toList()));
        } else {
          types.put(e.getKey(), t);
        }
      }
    } else if (typesNode != null) {
      f.wrongType("column_types", typesNode, "a mapping of column names to types");
    }
    List<HashColumn> hash =
        f.has("hash_columns") ? ctx.hashColumns(f.node("hash_columns")) : List.of();
    List<RuleItem> rules = ctx.rules(f.items("rules", true));
    return new MaskTabularFileTask(
        FileSelection.read(f, d),
        fileType == null ? null : fileType.toLowerCase(Locale.ROOT),
        delimiter,
        quote == null || quote.length() != 1 ? '"' : quote.charAt(0),
        encoding == null ? "UTF-8" : encoding,
        header,
        List.copyOf(columns),
        Map.copyOf(types),
        List.copyOf(rules),
        hash,
        map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
