package dev.guise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package arrows of STYLE.md pointing down: {@code cli -> run -> exec -> plan ->
 * ruleset}, {@code exec -> db, mask, secret}, runlog listening to exec, and the shared models
 * ({@code yaml}, {@code schema}) at the bottom. Nothing points up and no packages form a cycle.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.guise");

  @Test
  void layersPointDown() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("cli")
        .definedBy("dev.guise.cli..")
        .layer("run")
        .definedBy("dev.guise.run..")
        .layer("runlog")
        .definedBy("dev.guise.runlog..")
        .layer("exec")
        .definedBy("dev.guise.exec..")
        .layer("discovery")
        .definedBy("dev.guise.discovery..")
        .layer("files")
        .definedBy("dev.guise.files..")
        .layer("plan")
        .definedBy("dev.guise.plan..")
        .layer("ruleset")
        .definedBy("dev.guise.ruleset..")
        .layer("db")
        .definedBy("dev.guise.db..")
        .layer("mask")
        .definedBy("dev.guise.mask..")
        .layer("secret")
        .definedBy("dev.guise.secret..")
        .layer("schema")
        .definedBy("dev.guise.schema..")
        .layer("yaml")
        .definedBy("dev.guise.yaml..")
        .layer("value")
        .definedBy("dev.guise.value..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("run")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("runlog")
        .mayOnlyBeAccessedByLayers("run", "cli")
        .whereLayer("exec")
        .mayOnlyBeAccessedByLayers("runlog", "run", "cli")
        // exec runs the discovery tasks; discovery never uses exec (its layer is below)
        .whereLayer("discovery")
        .mayOnlyBeAccessedByLayers("exec", "run", "cli")
        .whereLayer("files")
        .mayOnlyBeAccessedByLayers("exec", "run", "cli")
        .whereLayer("plan")
        .mayOnlyBeAccessedByLayers("exec", "runlog", "run", "cli")
        // exec reads the task records a step was planned from (type, location, rule columns);
        // discovery reads a ruleset to tell which sensitive columns it covers
        .whereLayer("ruleset")
        .mayOnlyBeAccessedByLayers("plan", "exec", "runlog", "discovery", "run", "cli")
        // neither the ruleset model nor the planner knows a database: plan -> db and db -> ruleset
        // are forbidden here
        .whereLayer("db")
        .mayOnlyBeAccessedByLayers("exec", "discovery", "files", "run", "cli")
        // masks are built from their YAML spec inside mask/, so ruleset -> mask is forbidden
        .whereLayer("mask")
        .mayOnlyBeAccessedByLayers("plan", "exec", "discovery", "run", "cli")
        .whereLayer("secret")
        .mayOnlyBeAccessedByLayers("mask", "plan", "exec", "run", "cli")
        .check(MAIN);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.guise.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void masksAndSecretsArePureOfJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.guise.mask..",
            "dev.guise.secret..",
            "dev.guise.plan..",
            "dev.guise.ruleset..",
            "dev.guise.schema..",
            "dev.guise.value..",
            "dev.guise.yaml..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..")
        .check(MAIN);
  }

  @Test
  void execNeverPrintsNorWritesFiles() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.guise.exec..",
            "dev.guise.run..",
            "dev.guise.plan..",
            "dev.guise.db..",
            "dev.guise.mask..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.guise.exec..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileWriter")
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
