package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code mask_file}: masks whole documents (JSON, NDJSON lines, XML) with rules that have only
 * {@code masks} (typically one {@code json} or {@code xml} mask), from the source folder into the
 * destination folder. Each rule's pipeline sees the document's text and returns the masked text.
 *
 * @param fileType {@code json}, {@code ndjson} or {@code xml}; null to go by each file's extension
 */
public record MaskFileTask(
    FileSelection selection, String fileType, String encoding, List<Rule> rules, Location location)
    implements FileTask {
  public static final String TYPE = "mask_file";

  public static final Set<String> FILE_TYPES = Set.of("json", "ndjson", "xml");

  public static MaskFileTask read(YNode.YMap map, TaskReading ctx) {
    Diagnostics d = ctx.diagnostics();
    MapFields f =
        ctx.fields(map, TYPE, "include", "skip", "recurse", "file_type", "encoding", "rules");
    String fileType = f.string("file_type", false);
    if (fileType != null && !FILE_TYPES.contains(fileType.toLowerCase(Locale.ROOT))) {
      d.error(
          "invalid-parameter",
          f.locationOf("file_type"),
          "file_type must be json, ndjson or xml, found '" + fileType + "'");
    }
    List<Rule> rules = ctx.documentRules(f.items("rules", true));
    if (f.has("rules") && rules.isEmpty()) {
      d.error("empty-rules", f.locationOf("rules"), "'rules' is empty; add at least one rule");
    }
    String encoding = f.string("encoding", false);
    return new MaskFileTask(
        FileSelection.read(f, d),
        fileType == null ? null : fileType.toLowerCase(Locale.ROOT),
        encoding == null ? "UTF-8" : encoding,
        rules,
        map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
