package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A kind of object {@code why} reads: the name findings use, the resource a refusal names, and
 * where the client reaches it. The kinds read are named once, in {@link Facts}, beside the reads;
 * both views of the cluster reach them through this.
 *
 * @param name the kind as users know it ({@code Deployment})
 * @param resource the resource as RBAC names it ({@code deployments.apps})
 * @param objects the client's operation on it (the typed one, which the native image's reflection
 *     metadata already covers)
 * @param kept what of each listed object {@code why} keeps: a list can be a cluster's worth of
 *     objects, trimmed page by page as it arrives so that only what the rules read stays in memory
 */
public record Kind<T extends HasMetadata>(
    String name,
    String resource,
    Function<
            KubernetesClient,
            MixedOperation<T, ? extends KubernetesResourceList<T>, ? extends Resource<T>>>
        objects,
    UnaryOperator<T> kept) {
  /** A kind whose listed objects are kept whole. */
  public Kind(
      String name,
      String resource,
      Function<
              KubernetesClient,
              MixedOperation<T, ? extends KubernetesResourceList<T>, ? extends Resource<T>>>
          objects) {
    this(name, resource, objects, UnaryOperator.identity());
  }

  @Override
  public String toString() {
    return resource;
  }
}
