package dev.guise.db.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.db.RawField;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresCopyRowsTest {
  private static final ColumnInfo ID =
      new ColumnInfo("id", Types.BIGINT, "int8", 19, 0, false, ColumnCategory.INTEGER);
  private static final ColumnInfo NAME =
      new ColumnInfo("name", Types.VARCHAR, "varchar", 40, 0, true, ColumnCategory.TEXT);
  private static final ColumnInfo CODE =
      new ColumnInfo("code", Types.CHAR, "bpchar", 6, 0, true, ColumnCategory.TEXT);
  private static final ColumnInfo U =
      new ColumnInfo("u", Types.OTHER, "uuid", 0, 0, true, ColumnCategory.UUID);
  private static final ColumnInfo AMOUNT =
      new ColumnInfo("amount", Types.NUMERIC, "numeric", 10, 2, true, ColumnCategory.DECIMAL);
  private static final ColumnInfo SEEN =
      new ColumnInfo("seen", Types.TIMESTAMP, "timestamp", 29, 6, true, ColumnCategory.TIMESTAMP);

  private static final List<ColumnInfo> COLUMNS = List.of(ID, NAME, CODE, U, AMOUNT, SEEN);

  private static Object[] row(String csvLine, boolean... decode) {
    return PostgresCopyRows.of(COLUMNS, decode)
        .row((csvLine + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String raw(Object field) {
    RawField f = (RawField) field;
    return new String(f.data(), f.from(), f.length(), StandardCharsets.UTF_8);
  }

  @Test
  void decodedFieldsAreTheJdbcReadsValuesAndTheOthersTheirCsvBytes() {
    Object[] r =
        row(
            "42,\"O'Neil, \"\"the\"\" 日本\",\"c1    \",A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11,12.50,"
                + "\"2020-01-01 00:00:01\"",
            true,
            true,
            true,
            true,
            false,
            false);
    assertThat(r[0]).isEqualTo(42L);
    assertThat(r[1]).isEqualTo("O'Neil, \"the\" 日本");
    assertThat(r[2]).as("CHAR(n) unpadded, as the JDBC read").isEqualTo("c1");
    assertThat(r[3]).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(raw(r[4])).isEqualTo("12.50");
    assertThat(raw(r[5]))
        .as("quotes kept: the field goes back as it came")
        .isEqualTo("\"2020-01-01 00:00:01\"");
    assertThat(r[5].toString()).doesNotContain("2020");
  }

  @Test
  void nullIsAnEmptyUnquotedFieldAndAnEmptyStringIsQuoted() {
    Object[] r = row("7,\"\",,,,\"\"", true, true, true, true, false, false);
    assertThat(r).containsExactly(7L, "", null, null, null, r[5]);
    assertThat(raw(r[5])).isEqualTo("\"\"");
    Object[] last = row("8,,,,,", true, true, true, true, false, false);
    assertThat(Arrays.asList(last).subList(1, 6)).containsOnlyNulls();
  }

  @Test
  void newlinesAndCommasInsideQuotesStayInTheirField() {
    Object[] r = row("9,\"a\nb,c\r\n\",x,,\"1,5\",\"\"\"\"", true, true, true, true, false, false);
    assertThat(r[1]).isEqualTo("a\nb,c\r\n");
    assertThat(r[2]).isEqualTo("x");
    assertThat(raw(r[4])).isEqualTo("\"1,5\"");
    assertThat(raw(r[5])).isEqualTo("\"\"\"\"");
  }

  @Test
  void aRowOfAnotherShapeIsRefused() {
    assertThatThrownBy(() -> row("1,a,b", true, true, true, true, false, false))
        .hasMessageContaining("another shape");
    assertThatThrownBy(() -> row("1,a,b,c,d,e,f", true, true, true, true, false, false))
        .hasMessageContaining("another shape");
    assertThatThrownBy(() -> row("1,\"open,b,c,d,e", true, true, true, true, false, false))
        .hasMessageContaining("unterminated");
  }

  @Test
  void onlyColumnsWhoseTextIsTheJdbcValueAreDecoded() {
    assertThat(PostgresCopyRows.of(COLUMNS, new boolean[] {true, true, true, true, false, false}))
        .isNotNull();
    assertThat(PostgresCopyRows.of(COLUMNS, new boolean[] {true, false, false, false, true, false}))
        .as("numeric is the driver's BigDecimal")
        .isNull();
    assertThat(PostgresCopyRows.of(COLUMNS, new boolean[] {true, false, false, false, false, true}))
        .as("a timestamp is the driver's LocalDateTime")
        .isNull();
  }

  @Test
  void keyLiteralsAreEscapeStringsWhateverStandardConformingStringsSays() {
    PostgresCopyRows rows = PostgresCopyRows.of(COLUMNS, new boolean[6]);
    assertThat(rows.literal(-12L)).isEqualTo("-12");
    assertThat(rows.literal("o'neil \\ x")).isEqualTo("E'o''neil \\\\ x'");
  }

  @Test
  void theDialectOffersItOnlyForAPostgresTarget() {
    boolean[] decode = {true, false, false, false, false, false};
    assertThat(new PostgresDialect().rawRows(COLUMNS, decode, new PostgresDialect())).isNotNull();
    assertThat(new PostgresDialect().rawRows(COLUMNS, decode, new dev.guise.db.h2.H2Dialect()))
        .isNull();
  }
}
