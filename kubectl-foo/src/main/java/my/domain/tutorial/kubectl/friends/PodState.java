package my.domain.tutorial.kubectl.friends;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * What {@code friends} says of a friend's Pod: Missing, Terminating, or its phase (Pending,
 * Running, ...).
 */
public final class PodState {
  public static final String MISSING = "Missing";
  public static final String TERMINATING = "Terminating";
  public static final String FORBIDDEN = "Forbidden";

  private PodState() {}

  public static String of(Optional<Pod> pod) {
    if (pod.isEmpty()) {
      return MISSING;
    }
    Pod p = pod.get();
    if (p.getMetadata().getDeletionTimestamp() != null) {
      return TERMINATING;
    }
    return Optional.ofNullable(p.getStatus())
        .map(s -> s.getPhase())
        .filter(ph -> !ph.isEmpty())
        .orElse("Pending");
  }
}
