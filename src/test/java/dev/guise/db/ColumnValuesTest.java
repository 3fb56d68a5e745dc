package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Write-back conversion: the shared conversion plus what the column declares. */
class ColumnValuesTest {
  private static ColumnInfo col(ColumnCategory category, int size, int scale, boolean nullable) {
    return new ColumnInfo("c", Types.OTHER, "T", size, scale, nullable, category);
  }

  private static ColumnInfo col(ColumnCategory category) {
    return col(category, 0, 0, true);
  }

  @Test
  void convertsAsTypecastDoes() {
    assertThat(ColumnValues.coerce("on", col(ColumnCategory.BOOLEAN))).isEqualTo(true);
    assertThat(ColumnValues.coerce("OFF", col(ColumnCategory.BOOLEAN))).isEqualTo(false);
    // the date of the instant in UTC, as a TIMESTAMP column gets its UTC time
    OffsetDateTime tokyo = OffsetDateTime.of(2020, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(9));
    assertThat(ColumnValues.coerce(tokyo, col(ColumnCategory.DATE)))
        .isEqualTo(LocalDate.of(2019, 12, 31));
    assertThat(ColumnValues.coerce(tokyo, col(ColumnCategory.TIMESTAMP)))
        .isEqualTo(LocalDateTime.of(2019, 12, 31, 16, 0));
    assertThat(ColumnValues.coerce("2020-01-01T01:00:00+09:00", col(ColumnCategory.TIMESTAMP_TZ)))
        .isEqualTo(tokyo);
    assertThat(ColumnValues.coerce(LocalDateTime.of(2020, 1, 2, 3, 4), col(ColumnCategory.TEXT)))
        .isEqualTo("2020-01-02T03:04:00");
    assertThat(ColumnValues.coerce(1e20d, col(ColumnCategory.TEXT)))
        .isEqualTo("100000000000000000000");
  }

  @Test
  void integerColumnsRoundHalfAwayFromZero() {
    assertThat(ColumnValues.coerce(-2.5d, col(ColumnCategory.INTEGER))).isEqualTo(-3L);
    assertThat(ColumnValues.coerce("2.5", col(ColumnCategory.INTEGER))).isEqualTo(3L);
    assertThatThrownBy(() -> ColumnValues.coerce(1e30d, col(ColumnCategory.INTEGER)))
        .isInstanceOf(ColumnValues.DoesNotFit.class);
  }

  @Test
  void declaredScaleRoundsAndUnconstrainedKeepsFractions() {
    assertThat(ColumnValues.coerce("1.005", col(ColumnCategory.DECIMAL, 10, 2, true)))
        .isEqualTo(new BigDecimal("1.01"));
    assertThat(ColumnValues.coerce("1.005", col(ColumnCategory.DECIMAL, 0, 0, true)))
        .isEqualTo(new BigDecimal("1.005"));
  }

  @Test
  void whatDoesNotFitIsExplainedWithoutTheValue() {
    assertThatThrownBy(() -> ColumnValues.coerce("secret-ish", col(ColumnCategory.DATE)))
        .isInstanceOf(ColumnValues.DoesNotFit.class)
        .hasMessage(
            "a text output cannot be stored in T; use typecast or a mask of the column's type");
    assertThatThrownBy(() -> ColumnValues.coerce("abcd", col(ColumnCategory.TEXT, 3, 0, true)))
        .hasMessageContaining("4 characters")
        .hasMessageNotContaining("abcd");
    assertThatThrownBy(() -> ColumnValues.coerce(null, col(ColumnCategory.TEXT, 3, 0, false)))
        .hasMessageContaining("NOT NULL");
    assertThat(ColumnValues.coerce(null, col(ColumnCategory.TEXT))).isNull();
  }
}
