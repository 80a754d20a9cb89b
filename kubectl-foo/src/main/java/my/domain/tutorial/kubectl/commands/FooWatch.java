package my.domain.tutorial.kubectl.commands;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.kube.ApiErrors;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.paging.Pages;

/**
 * {@code get -w}: lists the Foos, then hands every change (added, modified, deleted) to a sink as
 * it comes. When the API server ends the watch because its resource version expired (410 Gone), it
 * lists again, hands over the Foos that changed meanwhile, and watches on from there. Runs until
 * the process is stopped (Ctrl-C).
 */
final class FooWatch {
  private static final Object CLOSED = new Object();

  private final Cluster cluster;
  private final boolean allNamespaces;
  private final String labelSelector;
  private final String fieldSelector;

  FooWatch(Cluster cluster, boolean allNamespaces, String labelSelector, String fieldSelector) {
    this.cluster = cluster;
    this.allNamespaces = allNamespaces;
    this.labelSelector = labelSelector;
    this.fieldSelector = fieldSelector;
  }

  /** {@code initial} gets the first listing (sorted), {@code changes} every Foo that changed. */
  void run(Consumer<List<Foo>> initial, Consumer<Foo> changes) {
    FooReads reads = new FooReads(cluster);
    Map<String, String> seen = new HashMap<>();
    boolean first = true;
    while (true) {
      Pages.Listing<Foo> list =
          reads.call(
              "list foos in " + where(),
              () -> Pages.listing(o -> foos().list(o), labelSelector, fieldSelector));
      List<Foo> items =
          list.items().stream()
              .sorted(
                  Comparator.comparing((Foo f) -> f.getMetadata().getNamespace())
                      .thenComparing(f -> f.getMetadata().getName()))
              .toList();
      if (first) {
        initial.accept(items);
      } else {
        for (Foo f : items) {
          if (!f.getMetadata().getResourceVersion().equals(seen.get(f.getMetadata().getUid()))) {
            changes.accept(f);
          }
        }
      }
      first = false;
      seen.clear();
      items.forEach(f -> seen.put(f.getMetadata().getUid(), f.getMetadata().getResourceVersion()));
      if (!watch(list.resourceVersion(), seen, changes)) {
        return;
      }
    }
  }

  /** True when the watch expired and must be resumed from a fresh listing. */
  private boolean watch(String resourceVersion, Map<String, String> seen, Consumer<Foo> changes) {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    Watcher<Foo> watcher =
        new Watcher<>() {
          @Override
          public void eventReceived(Action action, Foo foo) {
            if (action != Action.ERROR && action != Action.BOOKMARK) {
              events.add(foo);
            }
          }

          @Override
          public void onClose(WatcherException cause) {
            events.add(cause);
          }

          @Override
          public void onClose() {
            events.add(CLOSED);
          }
        };
    try (Watch w =
        reads()
            .call(
                "watch foos in " + where(),
                () -> foos().watch(options(resourceVersion), watcher))) {
      while (true) {
        Object event = events.take();
        if (event instanceof Foo foo) {
          seen.put(foo.getMetadata().getUid(), foo.getMetadata().getResourceVersion());
          changes.accept(foo);
        } else if (event instanceof WatcherException e) {
          if (e.isHttpGone()) {
            return true;
          }
          throw ApiErrors.translate(
              e.asClientException(), "watch foos in " + where(), cluster.server());
        } else {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private FooReads reads() {
    return new FooReads(cluster);
  }

  private ListOptions options(String resourceVersion) {
    return new ListOptionsBuilder()
        .withLabelSelector(labelSelector)
        .withFieldSelector(fieldSelector)
        .withResourceVersion(resourceVersion)
        .build();
  }

  private FilterWatchListDeletable<Foo, KubernetesResourceList<Foo>, Resource<Foo>> foos() {
    var foos = cluster.client().resources(Foo.class);
    return allNamespaces ? foos.inAnyNamespace() : foos.inNamespace(cluster.namespace());
  }

  private String where() {
    return allNamespaces ? "all namespaces" : "namespace " + cluster.namespace();
  }
}
