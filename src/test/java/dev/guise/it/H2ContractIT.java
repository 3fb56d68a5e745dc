package dev.guise.it;

/** The dialect contract on H2 (in memory; always runs). */
class H2ContractIT extends DialectContract {
  @Override
  TestEngine createEngine() {
    return new H2Engine();
  }

  @Override
  String whySkipped() {
    return "never skipped";
  }
}
