package dev.guise.mask.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedCsvTest {

  private static List<String[]> parse(String text) {
    return SeedCsv.parse("t.csv", text);
  }

  @Test
  void plainFieldsAndLineEndings() {
    assertThat(parse("a,b\n1,2\r\n3,4"))
        .containsExactly(new String[] {"a", "b"}, new String[] {"1", "2"}, new String[] {"3", "4"});
  }

  @Test
  void quotedFieldsWithCommasQuotesAndNewlines() {
    List<String[]> rows = parse("x,y\n\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"\"\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).containsExactly("a,b", "say \"hi\"");
    assertThat(rows.get(2)).containsExactly("two\nlines", "");
  }

  @Test
  void emptyFieldsBlankLinesAndBom() {
    List<String[]> rows = parse("\uFEFFa,b,c\n\n,,\n1,,3\n\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).containsExactly("a", "b", "c");
    assertThat(rows.get(1)).containsExactly("", "", "");
    assertThat(rows.get(2)).containsExactly("1", "", "3");
  }

  @Test
  void unicodeAndSpacesAreKept() {
    assertThat(parse("name\n José \nZoë"))
        .containsExactly(new String[] {"name"}, new String[] {" José "}, new String[] {"Zoë"});
  }

  @Test
  void unclosedQuoteIsAnError() {
    assertThatThrownBy(() -> parse("a\n\"open\n"))
        .isInstanceOf(GuiseException.class)
        .hasMessageStartingWith("t.csv - line 2: a quoted field is not closed;")
        .extracting(e -> ((GuiseException) e).code())
        .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
  }

  @Test
  void strayQuotesAreErrors() {
    assertThatThrownBy(() -> parse("a\nab\"c\n"))
        .hasMessageContaining("line 2: a double quote inside an unquoted field");
    assertThatThrownBy(() -> parse("a,b\n\"x\"y,z\n"))
        .hasMessageContaining("line 2: text after the closing quote");
  }

  @Test
  void recordsKnowTheLineTheyStartOn() {
    List<SeedCsv.Record> rs = SeedCsv.parseRecords("t.csv", "a\r\n\r\n\"two\r\nlines\"\n\nb\n");
    assertThat(rs).extracting(SeedCsv.Record::line).containsExactly(1, 3, 6);
    assertThat(rs.get(1).fields()).containsExactly("two\r\nlines");
  }

  @Test
  void aStrayQuoteAfterAMultiLineFieldIsReportedOnItsOwnLine() {
    assertThatThrownBy(() -> parse("a,b\n\"1\n2\",y\"z\n"))
        .hasMessageStartingWith("t.csv - line 3: a double quote inside an unquoted field;");
    assertThatThrownBy(() -> parse("a,b\n\"q\"\"\",x\"\n"))
        .hasMessageStartingWith("t.csv - line 2: a double quote inside an unquoted field;");
  }
}
