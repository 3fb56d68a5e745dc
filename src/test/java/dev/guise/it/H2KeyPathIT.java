package dev.guise.it;

/** The key path on H2 (in memory; always runs). */
class H2KeyPathIT extends KeyPathContract {
  @Override
  TestEngine createEngine() {
    return new H2Engine();
  }

  @Override
  String whySkipped() {
    return "never skipped";
  }
}
