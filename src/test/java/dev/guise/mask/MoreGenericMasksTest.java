package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numeric_bucket, replace_substring and from_blob. */
class MoreGenericMasksTest {
  private final MaskFixture ages =
      MaskFixture.of(
          NumericBucketMask.DEFINITION,
          "buckets",
          List.of(0L, 18L, 30L, 65L),
          "max",
          new BigDecimal("100"));

  @Test
  void bucketOutputStaysInTheInputsBucket() {
    boolean low = false;
    boolean high = false;
    for (long seed = 0; seed < 2000; seed++) {
      long out = (Long) ages.apply(25L, seed);
      assertThat(out).isBetween(18L, 29L);
      low |= out == 18;
      high |= out == 29;
      assertThat((Long) ages.apply(70L, seed)).isBetween(65L, 99L);
      assertThat((Long) ages.apply(0L, seed)).isBetween(0L, 17L);
      BigDecimal d = (BigDecimal) ages.apply(new BigDecimal("31.25"), seed);
      assertThat(d.scale()).isEqualTo(2);
      assertThat(d).isBetween(new BigDecimal("30.00"), new BigDecimal("64.99"));
      assertThat((Double) ages.apply(12.5d, seed)).isBetween(0.0, 17.9);
      assertThat((String) ages.apply("42", seed)).matches("[3-6][0-9]");
    }
    assertThat(low && high).as("both ends of the bucket are reachable").isTrue();
    assertThat(ages.apply(25L)).isEqualTo(ages.apply(25L));
    int differ = 0;
    for (long seed = 0; seed < 20; seed++) {
      differ +=
          ages.apply(50L, seed).equals(ages.withSecret(MaskFixture.OTHER_SECRET).apply(50L, seed))
              ? 0
              : 1;
    }
    assertThat(differ).isGreaterThan(15);
    assertThat(ages.apply(null)).isNull();
    assertThat(ages.apply(-5L)).isEqualTo(0L); // below the first bound
    assertThat(ages.apply(150L)).isEqualTo(99L); // above max: the largest value below it
    assertThat(ages.apply(new BigDecimal("150.5"))).isEqualTo(new BigDecimal("99.9"));
    MaskFixture topCoded =
        MaskFixture.of(NumericBucketMask.DEFINITION, "buckets", List.of(0L, 65L));
    assertThat(topCoded.apply(88L)).isEqualTo(65L);
    MaskFixture fractional =
        MaskFixture.of(
            NumericBucketMask.DEFINITION,
            "buckets",
            List.of(new BigDecimal("0.5"), new BigDecimal("2.5")),
            "max",
            new BigDecimal("10"));
    for (long seed = 0; seed < 200; seed++) {
      assertThat((Long) fractional.apply(2L, seed)).isIn(1L, 2L);
    }
    assertThatThrownBy(() -> ages.apply("abc")).isInstanceOf(GuiseException.class);
    assertThat(ages.shape()).isEqualTo(OutputShape.SAME);
  }

  @Test
  void bucketArgumentsAreChecked() {
    assertThatThrownBy(
            () -> MaskFixture.create(NumericBucketMask.DEFINITION, "buckets", List.of(10L, 5L)))
        .hasMessageContaining("strictly ascending");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    NumericBucketMask.DEFINITION,
                    "buckets",
                    List.of(0L, 5L),
                    "max",
                    new BigDecimal("5")))
        .hasMessageContaining("above the last bound");
    assertThatThrownBy(() -> MaskFixture.create(NumericBucketMask.DEFINITION, "buckets", List.of()))
        .isInstanceOf(MaskArgs.InvalidArgument.class);
    assertThatThrownBy(
            () -> MaskFixture.create(NumericBucketMask.DEFINITION, "buckets", List.of("ten")))
        .hasMessageContaining("not a number");
  }

  @Test
  void replaceSubstringMasksOnlyThePart() {
    Pipeline fixed =
        MaskFixture.pipeline(FromFixedMask.DEFINITION, MaskFixture.args("value", "####"));
    MaskFixture m =
        MaskFixture.of(
            ReplaceSubstringMask.DEFINITION, "start_index", 0L, "end_index", -4L, "masks", fixed);
    assertThat(m.apply("4111111111111234")).isEqualTo("####1234");
    Pipeline imitate = MaskFixture.pipeline(ImitateMask.DEFINITION, MaskFixture.args());
    MaskFixture mid =
        MaskFixture.of(
            ReplaceSubstringMask.DEFINITION, "start_index", 2L, "end_index", 5L, "masks", imitate);
    String out = (String) mid.apply("AB123CD");
    assertThat(out).startsWith("AB").endsWith("CD").matches("AB[0-9]{3}CD");
    assertThat(mid.apply("AB123CD")).isEqualTo(out);
    assertThat(mid.withSecret(MaskFixture.OTHER_SECRET).apply("AB123CD")).isNotEqualTo(out);
    assertThat(mid.apply(null)).isNull();
    assertThat(mid.apply("")).isEqualTo("");
    assertThat(mid.apply("AB")).isEqualTo("AB"); // empty range: unchanged
    assertThat((String) mid.apply("Zo😀123")).startsWith("Zo😀").hasSize(7);
    assertThat((String) mid.apply(1234567L)).matches("12[0-9]{3}67");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    ReplaceSubstringMask.DEFINITION, "masks", new Pipeline(List.of())))
        .hasMessageContaining("empty");
  }

  @Test
  void fromBlobReadsAFileOnceAsBytesOrText(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("placeholder.bin");
    Files.write(png, new byte[] {1, 2, 3, (byte) 0xFF});
    MaskFixture bytes = MaskFixture.of(FromBlobMask.DEFINITION, "path", png.toString());
    byte[] out = (byte[]) bytes.apply("anything");
    assertThat(out).containsExactly(1, 2, 3, (byte) 0xFF);
    out[0] = 9; // callers get a copy
    assertThat((byte[]) bytes.apply(null)).startsWith((byte) 1);
    assertThat(bytes.shape()).isEqualTo(OutputShape.ANY);
    Path txt = dir.resolve("note.txt");
    Files.writeString(txt, "redacted ✓");
    MaskFixture text =
        MaskFixture.of(FromBlobMask.DEFINITION, "path", txt.toString(), "as_text", true);
    assertThat(text.apply("x")).isEqualTo("redacted ✓");
    assertThat(text.shape()).isEqualTo(OutputShape.text(10));
    assertThatThrownBy(
            () -> MaskFixture.create(FromBlobMask.DEFINITION, "path", dir.resolve("no").toString()))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("path"))
        .hasMessageContaining("no such file");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromBlobMask.DEFINITION, "path", png.toString(), "as_text", true))
        .hasMessageContaining("not UTF-8");
  }
}
