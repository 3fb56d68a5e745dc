package dev.guise.mask;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON as the document masks see it: parsing a column's text (or bytes), paths of keys and indexes,
 * and conversion between JSON values and the Java values masks work on (text, Long, BigDecimal,
 * Boolean, null; an object or array as its JSON text). Decimals keep their exact digits.
 */
final class JsonValues {
  private JsonValues() {}

  /** Matches any key of an object or any element of an array. */
  static final String WILDCARD = "*";

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  /**
   * A path parameter: a list of keys and indexes, or one dotted string ({@code customer.emails.*});
   * a leading {@code $} is ignored. List items are taken literally, so a key holding a dot is
   * written as a list item.
   *
   * @return steps: String keys (or {@link #WILDCARD}) and Long indexes
   */
  static List<Object> path(Object raw, String param, String where) {
    List<Object> steps = new ArrayList<>();
    if (raw instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Long || o instanceof Integer || o instanceof BigInteger) {
          steps.add(((Number) o).longValue());
        } else if (o instanceof String s) {
          steps.add(s);
        } else {
          throw new MaskArgs.InvalidArgument(
              param, where + "path items must be keys (text) or indexes (integers)");
        }
      }
    } else if (raw instanceof String s && !s.isBlank()) {
      for (String part : s.strip().split("\\.", -1)) {
        steps.add(part);
      }
      if (steps.get(0).equals("$")) {
        steps.remove(0);
      }
    } else if (raw instanceof Number n) {
      steps.add(n.longValue());
    }
    if (steps.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          param, where + "the path is empty; give keys, e.g. [customer, email] or customer.email");
    }
    return List.copyOf(steps);
  }

  /** The path as text for messages: keys and indexes joined with dots. */
  static String render(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object step : path) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(step);
    }
    return sb.toString();
  }

  /**
   * The child of {@code node} at {@code step}, or null when there is none. A text step reads an
   * object's key, or an array's index when it is all digits; an index step reads an array's element
   * or an object's key of that text.
   */
  static JsonNode child(JsonNode node, Object step) {
    if (node.isObject()) {
      return node.get(step.toString());
    }
    if (node.isArray()) {
      long i;
      if (step instanceof Long l) {
        i = l;
      } else if (step instanceof String s
          && !s.isEmpty()
          && s.chars().allMatch(Character::isDigit)
          && s.length() < 10) {
        i = Long.parseLong(s);
      } else {
        return null;
      }
      return i >= 0 && i < node.size() ? node.get((int) i) : null;
    }
    return null;
  }

  /** Parses a column value holding JSON text (String or UTF-8 bytes). */
  static JsonNode read(Object value, String mask) {
    String text =
        value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) value;
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new GuiseException(ErrorCode.RUN_FAILED, mask + " - a value is not JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      // the parser's message quotes the data; only its position is given
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          mask
              + " - a value is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "); mask only JSON columns or skip other values");
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** A JSON value as masks see it. */
  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong()
          ? (Object) node.longValue()
          : new BigDecimal(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return write(node); // object or array: its JSON text
  }

  /** A mask's output as a JSON value; dates and other values become their text. */
  static JsonNode toNode(Object value) {
    JsonNodeFactory f = MAPPER.getNodeFactory();
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof String s) {
      return f.textNode(s);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Long || value instanceof Integer) {
      return f.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigDecimal d) {
      return f.numberNode(d);
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? f.numberNode(BigDecimal.valueOf(d)) : f.textNode(d.toString());
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return MAPPER.valueToTree(value);
    }
    return f.textNode(ValueText.of(value));
  }

  /** A type-tagged text form of a JSON value, so 1 and "1" stay apart. */
  static String canonical(JsonNode node) {
    if (node.isTextual()) {
      return "s:" + node.textValue();
    }
    if (node.isNumber()) {
      return "n:" + node.decimalValue().stripTrailingZeros().toPlainString();
    }
    return node.getNodeType() + ":" + write(node);
  }
}
