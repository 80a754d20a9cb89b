package my.domain.tutorial.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Deployment's memory request and limit are the sizing formula of docs/footprint.md at the
 * cluster sizes it is shipped for; a change to either the figures or the manifest shows here.
 */
class DeploymentSizingTest {

  /** docs/footprint.md, "Sizing": live heap of the operator in MiB. */
  static double liveHeapMib(int foos, int pods) {
    return 16 + foos * 3.0 / 1024 + pods * 0.7 / 1024;
  }

  /**
   * The request: the RSS to expect from the native executable, about 64 MiB of its own (its mapped
   * code and image heap, threads) plus twice the live heap.
   */
  static long requestMib(int foos, int pods) {
    return roundUp(64 + 2 * liveHeapMib(foos, pods), 16);
  }

  /**
   * The limit: the heap (60% of it) at least twice the live data, and never under 192 MiB, where
   * the executable's own memory (40% of the limit) would no longer fit beside a full heap.
   */
  static long limitMib(int foos, int pods) {
    return Math.max(192, roundUp(2 * liveHeapMib(foos, pods) / 0.6, 32));
  }

  private static long roundUp(double mib, int step) {
    return (long) Math.ceil(mib / step) * step;
  }

  @Test
  void requestIsTheFormulaAtTheClusterSizeTheManifestNames() throws IOException {
    int[] size = shippedFor("request");

    assertThat(memory().getRequests().get("memory"))
        .isEqualTo(new Quantity(requestMib(size[0], size[1]) + "Mi"));
  }

  @Test
  void limitIsTheFormulaAtTheClusterSizeTheManifestNames() throws IOException {
    int[] size = shippedFor("limit");

    assertThat(memory().getLimits().get("memory"))
        .isEqualTo(new Quantity(limitMib(size[0], size[1]) + "Mi"));
  }

  @Test
  void theJarImagesRequestIsTheJvmFormulaAtTheSameSize() throws IOException {
    int[] size = shippedFor("request");
    String yaml =
        java.nio.file.Files.readString(DeployManifestsTest.DIR.resolve("deployment.yaml"));
    Matcher m = Pattern.compile("# jar image request: (\\S+)").matcher(yaml);
    assertThat(m.find()).as("deployment.yaml names the jar image's request").isTrue();

    assertThat(new Quantity(m.group(1)))
        .isEqualTo(new Quantity(roundUp(96 + 2 * liveHeapMib(size[0], size[1]), 16) + "Mi"));
  }

  @Test
  void theFormulaMatchesTheTableOfDocsFootprint() {
    assertThat(limitMib(1_000, 10_000)).isEqualTo(192);
    assertThat(limitMib(10_000, 100_000)).isEqualTo(384);
    assertThat(limitMib(50_000, 50_000)).isEqualTo(672);
    assertThat(requestMib(1_000, 5_000)).isEqualTo(112);
  }

  private static ResourceRequirements memory() throws IOException {
    return DeployManifestsTest.only(Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getResources();
  }

  /** The manifest's comment says which cluster each figure is for: "request: 1,000 Foos, ...". */
  private static int[] shippedFor(String which) throws IOException {
    String yaml =
        java.nio.file.Files.readString(DeployManifestsTest.DIR.resolve("deployment.yaml"));
    Matcher m = Pattern.compile("# " + which + ": ([0-9,]+) Foos and ([0-9,]+) Pods").matcher(yaml);
    assertThat(m.find()).as("deployment.yaml names the cluster its " + which + " is for").isTrue();
    return new int[] {
      Integer.parseInt(m.group(1).replace(",", "")), Integer.parseInt(m.group(2).replace(",", ""))
    };
  }
}
