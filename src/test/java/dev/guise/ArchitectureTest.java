package dev.guise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of STYLE.md pointing down. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.guise");

  @Test
  void nothingImportsTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.guise.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.guise.cli..")
        .check(MAIN);
  }

  @Test
  void masksAndSecretsArePureOfDatabasesAndRuns() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.guise.mask..", "dev.guise.secret..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.guise.db..",
            "dev.guise.exec..",
            "dev.guise.plan..",
            "dev.guise.ruleset..",
            "dev.guise.runlog..",
            "java.sql..")
        .check(MAIN);
  }

  @Test
  void rulesetKnowsNoDatabaseNorExecution() {
    noClasses()
        .that()
        .resideInAPackage("dev.guise.ruleset..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.guise.db..",
            "dev.guise.exec..",
            "dev.guise.plan..",
            "dev.guise.runlog..",
            "java.sql..")
        .check(MAIN);
  }

  @Test
  void planIsPureNoJdbc() {
    noClasses()
        .that()
        .resideInAPackage("dev.guise.plan..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.guise.exec..", "dev.guise.runlog..", "java.sql..")
        .check(MAIN);
  }

  @Test
  void dbDoesNotReachUpIntoPlanningOrExecution() {
    noClasses()
        .that()
        .resideInAPackage("dev.guise.db..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.guise.exec..", "dev.guise.plan..", "dev.guise.runlog..")
        .check(MAIN);
  }

  @Test
  void execNeverPrints() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.guise.exec..", "dev.guise.plan..", "dev.guise.db..", "dev.guise.mask..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(MAIN);
  }

  @Test
  void engineDialectsStayInTheirSubpackages() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Dialect")
        .and()
        .areNotInterfaces()
        .and()
        .doNotHaveSimpleName("StandardDialect")
        .should()
        .resideInAnyPackage("dev.guise.db.h2", "dev.guise.db.postgres", "dev.guise.db.mysql")
        .check(MAIN);
  }
}
