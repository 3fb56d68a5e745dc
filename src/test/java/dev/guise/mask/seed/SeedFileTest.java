package dev.guise.mask.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFileTest {

  @Test
  void columnLookupIsCaseInsensitive() {
    SeedFile f = SeedFile.parse("p.csv", "First_Name,Gender\nAnn,F\nBob,M\n");
    assertThat(f.name()).isEqualTo("p.csv");
    assertThat(f.columns()).containsExactly("First_Name", "Gender");
    assertThat(f.rowCount()).isEqualTo(2);
    assertThat(f.column("first_name")).containsExactly("Ann", "Bob");
    assertThat(f.column("GENDER")).containsExactly("F", "M");
    assertThat(f.hasColumn("gender")).isTrue();
    assertThat(f.row(1)).containsExactly("Bob", "M");
    assertThat(f.rows()).hasSize(2);
  }

  @Test
  void isImmutable() {
    SeedFile f = SeedFile.parse("p.csv", "a\nx\n");
    f.row(0)[0] = "changed";
    f.rows().get(0)[0] = "changed";
    assertThat(f.column("a")).containsExactly("x");
    assertThatThrownBy(() -> f.column("a").set(0, "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void missingColumnNamesFileAndAvailableColumns() {
    SeedFile f = SeedFile.parse("first_names.csv", "first_name,gender\nAnn,F\n");
    assertThatThrownBy(() -> f.column("surname"))
        .isInstanceOf(GuiseException.class)
        .hasMessage("first_names.csv - has no column 'surname'; use one of first_name, gender")
        .extracting(e -> ((GuiseException) e).code())
        .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
  }

  @Test
  void rowWithWrongFieldCountNamesTheLine() {
    assertThatThrownBy(() -> SeedFile.parse("c.csv", "a,b\n1,2\n\"x\ny\",2,3\n"))
        .isInstanceOf(GuiseException.class)
        .hasMessageStartingWith("c.csv - line 3 has 3 field(s) but the header has 2 [a, b];");
  }

  @Test
  void headerDefects() {
    assertThatThrownBy(() -> SeedFile.parse("e.csv", ""))
        .hasMessage("e.csv - the file is empty; add a header row naming the columns");
    assertThatThrownBy(() -> SeedFile.parse("d.csv", "a,A\n1,2\n"))
        .hasMessageStartingWith("d.csv - column 'A' appears twice");
    assertThatThrownBy(() -> SeedFile.parse("b.csv", "a,,c\n"))
        .hasMessageStartingWith("b.csv - the header row has a blank column name");
  }

  @Test
  void headerOnlyFileHasNoRows() {
    SeedFile f = SeedFile.parse("h.csv", "a,b\n");
    assertThat(f.rowCount()).isZero();
    assertThat(f.column("b")).isEmpty();
  }

  @Test
  void ofBuildsFromRows() {
    List<String[]> rows = List.<String[]>of(new String[] {"1", "one"});
    SeedFile f = SeedFile.of("o.csv", List.of("k", "v"), rows);
    assertThat(f.column("V")).containsExactly("one");
  }
}
