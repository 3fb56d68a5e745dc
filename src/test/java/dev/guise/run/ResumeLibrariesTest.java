package dev.guise.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guise.ruleset.LibraryUse;
import dev.guise.yaml.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A resume compares the libraries a run started with to the ones it would use now. */
class ResumeLibrariesTest {
  private static JsonNode record(String libraries) throws Exception {
    return new ObjectMapper()
        .readTree("{\"id\":\"r1\",\"ruleset\":{\"libraries\":" + libraries + "}}");
  }

  @Test
  void sameLibrariesPass() throws Exception {
    JsonNode old = record("[{\"name\":\"pii/people\",\"file\":\"f\",\"sha256\":\"aa\"}]");
    assertThat(ResumeCheck.libraries(old, List.of(new LibraryUse("pii/people", "g", "aa")), false))
        .isEmpty();
  }

  @Test
  void aChangedOrAddedLibraryIsRefusedUnlessForced() throws Exception {
    JsonNode old = record("[{\"name\":\"pii/people\",\"file\":\"f\",\"sha256\":\"aa\"}]");
    List<Diagnostic> changed =
        ResumeCheck.libraries(old, List.of(new LibraryUse("pii/people", "f", "bb")), false);
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0).toString())
        .startsWith("run r1 - the ruleset libraries changed since it started")
        .contains("--force");
    assertThat(
            ResumeCheck.libraries(record("[]"), List.of(new LibraryUse("shop", "f", "cc")), false))
        .hasSize(1);
    assertThat(ResumeCheck.libraries(old, List.of(new LibraryUse("pii/people", "f", "bb")), true))
        .isEmpty();
  }
}
