package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.function.Function;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCrd;

/**
 * A kind of object {@code why} reads: the name findings use, the resource a refusal names, and
 * where the client reaches it. Each kind is written here once; both views of the cluster read it
 * through this.
 *
 * @param name the kind as users know it ({@code Deployment})
 * @param resource the resource as RBAC names it ({@code deployments.apps})
 * @param objects the client's operation on it (the typed one, which the native image's reflection
 *     metadata already covers)
 */
public record Kind<T extends HasMetadata>(
    String name,
    String resource,
    Function<
            KubernetesClient,
            MixedOperation<T, ? extends KubernetesResourceList<T>, ? extends Resource<T>>>
        objects) {
  public static final Kind<Foo> FOO = new Kind<>("Foo", FooCrd.NAME, c -> c.resources(Foo.class));
  public static final Kind<Pod> POD = new Kind<>("Pod", "pods", KubernetesClient::pods);

  /** The workloads that make Pods named after themselves plus a suffix, in the order reported. */
  public static final List<Kind<?>> WORKLOADS =
      List.of(
          new Kind<>("Deployment", "deployments.apps", c -> c.apps().deployments()),
          new Kind<>("ReplicaSet", "replicasets.apps", c -> c.apps().replicaSets()),
          new Kind<>("StatefulSet", "statefulsets.apps", c -> c.apps().statefulSets()),
          new Kind<>("DaemonSet", "daemonsets.apps", c -> c.apps().daemonSets()),
          new Kind<>("Job", "jobs.batch", c -> c.batch().v1().jobs()));

  @Override
  public String toString() {
    return resource;
  }
}
