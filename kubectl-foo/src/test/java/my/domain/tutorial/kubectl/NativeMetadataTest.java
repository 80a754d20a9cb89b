package my.domain.tutorial.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooSpec;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.kubectl.why.Finding;
import my.domain.tutorial.kubectl.why.FindingCode;
import my.domain.tutorial.kubectl.why.WhyReport;
import org.junit.jupiter.api.Test;

/** The native image can only (de)serialize what its reflection metadata names: nothing may be missing. */
class NativeMetadataTest {
  static final String SHIPPED = "/META-INF/native-image/my.domain.tutorial/kubectl-foo/reflect-config.json";

  @Test
  void everyClassThePluginSerializesIsInTheShippedReflectionMetadata() throws IOException {
    Set<String> shipped = classesIn(SHIPPED);

    Set<String> missing = new HashSet<>(NativeMetadata.required());
    missing.removeAll(shipped);

    assertThat(missing).as("classes missing from " + SHIPPED + "; run: make native-metadata").isEmpty();
  }

  @Test
  void theFooTypesAndTheWhyReportAreAmongThem() throws IOException {
    assertThat(classesIn(SHIPPED)).contains(Foo.class.getName(), FooSpec.class.getName(), FooStatus.class.getName(),
        FooCondition.class.getName(), WhyReport.class.getName(), Finding.class.getName(), FindingCode.class.getName());
  }

  @Test
  void picocliCodegenDescribedTheCommands() throws IOException {
    assertThat(classesIn("/META-INF/native-image/picocli-generated/my.domain.tutorial/kubectl-foo/reflect-config.json"))
        .contains("my.domain.tutorial.kubectl.commands.WhyCommand", "my.domain.tutorial.kubectl.cli.ClusterOptions");
  }

  @Test
  void theResourcesThePluginReadsAreIncluded() throws IOException {
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/native-image/my.domain.tutorial/kubectl-foo/resource-config.json")) {
      assertThat(in).isNotNull();
      String text = new String(in.readAllBytes());
      assertThat(text).contains("version.properties").contains("completion");
    }
  }

  private static Set<String> classesIn(String resource) throws IOException {
    try (InputStream in = NativeMetadataTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Set<String> names = new HashSet<>();
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        names.add(entry.get("name").asText());
      }
      return names;
    }
  }
}
