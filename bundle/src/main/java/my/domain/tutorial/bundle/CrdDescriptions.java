package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.APIResourceReference;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.CRDDescription;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.CRDDescriptionBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.SpecDescriptor;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.SpecDescriptorBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StatusDescriptor;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StatusDescriptorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CSV's owned-CRD entry, with a spec or status descriptor for every field of the generated
 * schema (the schema is generated from the API classes, so descriptors follow the model). Display
 * names and UI hints default from the field's name and type; {@link Hint}s refine single paths.
 */
public final class CrdDescriptions {
  public static final String CONDITIONS = "urn:alm:descriptor:io.kubernetes.conditions";
  public static final String TEXT = "urn:alm:descriptor:text";
  public static final String SPEC_TEXT = "urn:alm:descriptor:com.tectonic.ui:text";
  public static final String SPEC_NUMBER = "urn:alm:descriptor:com.tectonic.ui:number";
  public static final String SPEC_BOOLEAN = "urn:alm:descriptor:com.tectonic.ui:booleanSwitch";
  public static final String K8S_RESOURCE = "urn:alm:descriptor:io.kubernetes:";

  /** A refinement for one descriptor path ({@code spec.name}, {@code status.happy}). */
  public record Hint(String displayName, List<String> xDescriptors) {}

  private CrdDescriptions() {}

  public static CRDDescription owned(
      CustomResourceDefinition crd,
      String description,
      Map<String, Hint> hints,
      List<APIResourceReference> resources) {
    CustomResourceDefinitionVersion version =
        crd.getSpec().getVersions().stream()
            .filter(CustomResourceDefinitionVersion::getStorage)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        crd.getMetadata().getName() + " has no storage version"));
    Map<String, JSONSchemaProps> root = version.getSchema().getOpenAPIV3Schema().getProperties();
    return new CRDDescriptionBuilder()
        .withName(crd.getMetadata().getName())
        .withVersion(version.getName())
        .withKind(crd.getSpec().getNames().getKind())
        .withDisplayName(crd.getSpec().getNames().getKind())
        .withDescription(description)
        .withResources(resources)
        .withSpecDescriptors(specDescriptors(root.get("spec"), hints))
        .withStatusDescriptors(statusDescriptors(root.get("status"), hints))
        .build();
  }

  static List<SpecDescriptor> specDescriptors(JSONSchemaProps spec, Map<String, Hint> hints) {
    List<SpecDescriptor> result = new ArrayList<>();
    fields(spec, "")
        .forEach(
            (path, props) -> {
              Hint hint =
                  hints.getOrDefault(
                      "spec." + path,
                      new Hint(displayName(path), List.of(specDescriptorFor(props))));
              result.add(
                  new SpecDescriptorBuilder()
                      .withPath(path)
                      .withDisplayName(hint.displayName())
                      .withDescription(props.getDescription())
                      .withXDescriptors(hint.xDescriptors())
                      .build());
            });
    return result;
  }

  static List<StatusDescriptor> statusDescriptors(JSONSchemaProps status, Map<String, Hint> hints) {
    List<StatusDescriptor> result = new ArrayList<>();
    fields(status, "")
        .forEach(
            (path, props) -> {
              String x = path.equals("conditions") ? CONDITIONS : TEXT;
              Hint hint =
                  hints.getOrDefault("status." + path, new Hint(displayName(path), List.of(x)));
              result.add(
                  new StatusDescriptorBuilder()
                      .withPath(path)
                      .withDisplayName(hint.displayName())
                      .withDescription(props.getDescription())
                      .withXDescriptors(hint.xDescriptors())
                      .build());
            });
    return result;
  }

  /** Leaf fields by dotted path; objects are walked, arrays are one field. Sorted by path. */
  static Map<String, JSONSchemaProps> fields(JSONSchemaProps object, String prefix) {
    Map<String, JSONSchemaProps> result = new TreeMap<>();
    if (object == null || object.getProperties() == null) {
      return result;
    }
    object
        .getProperties()
        .forEach(
            (name, props) -> {
              String path = prefix.isEmpty() ? name : prefix + "." + name;
              if ("object".equals(props.getType())
                  && props.getProperties() != null
                  && !props.getProperties().isEmpty()) {
                result.putAll(fields(props, path));
              } else {
                result.put(path, props);
              }
            });
    return result;
  }

  private static String specDescriptorFor(JSONSchemaProps props) {
    return switch (props.getType() == null ? "" : props.getType()) {
      case "integer", "number" -> SPEC_NUMBER;
      case "boolean" -> SPEC_BOOLEAN;
      default -> SPEC_TEXT;
    };
  }

  /** {@code observedGeneration -> Observed Generation}, {@code spec.name -> Name}. */
  static String displayName(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    String words = last.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
