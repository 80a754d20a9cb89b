package my.domain.tutorial.operator;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The operator's packages in layers, each depending only on those below it: the runtime (settings,
 * probes, metrics) and the status computation, leadership and events, the reconciler, and the
 * start-up that wires them. A new package cycle or a dependency pointing up fails the build.
 */
class ArchitectureTest {
  private static final String RUNTIME = "Runtime and status";
  private static final String LEADERSHIP = "Leadership and events";
  private static final String RECONCILER = "Reconciler";
  private static final String WIRING = "Start-up and wiring";

  /** The main classes only: tests may reach across layers to set things up. */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("my.domain.tutorial.operator");

  static final ArchRule PACKAGES_HAVE_NO_CYCLES =
      slices().matching("my.domain.tutorial.operator.(**)").should().beFreeOfCycles();

  static final ArchRule DEPENDENCIES_POINT_DOWN =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer(WIRING)
          .definedBy("my.domain.tutorial.operator")
          .layer(RECONCILER)
          .definedBy("my.domain.tutorial.operator.reconciler..")
          .layer(LEADERSHIP)
          .definedBy(
              "my.domain.tutorial.operator.election..", "my.domain.tutorial.operator.events..")
          .layer(RUNTIME)
          .definedBy(
              "my.domain.tutorial.operator.runtime..", "my.domain.tutorial.operator.status..")
          .whereLayer(WIRING)
          .mayNotBeAccessedByAnyLayer()
          .whereLayer(RECONCILER)
          .mayOnlyBeAccessedByLayers(WIRING)
          .whereLayer(LEADERSHIP)
          .mayOnlyBeAccessedByLayers(RECONCILER, WIRING)
          .whereLayer(RUNTIME)
          .mayOnlyBeAccessedByLayers(LEADERSHIP, RECONCILER, WIRING);

  @Test
  void packagesHaveNoCycles() {
    PACKAGES_HAVE_NO_CYCLES.check(MAIN);
  }

  @Test
  void eachLayerDependsOnlyOnTheLayersBelowIt() {
    DEPENDENCIES_POINT_DOWN.check(MAIN);
  }

  /** The rules can fail: the same classes plus one test class that reaches up. */
  @Test
  void aClassThatReachesUp_breaksBothRules() {
    ImportOption mainAndFixture =
        location ->
            new ImportOption.DoNotIncludeTests().includes(location)
                || location.contains("ReachesUpIntoTheReconciler");
    JavaClasses withFixture =
        new ClassFileImporter()
            .withImportOption(mainAndFixture)
            .importPackages("my.domain.tutorial.operator");

    assertThat(PACKAGES_HAVE_NO_CYCLES.evaluate(withFixture).getFailureReport().toString())
        .contains("ReachesUpIntoTheReconciler");
    assertThat(DEPENDENCIES_POINT_DOWN.evaluate(withFixture).getFailureReport().toString())
        .contains("ReachesUpIntoTheReconciler");
  }
}
