package my.domain.tutorial.operator.deploy;

import static my.domain.tutorial.operator.runtime.MemorySizing.Build.JAR;
import static my.domain.tutorial.operator.runtime.MemorySizing.Build.NATIVE;
import static my.domain.tutorial.operator.runtime.MemorySizing.limitMib;
import static my.domain.tutorial.operator.runtime.MemorySizing.liveHeapMib;
import static my.domain.tutorial.operator.runtime.MemorySizing.requestMib;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Deployment's memory request and limit are the sizing formula of docs/footprint.md at the
 * cluster sizes it is shipped for; a change to either the figures or the manifest shows here.
 */
class DeploymentSizingTest {

  @Test
  void requestIsTheFormulaAtTheClusterSizeTheManifestNames() throws IOException {
    int[] size = shippedFor("request");

    assertThat(memory().getRequests().get("memory"))
        .isEqualTo(new Quantity(requestMib(NATIVE, size[0], size[1]) + "Mi"));
  }

  @Test
  void limitIsTheFormulaAtTheClusterSizeTheManifestNames() throws IOException {
    int[] size = shippedFor("limit");

    assertThat(memory().getLimits().get("memory"))
        .isEqualTo(new Quantity(limitMib(NATIVE, size[0], size[1]) + "Mi"));
  }

  @Test
  void theJarImagesRequestIsTheJvmFormulaAtTheSameSize() throws IOException {
    int[] size = shippedFor("request");
    String yaml = Files.readString(DeployManifestsTest.DIR.resolve("deployment.yaml"));
    Matcher m = Pattern.compile("# jar image request: (\\S+)").matcher(yaml);
    assertThat(m.find()).as("deployment.yaml names the jar image's request").isTrue();

    assertThat(new Quantity(m.group(1)))
        .isEqualTo(new Quantity(requestMib(JAR, size[0], size[1]) + "Mi"));
  }

  /**
   * Every row of docs/footprint.md's sizing table ("| 1,000 Foos, 5,000 Pods | 22 MiB | **112 MiB**
   * (shipped) | ...") is the formula at that size.
   */
  @Test
  void theTableOfDocsFootprint_isTheFormula() throws IOException {
    Path doc = Path.of(System.getProperty("foo.repo.root"), "docs", "footprint.md");
    Matcher row =
        Pattern.compile(
                "(?m)^\\| ([0-9,]+) Foos, ([0-9,]+) Pods \\| ([0-9,]+) MiB \\|"
                    + " \\**([0-9,]+) MiB\\**[^|]*\\| \\**([0-9,]+) MiB\\**[^|]*\\|"
                    + " ([0-9,]+) MiB \\| ([0-9,]+) MiB \\|$")
            .matcher(Files.readString(doc));
    int rows = 0;
    while (row.find()) {
      int foos = number(row.group(1));
      int pods = number(row.group(2));
      String size = row.group(1) + " Foos, " + row.group(2) + " Pods";
      assertThat(number(row.group(3)))
          .as(size + ": live heap")
          .isEqualTo((int) Math.ceil(liveHeapMib(foos, pods)));
      assertThat(number(row.group(4)))
          .as(size + ": request")
          .isEqualTo(requestMib(NATIVE, foos, pods));
      assertThat(number(row.group(5))).as(size + ": limit").isEqualTo(limitMib(NATIVE, foos, pods));
      assertThat(number(row.group(6)))
          .as(size + ": jar request")
          .isEqualTo(requestMib(JAR, foos, pods));
      assertThat(number(row.group(7)))
          .as(size + ": jar limit")
          .isEqualTo(limitMib(JAR, foos, pods));
      rows++;
    }
    assertThat(rows).as("rows of the sizing table in docs/footprint.md").isGreaterThanOrEqualTo(6);
  }

  private static int number(String digits) {
    return Integer.parseInt(digits.replace(",", ""));
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
    String yaml = Files.readString(DeployManifestsTest.DIR.resolve("deployment.yaml"));
    Matcher m = Pattern.compile("# " + which + ": ([0-9,]+) Foos and ([0-9,]+) Pods").matcher(yaml);
    assertThat(m.find()).as("deployment.yaml names the cluster its " + which + " is for").isTrue();
    return new int[] {
      Integer.parseInt(m.group(1).replace(",", "")), Integer.parseInt(m.group(2).replace(",", ""))
    };
  }
}
