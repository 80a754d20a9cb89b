package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.NamedInstallStrategy;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.NamedInstallStrategyBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StrategyDeploymentSpec;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StrategyDeploymentSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.operator.runtime.OperatorSettings;

/**
 * The CSV's {@code deployment} install strategy, from the operator's own Deployment manifest. The
 * Deployment is taken as it is (security context, probes, resources, env), except:
 *
 * <ul>
 *   <li>no namespace: OLM installs into the namespace the user picks;
 *   <li>{@code FOO_WATCH_NAMESPACES} comes from the {@code olm.targetNamespaces} annotation that
 *       OLM puts on the operator's Pods (comma-separated; empty for AllNamespaces, which the
 *       operator reads as "watch all namespaces"), so each install mode watches what the
 *       OperatorGroup targets;
 *   <li>the image may be replaced (a release build points at the released tag or digest).
 * </ul>
 */
public final class InstallStrategy {
  public static final String TARGET_NAMESPACES_FIELD =
      "metadata.annotations['olm.targetNamespaces']";

  private InstallStrategy() {}

  public static NamedInstallStrategy from(
      Deployment deployment, CsvPermissions permissions, Optional<String> image) {
    return new NamedInstallStrategyBuilder()
        .withStrategy("deployment")
        .withNewSpec()
        .withDeployments(deploymentSpec(deployment, image))
        .withPermissions(permissions.permissions())
        .withClusterPermissions(permissions.clusterPermissions())
        .endSpec()
        .build();
  }

  public static StrategyDeploymentSpec deploymentSpec(
      Deployment deployment, Optional<String> image) {
    Deployment copy = new DeploymentBuilder(deployment).build();
    List<Container> containers = new ArrayList<>();
    for (Container c : copy.getSpec().getTemplate().getSpec().getContainers()) {
      ContainerBuilder b = new ContainerBuilder(c).withEnv(olmEnv(c.getEnv()));
      image.ifPresent(b::withImage);
      containers.add(b.build());
    }
    copy.getSpec().getTemplate().getSpec().setContainers(containers);
    return new StrategyDeploymentSpecBuilder()
        .withName(deployment.getMetadata().getName())
        .withLabel(deployment.getMetadata().getLabels())
        .withSpec(copy.getSpec())
        .build();
  }

  /** The container's env with the watched namespaces wired to OLM's target namespaces. */
  static List<EnvVar> olmEnv(List<EnvVar> env) {
    EnvVar watched =
        new EnvVarBuilder()
            .withName(OperatorSettings.WATCH_NAMESPACES)
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath(TARGET_NAMESPACES_FIELD)
            .endFieldRef()
            .endValueFrom()
            .build();
    List<EnvVar> result = new ArrayList<>();
    boolean replaced = false;
    for (EnvVar e : env == null ? List.<EnvVar>of() : env) {
      if (OperatorSettings.WATCH_NAMESPACES.equals(e.getName())) {
        result.add(watched);
        replaced = true;
      } else {
        result.add(e);
      }
    }
    if (!replaced) {
      result.add(0, watched);
    }
    return result;
  }

  /**
   * The operator's image: the only container's image in the Deployment manifest, unless replaced.
   */
  public static String image(Deployment deployment, Optional<String> image) {
    return image.orElseGet(
        () -> {
          List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
          if (containers.size() != 1) {
            throw new IllegalStateException(
                "expected one container in the operator Deployment, found " + containers.size());
          }
          return containers.get(0).getImage();
        });
  }
}
