package my.domain.tutorial.controlplane.olm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet would give it: literal values, and the downward API's
 * field references resolved against the Pod object itself. Anything else (Secrets, ConfigMaps,
 * resource fields) is refused, so a manifest that starts needing it fails the tests loudly instead
 * of running with a variable missing.
 */
public final class PodEnvironment {
  private static final Pattern MAP_FIELD =
      Pattern.compile("metadata\\.(annotations|labels)\\['([^']+)'\\]");

  private PodEnvironment() {}

  public static Map<String, String> of(Pod pod, String containerName) {
    Container container =
        pod.getSpec().getContainers().stream()
            .filter(c -> c.getName().equals(containerName))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Pod "
                            + pod.getMetadata().getName()
                            + " has no container "
                            + containerName));
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), value(pod, var));
    }
    return env;
  }

  private static String value(Pod pod, EnvVar var) {
    if (var.getValueFrom() == null) {
      return var.getValue() == null ? "" : var.getValue();
    }
    if (var.getValueFrom().getFieldRef() == null) {
      throw new IllegalArgumentException(
          "env "
              + var.getName()
              + " comes from "
              + var.getValueFrom()
              + ": only literal values and fieldRef are resolved here");
    }
    return field(pod, var.getValueFrom().getFieldRef().getFieldPath());
  }

  /** The fields the downward API offers as environment variables. */
  static String field(Pod pod, String path) {
    Matcher m = MAP_FIELD.matcher(path);
    if (m.matches()) {
      Map<String, String> map =
          m.group(1).equals("annotations")
              ? pod.getMetadata().getAnnotations()
              : pod.getMetadata().getLabels();
      return map == null ? "" : map.getOrDefault(m.group(2), "");
    }
    return switch (path) {
      case "metadata.name" -> pod.getMetadata().getName();
      case "metadata.namespace" -> pod.getMetadata().getNamespace();
      case "metadata.uid" -> pod.getMetadata().getUid();
      case "spec.nodeName" -> pod.getSpec().getNodeName();
      case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
      case "status.podIP" -> pod.getStatus() == null ? "" : pod.getStatus().getPodIP();
      case "status.hostIP" -> pod.getStatus() == null ? "" : pod.getStatus().getHostIP();
      default -> throw new IllegalArgumentException("unsupported fieldRef " + path);
    };
  }
}
