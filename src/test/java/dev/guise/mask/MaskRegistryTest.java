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
    assertThat(MaskRegistry.standard().find("from_format_string").orElseThrow().param("format"))
        .isNotNull();
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
    // every mask without required parameters can be built from its declared defaults alone
    for (MaskDefinition d : MaskRegistry.standard().all()) {
      if (d.params().stream().noneMatch(ParamSpec::required)) {
        Mask mask = MaskFixture.create(d);
        assertThat(mask).as(d.name()).isNotNull();
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
}
