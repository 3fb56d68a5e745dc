package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.GuiseException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentMasksTest {
  private static final String DOC =
      "{\"customer\":{\"name\":\"Ann\",\"alias\":\"Ann\",\"phones\":[\"021 555 1234\",\"09 555"
          + " 0000\"],\"vip\":true,\"balance\":12.50,\"note\":null},\"id\":7}";

  private static Map<String, Object> transform(Object path, Object... rest) {
    Map<String, Object> t = MaskFixture.args(rest);
    t.put("path", path);
    return t;
  }

  /** A one-mask nested pipeline, as the ruleset validator builds it for a transform. */
  private static Pipeline masks(String type, Object... params) {
    return MaskFixture.pipeline(
        MaskRegistry.standard().find(type).orElseThrow(), MaskFixture.args(params));
  }

  private static JsonNode tree(Object json) throws Exception {
    return JsonValues.MAPPER.readTree((String) json);
  }

  @Test
  void jsonMasksSelectedValuesWithWildcardsAndKeepsTheRest() throws Exception {
    MaskFixture m =
        MaskFixture.of(
            JsonMask.DEFINITION,
            "transforms",
            List.of(
                transform(
                    List.of("customer", "name"), "masks", masks("from_fixed", "value", "Zoe")),
                transform("customer.phones.*", "masks", masks("imitate")),
                transform(
                    List.of("customer", "balance"),
                    "masks",
                    masks("from_random_number", "min", 1L, "max", 9L))));
    String out = (String) m.apply(DOC);
    JsonNode t = tree(out);
    assertThat(t.at("/customer/name").textValue()).isEqualTo("Zoe");
    assertThat(t.at("/customer/alias").textValue()).isEqualTo("Ann");
    assertThat(t.at("/customer/phones/0").textValue()).matches("[0-9]{3} [0-9]{3} [0-9]{4}");
    assertThat(t.at("/customer/phones/0").textValue()).isNotEqualTo("021 555 1234");
    assertThat(t.at("/customer/balance").isNumber()).isTrue();
    assertThat(t.at("/customer/vip").booleanValue()).isTrue();
    assertThat(t.at("/id").longValue()).isEqualTo(7);
    assertThat(out).startsWith("{\"customer\":{\"name\"");
    assertThat(m.apply(DOC)).isEqualTo(out);
    assertThat(m.withSecret(MaskFixture.OTHER_SECRET).apply(DOC)).isNotEqualTo(out);
    assertThat(m.apply(null)).isNull();
    assertThat(m.apply("")).isEqualTo("");
    byte[] bytes = (byte[]) m.apply(DOC.getBytes(StandardCharsets.UTF_8), DOC);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(out);
    assertThat(m.shape()).isEqualTo(OutputShape.SAME);
  }

  @Test
  void forceConsistencyGivesEqualValuesTheSameOutput() throws Exception {
    String doc = "{\"a\":\"Ann Lee\",\"b\":[\"Ann Lee\",\"Bo\"],\"c\":null}";
    List<Object> ts =
        List.of(
            transform("a", "masks", masks("imitate")),
            transform("b.*", "masks", masks("imitate")),
            transform("c", "masks", masks("imitate")));
    JsonNode plain = tree(MaskFixture.of(JsonMask.DEFINITION, "transforms", ts).apply(doc));
    assertThat(plain.at("/a")).isNotEqualTo(plain.at("/b/0"));
    JsonNode forced =
        tree(
            MaskFixture.of(JsonMask.DEFINITION, "transforms", ts, "force_consistency", true)
                .apply(doc));
    assertThat(forced.at("/a")).isEqualTo(forced.at("/b/0"));
    assertThat(forced.at("/a").textValue()).isNotEqualTo("Ann Lee");
    assertThat(forced.at("/b/1")).isNotEqualTo(forced.at("/a"));
    assertThat(forced.at("/c").isNull()).isTrue(); // on_null: skip by default
  }

  @Test
  void onNullAndOnMissing() throws Exception {
    MaskFixture mask =
        MaskFixture.of(
            JsonMask.DEFINITION,
            "transforms",
            List.of(
                transform(
                    "customer.note",
                    "masks",
                    masks("from_fixed", "value", "x"),
                    "on_null",
                    "mask")));
    assertThat(tree(mask.apply(DOC)).at("/customer/note").textValue()).isEqualTo("x");
    MaskFixture error =
        MaskFixture.of(
            JsonMask.DEFINITION,
            "transforms",
            List.of(transform("customer.note", "masks", masks("imitate"), "on_null", "error")));
    assertThatThrownBy(() -> error.apply(DOC))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("customer.note is null");
    MaskFixture skip =
        MaskFixture.of(
            JsonMask.DEFINITION,
            "transforms",
            List.of(transform("customer.email", "masks", masks("imitate"))));
    assertThat(tree(skip.apply(DOC))).isEqualTo(tree(DOC));
    MaskFixture missing =
        MaskFixture.of(
            JsonMask.DEFINITION,
            "transforms",
            List.of(
                transform(
                    List.of("customer", "phones", 5L),
                    "masks",
                    masks("imitate"),
                    "on_missing",
                    "error")));
    assertThatThrownBy(() -> missing.apply(DOC))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("customer.phones.5 is missing")
        .hasMessageNotContaining("555");
    assertThatThrownBy(() -> skip.apply("{not json"))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void jsonArgumentErrorsNameTheTransform() {
    assertThatThrownBy(() -> MaskFixture.create(JsonMask.DEFINITION, "transforms", List.of()))
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    JsonMask.DEFINITION,
                    "transforms",
                    List.of(transform("a", "masks", masks("imitate"), "on_null", "drop"))))
        .hasMessageContaining("use skip, error, mask");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    JsonMask.DEFINITION, "transforms", List.of(Map.of("path", "a", "mask", 1))))
        .hasMessageContaining("unknown key 'mask'");
  }

  @Test
  void fromJsonPathExtractsFromTheValueOrAnotherColumn() {
    MaskFixture own =
        MaskFixture.of(FromJsonPathMask.DEFINITION, "json_path", List.of("customer", "name"));
    assertThat(own.apply(DOC)).isEqualTo("Ann");
    MaskFixture col =
        MaskFixture.of(
                FromJsonPathMask.DEFINITION,
                "json_path",
                "customer.balance",
                "source_column",
                "profile")
            .withRow(Map.of("profile", DOC));
    assertThat(col.apply("ignored")).isEqualTo(new BigDecimal("12.50"));
    assertThat(col.mask().columnsRead()).containsExactly("profile");
    assertThat(
            MaskFixture.of(FromJsonPathMask.DEFINITION, "json_path", "customer.phones.1")
                .apply(DOC))
        .isEqualTo("09 555 0000");
    assertThat(MaskFixture.of(FromJsonPathMask.DEFINITION, "json_path", "$.id").apply(DOC))
        .isEqualTo(7L);
    assertThat(
            MaskFixture.of(FromJsonPathMask.DEFINITION, "json_path", "customer.phones").apply(DOC))
        .isEqualTo("[\"021 555 1234\",\"09 555 0000\"]");
    assertThat(MaskFixture.of(FromJsonPathMask.DEFINITION, "json_path", "nope").apply(DOC))
        .isNull();
    assertThat(own.apply(null)).isNull();
    MaskFixture strict =
        MaskFixture.of(FromJsonPathMask.DEFINITION, "json_path", "nope", "on_missing", "error");
    assertThatThrownBy(() -> strict.apply(DOC)).isInstanceOf(GuiseException.class);
    assertThatThrownBy(() -> MaskFixture.create(FromJsonPathMask.DEFINITION, "json_path", "a.*"))
        .hasMessageContaining("'*'");
  }

  private static final String XML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><customers><customer id=\"C-1001\">"
          + "<name>Ann Lee</name><email>ann@corp.com</email></customer><customer id=\"C-1002\">"
          + "<name>Bo Chan</name><email>bo@corp.com</email></customer></customers>";

  @Test
  void xmlMasksAttributesTextAndLeafElements() {
    MaskFixture m =
        MaskFixture.of(
            XmlMask.DEFINITION,
            "transforms",
            List.of(
                transform("//customer/@id", "masks", masks("imitate")),
                transform("//customer/name/text()", "masks", masks("from_fixed", "value", "X Y")),
                transform("//email", "masks", masks("imitate"))));
    String out = (String) m.apply(XML);
    assertThat(out).startsWith("<?xml").contains("<name>X Y</name>").doesNotContain("C-1001");
    assertThat(out)
        .containsPattern("id=\"[A-Z]-[0-9]{4}\"")
        .containsPattern("<email>[a-z]+@[a-z]+\\.[a-z]+</email>");
    assertThat(out).doesNotContain("ann@corp.com");
    assertThat(m.apply(XML)).isEqualTo(out);
    assertThat(m.withSecret(MaskFixture.OTHER_SECRET).apply(XML)).isNotEqualTo(out);
    assertThat((String) m.apply("<a><customer id=\"1\"/></a>")).doesNotStartWith("<?xml");
    assertThat(m.apply(null)).isNull();
    MaskFixture parent =
        MaskFixture.of(
            XmlMask.DEFINITION,
            "transforms",
            List.of(transform("//customer", "masks", masks("imitate"))));
    assertThatThrownBy(() -> parent.apply(XML)).hasMessageContaining("holding other elements");
    MaskFixture strict =
        MaskFixture.of(
            XmlMask.DEFINITION,
            "transforms",
            List.of(transform("//phone", "masks", masks("imitate"), "on_missing", "error")));
    assertThatThrownBy(() -> strict.apply(XML)).hasMessageContaining("selects nothing");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    XmlMask.DEFINITION,
                    "transforms",
                    List.of(transform("//[", "masks", masks("imitate")))))
        .hasMessageContaining("not a valid XPath");
  }

  @Test
  void nestedMasksAreCheckedByTheRulesetValidatorAtTheirOwnPosition() {
    var r =
        new dev.guise.plan.RulesetLoader(
                MaskRegistry.standard(), dev.guise.exec.TaskKinds.BUILT_IN.readers())
            .load(
                """
                version: '1.0'
                tasks:
                  - type: mask_table
                    table: t
                    key: id
                    rules:
                      - column: doc
                        masks:
                          - type: json
                            transforms:
                              - path: a
                                masks: [{type: imitat}]
                              - path: b
                                masks: [{type: imitate, force: true}]
                              - path: c
                                masks: [{type: from_file, seed_file: nope}]
                              - path: d
                                masks: []
                """,
                "r.yml");
    assertThat(r.diagnostics())
        .extracting(Object::toString)
        .anyMatch(d -> d.startsWith("r.yml:12:32 - unknown mask type 'imitat'"))
        .anyMatch(d -> d.startsWith("r.yml:14:41 - mask 'imitate' has no parameter 'force'"))
        .anyMatch(d -> d.contains("nope.csv"))
        .anyMatch(d -> d.contains("'masks' is empty"));
  }

  @Test
  void xmlRefusesDoctypesSoNoExternalEntityIsRead() {
    MaskFixture m =
        MaskFixture.of(
            XmlMask.DEFINITION, "transforms", List.of(transform("//a", "masks", masks("imitate"))));
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
    assertThatThrownBy(() -> m.apply(xxe))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("DOCTYPE");
    String bomb = "<!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;\">]><a>&l2;</a>";
    assertThatThrownBy(() -> m.apply(bomb)).isInstanceOf(GuiseException.class);
  }
}
