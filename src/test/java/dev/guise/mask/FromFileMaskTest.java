package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.mask.seed.SeedCatalog;
import dev.guise.mask.seed.SeedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FromFileMaskTest {
  private static final SeedFile FIRST = SeedCatalog.builtIn().get("first_names");

  private final MaskFixture names =
      MaskFixture.of(
          FromFileMask.DEFINITION, "seed_file", "first_names", "seed_column", "first_name");

  @Test
  void picksSeedValuesDeterministically() {
    Set<String> column = new HashSet<>(FIRST.column("first_name"));
    Set<Object> seen = new HashSet<>();
    for (long seed = 0; seed < 500; seed++) {
      Object out = names.apply("Someone", seed);
      names.assertFitsShape(out);
      assertThat(column).contains((String) out);
      seen.add(out);
    }
    assertThat(seen.size()).isGreaterThan(450); // ~7,000 names: few repeats in 500 draws
    assertThat(names.apply("Ann")).isEqualTo(names.apply("Ann"));
    int differ = 0;
    for (long seed = 0; seed < 50; seed++) {
      differ +=
          names.apply("x", seed).equals(names.withSecret(MaskFixture.OTHER_SECRET).apply("x", seed))
              ? 0
              : 1;
    }
    assertThat(differ).isGreaterThan(45);
    assertThat(names.apply(null)).isNotNull(); // a generator: nulls are for skip to keep
    assertThat(names.mask().columnsRead()).isEmpty();
  }

  @Test
  void filterPicksOnlyMatchingRowsAndFallsBackToAllRows() {
    MaskFixture byGender =
        MaskFixture.of(
            FromFileMask.DEFINITION,
            "seed_file",
            "first_names",
            "seed_column",
            "first_name",
            "table_filter_column",
            "sex",
            "seed_filter_column",
            "gender");
    Set<String> female = new HashSet<>();
    Set<String> male = new HashSet<>();
    for (String[] row : FIRST.rows()) {
      (row[1].equals("F") ? female : male).add(row[0]);
    }
    for (long seed = 0; seed < 300; seed++) {
      assertThat(female).contains((String) byGender.withRow(Map.of("SEX", " f ")).apply("x", seed));
      assertThat(male).contains((String) byGender.withRow(Map.of("sex", "M")).apply("x", seed));
    }
    Set<String> all = new HashSet<>(FIRST.column("first_name"));
    boolean sawFemale = false;
    boolean sawMale = false;
    for (long seed = 0; seed < 300; seed++) {
      String out = (String) byGender.withRow(Map.of("sex", "unknown")).apply("x", seed);
      assertThat(all).contains(out);
      sawFemale |= female.contains(out) && !male.contains(out);
      sawMale |= male.contains(out) && !female.contains(out);
    }
    assertThat(sawFemale && sawMale).as("no match falls back to every row").isTrue();
    assertThat(byGender.mask().columnsRead()).containsExactly("sex");
  }

  @Test
  void singleColumnFileNeedsNoSeedColumnAndShapeIsTheLongestValue() {
    MaskFixture m = MaskFixture.of(FromFileMask.DEFINITION, "seed_file", "last_names.csv");
    int longest =
        SeedCatalog.builtIn().get("last_names").column(0).stream()
            .mapToInt(s -> s.codePointCount(0, s.length()))
            .max()
            .orElseThrow();
    assertThat(m.shape()).isEqualTo(OutputShape.text(longest));
  }

  @Test
  void reportsMissingFilesAndColumnsAtValidation(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> MaskFixture.create(FromFileMask.DEFINITION, "seed_file", "nope"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("seed_file"))
        .hasMessageContaining("nope.csv")
        .hasMessageContaining("first_names");
    assertThatThrownBy(
            () -> MaskFixture.create(FromFileMask.DEFINITION, "seed_file", "first_names"))
        .hasMessageContaining("first_name, gender");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromFileMask.DEFINITION, "seed_file", "first_names", "seed_column", "name"))
        .isInstanceOfSatisfying(
            MaskArgs.InvalidArgument.class, e -> assertThat(e.param()).isEqualTo("seed_column"))
        .hasMessageContaining(
            "first_names.csv has no column 'name'; use one of first_name, gender");
    assertThatThrownBy(
            () ->
                MaskFixture.create(
                    FromFileMask.DEFINITION,
                    "seed_file",
                    "first_names",
                    "seed_column",
                    "first_name",
                    "table_filter_column",
                    "sex"))
        .hasMessageContaining("give both or neither");
    Files.writeString(dir.resolve("empty.csv"), "value\n");
    MaskArgs args =
        new MaskArgs(FromFileMask.NAME, Map.of("seed_file", "empty"), new SeedCatalog(dir));
    assertThatThrownBy(() -> FromFileMask.DEFINITION.factory().create(args))
        .hasMessageContaining("no data rows");
  }

  @Test
  void userSeedsWinAndOutputNeverEqualsInputWhenAnotherValueExists(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("first_names.csv"), "first_name\nAda\nAda\nAda\nBob\n");
    MaskArgs args =
        new MaskArgs(FromFileMask.NAME, Map.of("seed_file", "first_names"), new SeedCatalog(dir));
    Mask m = FromFileMask.DEFINITION.factory().create(args);
    BuiltMask built = new BuiltMask(FromFileMask.NAME, m, new byte[32], "t");
    MaskFixture f = MaskFixture.of(FromFileMask.DEFINITION, "seed_file", "last_names");
    for (long seed = 0; seed < 200; seed++) {
      assertThat(built.apply("Ada", f.context(seed))).isEqualTo("Bob");
      assertThat(built.apply("Bob", f.context(seed))).isEqualTo("Ada");
    }
    Files.writeString(dir.resolve("one.csv"), "v\nonly\n");
    Mask one =
        FromFileMask.DEFINITION
            .factory()
            .create(
                new MaskArgs(FromFileMask.NAME, Map.of("seed_file", "one"), new SeedCatalog(dir)));
    assertThat(new BuiltMask("from_file", one, new byte[32], "t").apply("only", f.context(1L)))
        .isEqualTo("only"); // nothing else to pick
  }

  /** Issue 4, item 3: seed-file names over 10,000 real-looking values never leak. */
  @Test
  void leakRateOverTenThousandRealNames() {
    List<String> firsts = FIRST.column("first_name");
    List<String> lasts = SeedCatalog.builtIn().get("last_names").column("last_name");
    MaskFixture lastNames =
        MaskFixture.of(
            FromFileMask.DEFINITION, "seed_file", "last_names", "seed_column", "last_name");
    int leaks = 0;
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      String first = firsts.get((i * 7919) % firsts.size());
      String last = lasts.get((i * 104_729) % lasts.size());
      leaks += first.equals(names.apply(first, (long) i)) ? 1 : 0;
      leaks += last.equals(lastNames.apply(last, (long) i)) ? 1 : 0;
    }
    System.out.printf(
        "from_file leak rate: %d of %d first+last names unchanged (%.4f%%)%n",
        leaks, 2 * n, 100.0 * leaks / (2 * n));
    assertThat(leaks).isZero();
  }
}
