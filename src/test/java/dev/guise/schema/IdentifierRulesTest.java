package dev.guise.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.schema.IdentifierRules.Folding;
import dev.guise.schema.WrittenName.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading names as DataMasque users write them, and matching them as each engine folds. */
class IdentifierRulesTest {
  private static final IdentifierRules H2 = IdentifierRules.STANDARD;
  private static final IdentifierRules POSTGRES = new IdentifierRules(Folding.LOWER, false);
  private static final IdentifierRules MYSQL = new IdentifierRules(Folding.NONE, true);

  private static Part plain(String s) {
    return new Part(s, false);
  }

  private static Part quoted(String s) {
    return new Part(s, true);
  }

  @Test
  void splitsAtDotsOutsideQuotes() {
    assertThat(H2.parse("orders").parts()).containsExactly(plain("orders"));
    assertThat(H2.parse("sales.orders").parts()).containsExactly(plain("sales"), plain("orders"));
    assertThat(H2.parse("\"Sales\".\"Orders\"").parts())
        .containsExactly(quoted("Sales"), quoted("Orders"));
    assertThat(H2.parse("sales.\"Mixed Case\"").parts())
        .containsExactly(plain("sales"), quoted("Mixed Case"));
    assertThat(H2.parse("\"a.b\"").parts()).containsExactly(quoted("a.b"));
    assertThat(H2.parse("\"say \"\"hi\"\"\".x").parts())
        .containsExactly(quoted("say \"hi\""), plain("x"));
    assertThat(H2.parse(" s . \"t\" ").parts()).containsExactly(plain("s"), quoted("t"));
  }

  @Test
  void backticksQuoteOnlyWhereTheEngineQuotesWithThem() {
    assertThat(MYSQL.parse("`order`.`a``b`").parts())
        .containsExactly(quoted("order"), quoted("a`b"));
    assertThat(MYSQL.parse("\"order\"").parts()).containsExactly(quoted("order"));
    assertThat(POSTGRES.parse("`order`").parts()).containsExactly(plain("`order`"));
  }

  @Test
  void malformedNamesSayWhy() {
    assertThat(H2.parse("\"order").problem()).contains("never closed");
    assertThat(H2.parse("a..b").problem()).contains("a part is empty");
    assertThat(H2.parse("a.").problem()).contains("a part is empty");
    assertThat(H2.parse("\"\"").problem()).contains("quoted part is empty");
    assertThat(H2.parse("\"a\"b").problem()).contains("text follows the closing \"");
    assertThat(H2.parse("\"a\"b").parts()).isEmpty();
    assertThat(H2.parse("ok").problem()).isNull();
  }

  @Test
  void unquotedPartsFoldAsTheEngineDoesThenMatchAsWrittenThenIgnoringCase() {
    List<String> names = List.of("ORDER", "order", "Lines");
    assertThat(H2.match(plain("order"), names).name()).isEqualTo("ORDER");
    assertThat(POSTGRES.match(plain("ORDER"), names).name()).isEqualTo("order");
    assertThat(MYSQL.match(plain("order"), names).name()).isEqualTo("order");
    // today's behaviour: as written, then ignoring case
    assertThat(H2.match(plain("Lines"), names).name()).isEqualTo("Lines");
    assertThat(POSTGRES.match(plain("LINES"), names).name()).isEqualTo("Lines");
  }

  @Test
  void quotedPartsMatchExactlyAndSuggestTheRealCase() {
    List<String> names = List.of("Order", "line");
    assertThat(H2.match(quoted("Order"), names).name()).isEqualTo("Order");
    NameMatch m = H2.match(quoted("order"), names);
    assertThat(m.found()).isFalse();
    assertThat(m.problem())
        .isEqualTo("; a quoted name matches its case exactly; did you mean '\"Order\"'?");
    assertThat(H2.match(quoted("nothing"), names)).isEqualTo(new NameMatch(null, null));
  }

  @Test
  void ignoringCaseNeverPicksOneOfSeveral() {
    NameMatch m = MYSQL.match(plain("ORDER"), List.of("Order", "order", "x"));
    assertThat(m.found()).isFalse();
    assertThat(m.problem())
        .isEqualTo(
            "; 2 names differ from it only in case: '\"Order\"' or '\"order\"'; quote the one you"
                + " mean");
  }

  @Test
  void quotedFormDoublesQuotes() {
    assertThat(IdentifierRules.quoted("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(quoted("a\"b").written()).isEqualTo("\"a\"\"b\"");
    assertThat(plain("ab").written()).isEqualTo("ab");
  }
}
