package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TypecastMaskTest {
  private static Object cast(String as, Object value) {
    return MaskFixture.of(TypecastMask.DEFINITION, "typecast_as", as).apply(value);
  }

  private static Object cast(String as, String format, Object value) {
    return MaskFixture.of(TypecastMask.DEFINITION, "typecast_as", as, "date_format", format)
        .apply(value);
  }

  @Test
  void toString_() {
    assertThat(cast("string", 42L)).isEqualTo("42");
    assertThat(cast("string", new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(cast("string", 2.5d)).isEqualTo("2.5");
    assertThat(cast("string", true)).isEqualTo("true");
    assertThat(cast("string", LocalDateTime.of(2020, 1, 2, 3, 4))).isEqualTo("2020-01-02T03:04:00");
    assertThat(cast("string", "%d/%m/%Y", LocalDate.of(2020, 1, 2))).isEqualTo("02/01/2020");
    assertThat(cast("string", "dd.MM.yyyy HH:mm", LocalDateTime.of(2020, 1, 2, 3, 4)))
        .isEqualTo("02.01.2020 03:04");
    assertThat(cast("string", "")).isEqualTo("");
  }

  @Test
  void toNumbers() {
    assertThat(cast("integer", " 12 ")).isEqualTo(12L);
    assertThat(cast("integer", "-12.9")).isEqualTo(-12L);
    assertThat(cast("integer", 3.99d)).isEqualTo(3L);
    assertThat(cast("integer", true)).isEqualTo(1L);
    assertThat(cast("float", "2.5")).isEqualTo(2.5d);
    assertThat(cast("decimal", "2.50")).isEqualTo(new BigDecimal("2.50"));
    assertThat(cast("decimal", 7L)).isEqualTo(new BigDecimal("7"));
    assertThatThrownBy(() -> cast("integer", "abc"))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("cannot convert a String value to integer")
        .hasMessageNotContaining("abc");
    assertThatThrownBy(() -> cast("integer", "1e30")).hasMessageContaining("64-bit");
    assertThatThrownBy(() -> cast("integer", "")).isInstanceOf(GuiseException.class);
  }

  @Test
  void toBoolean() {
    assertThat(cast("boolean", "Yes")).isEqualTo(true);
    assertThat(cast("boolean", "0")).isEqualTo(false);
    assertThat(cast("boolean", 5L)).isEqualTo(true);
    assertThat(cast("boolean", new BigDecimal("0.00"))).isEqualTo(false);
    assertThatThrownBy(() -> cast("boolean", "maybe")).isInstanceOf(GuiseException.class);
  }

  @Test
  void toDates() {
    assertThat(cast("date", "2020-01-31")).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(cast("date", "2020-01-31 23:00:00")).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(cast("date", "%d/%m/%Y", "31/01/2020")).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(cast("date", "dd MMM yyyy", "31 Jan 2020")).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(cast("date", LocalDateTime.of(2020, 1, 31, 5, 0)))
        .isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(cast("datetime", "2020-01-31")).isEqualTo(LocalDateTime.of(2020, 1, 31, 0, 0));
    assertThat(cast("datetime", "2020-01-31T10:00:00+02:00"))
        .isEqualTo(LocalDateTime.of(2020, 1, 31, 8, 0));
    assertThat(cast("datetime", "%Y-%m-%d %H:%M:%S", "2020-01-31 10:11:12"))
        .isEqualTo(LocalDateTime.of(2020, 1, 31, 10, 11, 12));
    assertThat(cast("datetime", "%d/%m/%Y", "31/01/2020"))
        .isEqualTo(LocalDateTime.of(2020, 1, 31, 0, 0));
    assertThat(cast("datetime", OffsetDateTime.of(2020, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(3))))
        .isEqualTo(LocalDateTime.of(2019, 12, 31, 22, 0));
    assertThatThrownBy(() -> cast("date", "%d/%m/%Y", "2020-01-31"))
        .isInstanceOf(GuiseException.class);
    assertThatThrownBy(() -> cast("date", 5L)).isInstanceOf(GuiseException.class);
  }

  @Test
  void nullStaysNullAndShapesFollowTheTarget() {
    for (String as :
        new String[] {"string", "integer", "float", "decimal", "boolean", "date", "datetime"}) {
      assertThat(cast(as, null)).isNull();
    }
    MaskFixture i = MaskFixture.of(TypecastMask.DEFINITION, "typecast_as", "integer");
    assertThat(i.shape().kind()).isEqualTo(OutputShape.Kind.INTEGER);
    i.assertFitsShape(i.apply(String.valueOf(Long.MIN_VALUE)));
    assertThat(MaskFixture.of(TypecastMask.DEFINITION, "typecast_as", "date").shape().kind())
        .isEqualTo(OutputShape.Kind.DATE);
    assertThat(MaskFixture.of(TypecastMask.DEFINITION, "typecast_as", "string").shape().kind())
        .isEqualTo(OutputShape.Kind.TEXT);
    assertThat(i.withSecret(MaskFixture.OTHER_SECRET).apply("5")).isEqualTo(i.apply("5"));
  }

  @Test
  void strftimeTranslation() {
    assertThat(TypecastMask.javaPattern("%Y-%m-%d")).isEqualTo("uuuu'-'MM'-'dd");
    assertThat(TypecastMask.javaPattern("at %H:%M o'clock %%"))
        .isEqualTo("'at 'HH':'mm' o''clock %'");
    assertThat(TypecastMask.javaPattern("yyyy-MM-dd")).isEqualTo("yyyy-MM-dd");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> MaskFixture.create(TypecastMask.DEFINITION, "typecast_as", "money"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("typecast_as"));
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    TypecastMask.DEFINITION, "typecast_as", "date", "date_format", "%Q"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("date_format"));
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    TypecastMask.DEFINITION, "typecast_as", "date", "date_format", "yyyy-{MM"))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
  }
}
