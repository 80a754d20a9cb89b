package my.domain.tutorial.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The CRD inside the packaged api jar, the file every consumer reads, is the finished one: the
 * build step that finishes it is part of the main build, not of the tests.
 */
class PackagedCrdIT {

  @Test
  void theJarShipsTheFinishedCrd_printerColumnsInDeclaredOrderAndConditionsAsAListMap()
      throws IOException {
    String yaml = crdInJar();
    CustomResourceDefinition crd = Serialization.unmarshal(yaml, CustomResourceDefinition.class);
    CustomResourceDefinitionVersion v1 = crd.getSpec().getVersions().get(0);

    assertThat(yaml)
        .startsWith("# Generated from my.domain.tutorial.api.v1.Foo at build time: do not edit.");
    assertThat(v1.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Friend", "Happy", "Reason", "Age");
    JSONSchemaProps conditions =
        v1.getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("status")
            .getProperties()
            .get("conditions");
    assertThat(conditions.getXKubernetesListType()).isEqualTo("map");
    assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
  }

  @Test
  void theBuildStepItselfDoesNotShip() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("foo.api.jar"))) {
      assertThat(jar.getEntry("my/domain/tutorial/api/v1/CrdFinisher.class")).isNull();
      assertThat(jar.getEntry("my/domain/tutorial/api/v1/Foo.class")).isNotNull();
    }
  }

  private static String crdInJar() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("foo.api.jar"))) {
      ZipEntry entry = jar.getEntry(FooCrd.RESOURCE);
      assertThat(entry).as(FooCrd.RESOURCE + " in " + jar.getName()).isNotNull();
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
