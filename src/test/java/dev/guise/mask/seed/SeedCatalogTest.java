package dev.guise.mask.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCatalogTest {

  @TempDir Path dir;

  @Test
  void findsBuiltInByNameWithOrWithoutExtension() {
    SeedCatalog c = new SeedCatalog();
    SeedFile a = c.get("countries");
    assertThat(c.get("countries.csv")).isSameAs(a);
    assertThat(a.name()).isEqualTo("countries.csv");
    assertThat(c.info("countries").source()).isEqualTo(SeedSource.BUILT_IN);
    assertThat(c.info("countries").location()).isEqualTo("classpath:seeds/countries.csv");
  }

  @Test
  void userDirectoryOverridesBuiltInOfSameName() throws Exception {
    Files.writeString(dir.resolve("countries.csv"), "country,iso2\nRuritania,RU\n");
    Files.writeString(dir.resolve("pets.csv"), "pet\ncat\ndog\n");
    SeedCatalog c = new SeedCatalog(dir);
    assertThat(c.get("countries").column("country")).containsExactly("Ruritania");
    assertThat(c.info("countries.csv").source()).isEqualTo(SeedSource.USER);
    assertThat(c.get("pets").column("pet")).containsExactly("cat", "dog");
    assertThat(c.get("last_names").rowCount()).isGreaterThan(0);
    assertThat(c.contains("pets")).isTrue();
    assertThat(c.contains("nope")).isFalse();

    List<SeedInfo> list = c.list();
    assertThat(list).extracting(SeedInfo::name).contains("countries", "pets", "first_names");
    SeedInfo countries =
        list.stream().filter(i -> i.name().equals("countries")).findFirst().orElseThrow();
    assertThat(countries.source()).isEqualTo(SeedSource.USER);
    assertThat(countries.rowCount()).isEqualTo(1);
    assertThat(countries.columns()).containsExactly("country", "iso2");
  }

  @Test
  void listsBuiltInsFromIndexWithCountsAndColumns() {
    List<SeedInfo> list = new SeedCatalog().list();
    assertThat(list)
        .extracting(SeedInfo::name)
        .containsExactly(
            "cities",
            "companies",
            "countries",
            "email_domains",
            "first_names",
            "job_titles",
            "last_names",
            "phone_formats",
            "street_addresses",
            "street_names");
    assertThat(list).allSatisfy(i -> assertThat(i.rowCount()).isPositive());
    assertThat(list).allSatisfy(i -> assertThat(i.source()).isEqualTo(SeedSource.BUILT_IN));
  }

  @Test
  void unknownSeedListsAvailableOnes() {
    SeedCatalog c = new SeedCatalog(dir);
    assertThatThrownBy(() -> c.get("planets"))
        .isInstanceOf(GuiseException.class)
        .hasMessageStartingWith("planets.csv - no such seed in " + dir)
        .hasMessageContaining("use one of cities, companies, countries")
        .extracting(e -> ((GuiseException) e).code())
        .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
  }

  @Test
  void rejectsPathsAsNames() {
    SeedCatalog c = new SeedCatalog(dir);
    assertThatThrownBy(() -> c.get("../secret"))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("not a valid seed name");
    assertThatThrownBy(() -> c.get("")).isInstanceOf(GuiseException.class);
  }

  @Test
  void malformedUserFileNamesTheFile() throws Exception {
    Files.writeString(dir.resolve("bad.csv"), "a,b\n1\n");
    assertThatThrownBy(() -> new SeedCatalog(dir).get("bad"))
        .hasMessageStartingWith("bad.csv - line 2 has 1 field(s)");
    Files.write(
        dir.resolve("latin1.csv"), "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> new SeedCatalog(dir).get("latin1"))
        .hasMessageEndingWith("is not valid UTF-8; save the file as UTF-8");
  }

  @Test
  void loadsEachFileOnceAcrossThreads() throws Exception {
    SeedCatalog c = new SeedCatalog();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<SeedFile>> jobs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        jobs.add(() -> c.get("first_names"));
      }
      List<Future<SeedFile>> results = pool.invokeAll(jobs);
      SeedFile first = results.get(0).get();
      for (Future<SeedFile> f : results) {
        assertThat(f.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
