package my.domain.tutorial.kubectl.friends;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import my.domain.tutorial.kubectl.friends.FriendsTable.Friend;
import my.domain.tutorial.kubectl.kube.ApiErrors;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.paging.Pages;

/**
 * Reads what there is to see of the friends' Pods, namespace by namespace as {@link ReadPlan} says:
 * a GET per friend, or a paged list of the namespace's Pods, keeping of each page only what the
 * friends among it show ({@link Seen}), so memory follows the friends, not the Pods. A list the
 * user may not make falls back to GETs, which RBAC may allow one by one; a GET refused is the
 * friend's {@link PodState#FORBIDDEN} state.
 */
public final class FriendPods {
  /** What was seen of each friend's Pod, and the namespaces where a Pod could not be read. */
  public record Reading(Map<Friend, Seen> seen, Set<String> refused) {}

  private final Cluster cluster;

  public FriendPods(Cluster cluster) {
    this.cluster = cluster;
  }

  /** Reads every named friend of {@code friends}; friends without a name are skipped. */
  public Reading read(Collection<Friend> friends) {
    Map<String, Set<String>> byNamespace = new TreeMap<>();
    friends.stream()
        .filter(Friend::named)
        .forEach(
            f -> byNamespace.computeIfAbsent(f.namespace(), ns -> new TreeSet<>()).add(f.name()));
    Map<Friend, Seen> seen = new HashMap<>();
    Set<String> refused = new LinkedHashSet<>();
    byNamespace.forEach(
        (namespace, names) -> {
          Map<String, Seen> found = new HashMap<>();
          boolean listedAll = ReadPlan.listFirst(names.size()) && list(namespace, names, found);
          for (String name : names) {
            Seen s = found.get(name);
            if (s == null) {
              s = listedAll ? Seen.of(Optional.empty()) : get(namespace, name);
            }
            if (PodState.FORBIDDEN.equals(s.state())) {
              refused.add(namespace);
            }
            seen.put(new Friend(namespace, name), s);
          }
        });
    return new Reading(seen, refused);
  }

  /**
   * Lists the namespace's Pods into {@code found} while {@link ReadPlan#keepListing} says so.
   *
   * @return true when every page was read, so a friend not found has no Pod; false when the rest is
   *     left to GETs (the list stopped, or the user may not list Pods there)
   */
  private boolean list(String namespace, Set<String> names, Map<String, Seen> found) {
    try {
      return Pages.each(
          o -> cluster.client().pods().inNamespace(namespace).list(o),
          null,
          null,
          page -> {
            for (Pod pod : page.items()) {
              if (names.contains(pod.getMetadata().getName())) {
                found.put(pod.getMetadata().getName(), Seen.of(Optional.of(pod)));
              }
            }
            return ReadPlan.keepListing(names.size() - found.size(), page.remaining());
          });
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return false;
      }
      throw ApiErrors.translate(e, "list pods in namespace " + namespace, cluster.server());
    }
  }

  private Seen get(String namespace, String name) {
    try {
      return Seen.of(
          Optional.ofNullable(cluster.client().pods().inNamespace(namespace).withName(name).get()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Seen.state(PodState.FORBIDDEN);
      }
      throw ApiErrors.translate(
          e, "get pod " + name + " in namespace " + namespace, cluster.server());
    }
  }
}
