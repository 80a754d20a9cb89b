package my.domain.tutorial.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Build step run right after fabric8's crd-generator (process-classes): it fixes the two things
 * the generator cannot express. The generator sorts printer columns by JSON path, but kubectl shows
 * them in CRD order and our contract is FRIEND HAPPY REASON AGE, the order declared on {@link Foo}.
 * And it cannot mark {@code status.conditions} as a list-map keyed by type, which server-side apply
 * and {@code kubectl wait} tooling expect of standard conditions.
 */
public final class CrdFinisher {
  private CrdFinisher() {
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    finish(crd);
    Files.writeString(file, "# Generated from my.domain.tutorial.api.v1.Foo at build time: do not edit.\n"
        + Serialization.asYaml(crd));
  }

  static void finish(CustomResourceDefinition crd) {
    List<String> declared = Arrays.stream(Foo.class.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name)
        .toList();
    crd.getSpec().getVersions().forEach(version -> {
      version.getAdditionalPrinterColumns().sort(
          Comparator.comparingInt((CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
      JSONSchemaProps conditions = version.getSchema().getOpenAPIV3Schema()
          .getProperties().get("status").getProperties().get("conditions");
      conditions.setXKubernetesListType("map");
      conditions.setXKubernetesListMapKeys(List.of("type"));
    });
  }
}
