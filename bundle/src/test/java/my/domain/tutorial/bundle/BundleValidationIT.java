package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersionBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated bundle passes the Operator Framework's own validators
 * (github.com/operator-framework/api, through hack/bundle-validate): the default bundle validators
 * plus the operatorframework optional suite, with zero errors and zero warnings.
 */
class BundleValidationIT {
  @TempDir Path scratch;

  @Test
  void theGeneratedBundle_passesTheOperatorFrameworkValidators_withNoErrorAndNoWarning()
      throws Exception {
    Result result = validate(GeneratedBundle.location());

    assertThat(result.exitCode()).as("bundle-validate output:%n%s", result.output()).isZero();
    assertThat(result.output())
        .contains(": 0 errors, 0 warnings")
        .doesNotContain("ERROR ")
        .doesNotContain("WARN ");
  }

  @Test
  void aBrokenBundle_isCaught_soTheCleanResultMeansSomething() throws Exception {
    Path broken = copy(GeneratedBundle.location(), scratch.resolve("bundle"));
    Path csvFile = broken.resolve("manifests/foo-operator.clusterserviceversion.yaml");
    ClusterServiceVersion csv =
        Serialization.unmarshal(Files.readString(csvFile), ClusterServiceVersion.class);
    Files.writeString(
        csvFile,
        Serialization.asYaml(
            new ClusterServiceVersionBuilder(csv)
                .editMetadata()
                .addToAnnotations("categories", "Not A Category")
                .endMetadata()
                .editSpec()
                .withIcon(List.of())
                .withMinKubeVersion(null)
                .endSpec()
                .build()));

    Result result = validate(broken);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("ERROR standardcategories")
        .contains("Not A Category")
        .contains("WARN operatorhub/v2")
        .contains("Icon not specified")
        .contains("minKubeVersion is not informed");
  }

  record Result(int exitCode, String output) {}

  static Result validate(Path bundle) throws IOException, InterruptedException {
    Path script = TestBundles.repoRoot().resolve("hack/bundle-validate");
    List<String> command =
        new ArrayList<>(
            List.of(
                script.toString(),
                "-k8s-version",
                KubeVersions.majorMinor(System.getProperty("k8s.version", "1.34.3")),
                bundle.toString()));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " did not finish in 15 minutes");
    }
    return new Result(process.exitValue(), output);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
