package my.domain.tutorial.api.friendship;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Objects;

/** The only facts about a Pod the verdict depends on. */
public record FriendPod(String namespace, String name, boolean terminating) {
  public FriendPod {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static FriendPod of(Pod pod) {
    var meta = pod.getMetadata();
    return new FriendPod(meta.getNamespace(), meta.getName(), meta.getDeletionTimestamp() != null);
  }
}
