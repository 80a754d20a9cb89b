package my.domain.tutorial.kubectl;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages in layers, each depending only on those below it: the domain and the {@code
 * why} diagnosis (pure), cluster access, output, and the commands on top. A new package cycle or a
 * dependency pointing up fails the build; docs/architecture.md describes the layers.
 */
class ArchitectureTest {
  private static final String DOMAIN = "Domain and diagnosis";
  private static final String CLUSTER = "Cluster access";
  private static final String OUTPUT = "Output";
  private static final String COMMANDS = "Commands";

  /** The main classes only: tests may reach across layers to set things up. */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("my.domain.tutorial.kubectl");

  static final ArchRule PACKAGES_HAVE_NO_CYCLES =
      slices().matching("my.domain.tutorial.kubectl.(**)").should().beFreeOfCycles();

  static final ArchRule DEPENDENCIES_POINT_DOWN =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer(COMMANDS)
          .definedBy(
              "my.domain.tutorial.kubectl",
              "my.domain.tutorial.kubectl.cli..",
              "my.domain.tutorial.kubectl.commands..",
              "my.domain.tutorial.kubectl.completion..",
              "my.domain.tutorial.kubectl.nativeimage..")
          .layer(OUTPUT)
          .definedBy("my.domain.tutorial.kubectl.output..", "my.domain.tutorial.kubectl.friends..")
          .layer(CLUSTER)
          .definedBy(
              "my.domain.tutorial.kubectl.kube..",
              "my.domain.tutorial.kubectl.paging..",
              "my.domain.tutorial.kubectl.why.reads..")
          .layer(DOMAIN)
          .definedBy(
              "my.domain.tutorial.kubectl.why",
              "my.domain.tutorial.kubectl.names..",
              "my.domain.tutorial.kubectl.errors..",
              "my.domain.tutorial.kubectl.text..")
          .whereLayer(COMMANDS)
          .mayNotBeAccessedByAnyLayer()
          .whereLayer(OUTPUT)
          .mayOnlyBeAccessedByLayers(COMMANDS)
          .whereLayer(CLUSTER)
          .mayOnlyBeAccessedByLayers(OUTPUT, COMMANDS)
          .whereLayer(DOMAIN)
          .mayOnlyBeAccessedByLayers(CLUSTER, OUTPUT, COMMANDS);

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
                || location.contains("ReachesUpIntoTheCommands");
    JavaClasses withFixture =
        new ClassFileImporter()
            .withImportOption(mainAndFixture)
            .importPackages("my.domain.tutorial.kubectl");

    assertThat(PACKAGES_HAVE_NO_CYCLES.evaluate(withFixture).getFailureReport().toString())
        .contains("ReachesUpIntoTheCommands");
    assertThat(DEPENDENCIES_POINT_DOWN.evaluate(withFixture).getFailureReport().toString())
        .contains("ReachesUpIntoTheCommands");
  }
}
