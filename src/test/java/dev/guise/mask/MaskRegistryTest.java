package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskRegistryTest {
  @Test
  void registersTheStandardMasks() {
    assertThat(MaskRegistry.standard().all())
        .extracting(MaskDefinition::name)
        .contains(
            "from_fixed",
            "from_column",
            "from_choices",
            "from_format_string",
            "from_random_text",
            "imitate",
            "transform_case",
            "take_substring",
            "replace_regex",
            "from_random_number",
            "from_random_boolean",
            "from_random_date",
            "from_random_datetime",
            "concat",
            "chain",
            "typecast",
            "do_nothing",
            "hash",
            "from_file",
            "from_blob",
            "from_json_path",
            "replace_substring",
            "numeric_bucket",
            "retain_age",
            "retain_year",
            "retain_date_component",
            "credit_card",
            "social_security_number",
            "set_checksum",
            "json",
            "xml");
    // an alias finds the parameter under its real name
    assertThat(MaskRegistry.standard().find("from_format_string").orElseThrow().param("format"))
        .extracting(ParamSpec::name)
        .isEqualTo("value_format");
  }

  @Test
  void everyDefinitionIsDocumentedAndConsistent() {
    Set<String> categories =
        Set.of(
            "generic",
            "string",
            "numeric",
            "date",
            "data_pattern",
            "unique",
            "document",
            "combination",
            "transformation");
    for (MaskDefinition d : MaskRegistry.standard().all()) {
      assertThat(d.category()).as(d.name()).isIn(categories);
      assertThat(d.summary()).as(d.name()).isNotBlank().endsWith(".");
      assertThat(d.example()).as(d.name()).startsWith("type: " + d.name());
      Set<String> names = new HashSet<>();
      for (ParamSpec p : d.params()) {
        assertThat(names.add(p.name())).as(d.name() + "." + p.name()).isTrue();
        assertThat(p.description()).as(d.name() + "." + p.name()).isNotBlank();
        if (p.required()) {
          assertThat(p.defaultValue()).as(d.name() + "." + p.name()).isNull();
        }
        if (p.defaultValue() != null) {
          assertThat(fits(p.type(), p.defaultValue())).as(d.name() + "." + p.name()).isTrue();
        }
      }
    }
  }

  @Test
  void defaultsBuildAWorkingMask() {
    // every mask without required parameters, built from its declared defaults alone, masks a
    // value the same way twice and in the shape it declares
    for (MaskDefinition d : MaskRegistry.standard().all()) {
      if (d == SecureShuffleMask.DEFINITION) {
        // declared here, applied by the executor over a whole column: it has no per-value form
        assertThat(MaskFixture.create(d)).isInstanceOf(SecureShuffleMask.class);
      } else if (d.params().stream().noneMatch(ParamSpec::required)) {
        MaskFixture m = MaskFixture.of(d);
        Object in = sample(d);
        Object out = m.apply(in, 1L);
        assertThat(m.apply(in, 1L)).as(d.name()).isEqualTo(out);
        m.assertFitsShape(out);
      }
    }
  }

  private static boolean fits(ParamType type, Object value) {
    return switch (type) {
      case STRING -> value instanceof String;
      case INTEGER -> value instanceof Long;
      case NUMBER -> value instanceof Long || value instanceof java.math.BigDecimal;
      case BOOLEAN -> value instanceof Boolean;
      case SCALAR -> value instanceof String || value instanceof Number;
      case STRING_LIST, LIST, TRANSFORMS -> value instanceof List<?>;
      case MASKS -> false;
      case ANY -> true;
    };
  }

  /** An input each category's masks accept. */
  private static Object sample(MaskDefinition d) {
    if (d == ImitateUuidMask.DEFINITION) {
      return "c232ab00-9414-11ec-b3c8-9f6bdeced846";
    }
    if (d == ImitateNzIrdMask.DEFINITION) {
      return "49-091-850";
    }
    return switch (d.category()) {
      case "date" -> java.time.LocalDate.of(1984, 7, 9);
      case "numeric" -> 4242L;
      default -> "Ada Lovelace";
    };
  }
}
