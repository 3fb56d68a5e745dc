package dev.guise.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;

/**
 * A column whose value seeds a rule's masks, so equal inputs give equal outputs anywhere.
 *
 * @param caseTransform {@code lower}, {@code upper} or null
 * @param jsonPath keys (and list indexes) into a JSON value; empty to use the whole value
 */
public record HashColumn(String column, String caseTransform, boolean trim, List<String> jsonPath) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static HashColumn of(String column) {
    return new HashColumn(column, null, false, List.of());
  }

  /**
   * Applies {@code json_path}, {@code trim} and {@code case_transform} to a value before it is
   * hashed. A path that does not resolve gives null, as a missing value would.
   */
  public Object normalise(Object value) {
    if (!jsonPath.isEmpty() && value != null) {
      value = extract(value.toString());
    }
    if (!(value instanceof String s)) {
      return value;
    }
    String v = trim ? s.strip() : s;
    if ("lower".equals(caseTransform)) {
      v = v.toLowerCase(Locale.ROOT);
    } else if ("upper".equals(caseTransform)) {
      v = v.toUpperCase(Locale.ROOT);
    }
    return v;
  }

  private Object extract(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException notJson) {
      return null;
    }
    for (String step : jsonPath) {
      if (node == null) {
        return null;
      }
      node =
          node.isArray() && step.matches("\\d+")
              ? node.get(Integer.parseInt(step))
              : node.get(step);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.toString();
  }
}
