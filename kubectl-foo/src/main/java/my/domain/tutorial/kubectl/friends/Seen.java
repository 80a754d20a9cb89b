package my.domain.tutorial.kubectl.friends;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * What was seen of a friend's Pod: its state ({@link PodState}) and, for {@code -o wide}, its IP
 * and node (null when unset or unseen).
 */
public record Seen(String state, String ip, String node) {
  public static Seen of(Optional<Pod> pod) {
    return new Seen(
        PodState.of(pod),
        pod.map(Pod::getStatus).map(s -> s.getPodIP()).filter(s -> !s.isEmpty()).orElse(null),
        pod.map(Pod::getSpec).map(s -> s.getNodeName()).filter(s -> !s.isEmpty()).orElse(null));
  }

  public static Seen state(String state) {
    return new Seen(state, null, null);
  }
}
