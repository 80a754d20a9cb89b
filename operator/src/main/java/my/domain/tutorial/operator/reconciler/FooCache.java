package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;

/** What the Foo informer keeps of each Foo. */
public final class FooCache {
  private FooCache() {}

  /**
   * Drops {@code metadata.managedFields}: the operator never reads them, and they are often the
   * largest part of a small object. A status write sends an empty list, which the API server reads
   * as "unchanged", so nothing is lost on the server.
   *
   * <p>Everything else is kept, but stored compactly, since a large cluster caches tens of
   * thousands of Foos: empty maps and lists become the shared immutable empties (a fabric8 object
   * carries several of each), and the strings repeated across Foos (the namespace, a condition's
   * type, status and reason) are interned. So are the Foo's name and its friend's: the SDK keeps
   * the ids of the Foos it saw in several maps of its own, the reconciler's friend index and Event
   * counts keep them too, and each would otherwise hold its own copy of the name (a Foo's events
   * and its reconciles each bring new strings). The SDK hands the reconciler a copy of a cached
   * Foo, so nothing writes to the cached one.
   */
  public static final UnaryOperator<Foo> SLIM =
      foo -> {
        ObjectMeta meta = foo.getMetadata();
        meta.setManagedFields(List.of());
        meta.setNamespace(intern(meta.getNamespace()));
        meta.setName(intern(meta.getName()));
        if (foo.getSpec() != null) {
          foo.getSpec().setName(intern(foo.getSpec().getName()));
        }
        meta.setLabels(compact(meta.getLabels()));
        meta.setAnnotations(compact(meta.getAnnotations()));
        meta.setFinalizers(compact(meta.getFinalizers()));
        meta.setOwnerReferences(compact(meta.getOwnerReferences()));
        meta.setAdditionalProperties(compact(meta.getAdditionalProperties()));
        if (foo.getStatus() != null) {
          for (FooCondition c : foo.getStatus().getConditions()) {
            c.setType(intern(c.getType()));
            c.setStatus(intern(c.getStatus()));
            c.setReason(intern(c.getReason()));
          }
        }
        return foo;
      };

  /** The Foo informer's store: each Foo as {@link #keep} keeps it. */
  public static ItemStore<Foo> store() {
    return new SlimItemStore<>(FooCache::keep, FooCache::restore);
  }

  /**
   * What the cache keeps of {@code foo}, which it first trims in place ({@link #SLIM}: the informer
   * hands the same Foo to the event handlers): a {@link CachedFoo} when that stands for it exactly
   * (a Foo as the API server and the operator write it), else the trimmed Foo itself.
   */
  static Object keep(Foo foo) {
    Foo slim = SLIM.apply(foo);
    CachedFoo compact = CachedFoo.of(slim);
    return compact == null ? slim : compact;
  }

  /** The Foo a reader gets for what {@link #keep} kept: a new one from a {@link CachedFoo}. */
  static Foo restore(Object kept) {
    return kept instanceof CachedFoo compact ? compact.toFoo() : (Foo) kept;
  }

  /**
   * The id of {@code foo} with its name and namespace interned, the strings the cached Foo holds:
   * for what is kept per Foo beside the cache.
   */
  public static ResourceID idOf(Foo foo) {
    return new ResourceID(
        intern(foo.getMetadata().getName()), intern(foo.getMetadata().getNamespace()));
  }

  /** {@code s} interned; null stays null. */
  static String intern(String s) {
    return s == null ? null : s.intern();
  }

  private static <K, V> Map<K, V> compact(Map<K, V> map) {
    return map == null || map.isEmpty() ? Map.of() : map;
  }

  private static <T> List<T> compact(List<T> list) {
    return list == null || list.isEmpty() ? List.of() : list;
  }
}
