package my.domain.tutorial.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import my.domain.tutorial.controlplane.RepoRoot;
import org.junit.jupiter.api.Test;

class JarImageArchiveTest {
  private static final Path ROOT = Path.of("/repo");
  private static final Path JAR = Path.of("/repo/operator/target/operator-0.1.0.jar");
  private static final Path OUT = Path.of("/repo/operator/target/cds-17");

  @Test
  void theShippedDockerfile_dumpsTheArchiveFromTheCommittedClassList_andItsEntrypointMapsIt()
      throws IOException {
    Path root = RepoRoot.find();
    JarImageArchive.Recipe recipe =
        JarImageArchive.recipe(Files.readString(root.resolve(JarImageArchive.DOCKERFILE)));

    assertThat(recipe.dump()).startsWith("java", "-Xshare:dump");
    assertThat(recipe.entrypointOptions())
        .contains("-XX:SharedArchiveFile=/deployments/operator.jsa");
    String classList = recipe.copies().get("/deployments/operator.classlist");
    assertThat(classList).isNotNull();
    assertThat(root.resolve(classList)).isRegularFile();
    assertThat(Files.readAllLines(root.resolve(classList)))
        .as("the committed class list names the operator's own classes")
        .contains("my/domain/tutorial/operator/FooOperator");
  }

  @Test
  void eachImagePathBecomesTheJar_aCopiedFile_orWhatTheBuildMakesBesideTheJar() {
    JarImageArchive.Recipe recipe =
        JarImageArchive.recipe(
            """
            COPY operator/src/main/cds/operator.classlist /deployments/operator.classlist
            COPY operator/target/operator-*.jar /deployments/operator.jar
            RUN ["java", "-Xshare:dump", "-XX:SharedClassListFile=/deployments/operator.classlist", "-XX:SharedArchiveFile=/deployments/operator.jsa", "-jar", "/deployments/operator.jar"]
            ENTRYPOINT ["java", "-XX:SharedArchiveFile=/deployments/operator.jsa", "-jar", "/deployments/operator.jar"]
            """);

    assertThat(JarImageArchive.map(recipe.dump(), recipe.copies(), ROOT, JAR, OUT))
        .containsExactly(
            "java",
            "-Xshare:dump",
            "-XX:SharedClassListFile=/repo/operator/src/main/cds/operator.classlist",
            "-XX:SharedArchiveFile=/repo/operator/target/cds-17/operator.jsa",
            "-jar",
            "/repo/operator/target/operator-0.1.0.jar");
    assertThat(JarImageArchive.map(recipe.entrypointOptions(), recipe.copies(), ROOT, JAR, OUT))
        .containsExactly("-XX:SharedArchiveFile=/repo/operator/target/cds-17/operator.jsa");
  }

  @Test
  void aDockerfileWithoutTheDumpStep_isRefusedByName() {
    assertThatThrownBy(
            () ->
                JarImageArchive.recipe(
                    "ENTRYPOINT [\"java\", \"-jar\", \"/deployments/operator.jar\"]"))
        .hasMessageContaining("-Xshare:dump");
  }
}
