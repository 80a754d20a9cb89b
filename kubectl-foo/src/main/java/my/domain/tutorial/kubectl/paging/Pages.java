package my.domain.tutorial.kubectl.paging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Lists the way kubectl does: pages of {@link #LIMIT} objects, each request carrying the previous
 * answer's continue token, so a namespace with 50,000 Pods does not arrive in one response. The
 * pages of one list come from one snapshot (the API server's continue token pins it).
 */
public final class Pages {
  /** kubectl's page size ({@code --chunk-size}'s default). */
  public static final long LIMIT = 500;

  private Pages() {}

  /** Every item of a list without selectors, page by page. */
  public static <T extends HasMetadata> List<T> all(
      Function<ListOptions, ? extends KubernetesResourceList<T>> list) {
    return all(list, null, null);
  }

  /**
   * Every item matching the label and field selectors (either may be null), page by page: {@code
   * list} sends one request with the options it is given.
   */
  public static <T extends HasMetadata> List<T> all(
      Function<ListOptions, ? extends KubernetesResourceList<T>> list,
      String labelSelector,
      String fieldSelector) {
    return listing(list, labelSelector, fieldSelector).items();
  }

  /**
   * Every item matching the selectors (either may be null), each as {@code kept} makes it the
   * moment its page arrives: a cluster's worth of objects is never held whole, only a page of them.
   */
  public static <T extends HasMetadata> List<T> all(
      Function<ListOptions, ? extends KubernetesResourceList<T>> list,
      String labelSelector,
      String fieldSelector,
      UnaryOperator<T> kept) {
    return listing(list, labelSelector, fieldSelector, kept).items();
  }

  /**
   * What {@link #all(Function, String, String)} reads, with the resourceVersion of the snapshot the
   * pages came from (the first page's), from which a watch continues.
   */
  public static <T extends HasMetadata> Listing<T> listing(
      Function<ListOptions, ? extends KubernetesResourceList<T>> list,
      String labelSelector,
      String fieldSelector) {
    return listing(list, labelSelector, fieldSelector, UnaryOperator.identity());
  }

  private static <T extends HasMetadata> Listing<T> listing(
      Function<ListOptions, ? extends KubernetesResourceList<T>> list,
      String labelSelector,
      String fieldSelector,
      UnaryOperator<T> kept) {
    List<T> items = new ArrayList<>();
    String[] resourceVersion = new String[1];
    each(
        list,
        labelSelector,
        fieldSelector,
        page -> {
          page.items().forEach(item -> items.add(kept.apply(item)));
          if (resourceVersion[0] == null) {
            resourceVersion[0] = page.resourceVersion();
          }
          return true;
        });
    return new Listing<>(List.copyOf(items), resourceVersion[0]);
  }

  /**
   * Hands each page of the list to {@code reader}, in order, until the last page or until {@code
   * reader} answers false (more pages would not be worth their cost to it).
   *
   * @return true when every page was read
   */
  public static <T extends HasMetadata> boolean each(
      Function<ListOptions, ? extends KubernetesResourceList<T>> list,
      String labelSelector,
      String fieldSelector,
      Predicate<Page<T>> reader) {
    String token = null;
    do {
      KubernetesResourceList<T> response =
          list.apply(
              new ListOptionsBuilder()
                  .withLabelSelector(labelSelector)
                  .withFieldSelector(fieldSelector)
                  .withLimit(LIMIT)
                  .withContinue(token)
                  .build());
      ListMeta meta = response.getMetadata();
      token = continueOf(meta);
      Page<T> page =
          new Page<>(
              response.getItems(),
              meta == null ? null : meta.getResourceVersion(),
              token == null,
              token == null
                  ? OptionalLong.of(0)
                  : meta.getRemainingItemCount() == null
                      ? OptionalLong.empty()
                      : OptionalLong.of(meta.getRemainingItemCount()));
      if (!reader.test(page) && !page.last()) {
        return false;
      }
    } while (token != null);
    return true;
  }

  /**
   * One page of a list: its objects, the resourceVersion of the list's snapshot, whether it is the
   * last, and how many objects remain after it (0 on the last page; empty where the API server does
   * not say, as for lists with selectors).
   */
  public record Page<T>(
      List<T> items, String resourceVersion, boolean last, OptionalLong remaining) {}

  /** The items of a paged list and the resourceVersion of its snapshot. */
  public record Listing<T>(List<T> items, String resourceVersion) {}

  private static String continueOf(ListMeta meta) {
    return meta == null || meta.getContinue() == null || meta.getContinue().isEmpty()
        ? null
        : meta.getContinue();
  }
}
