package my.domain.tutorial.kubectl.friends;

import java.util.OptionalLong;
import my.domain.tutorial.kubectl.paging.Pages;

/**
 * How {@code friends} reads the Pods of a namespace's friends: a GET per friend, or a paged list of
 * the namespace's Pods, whichever costs fewer requests' worth of work. A namespace with 50,000
 * friends must not take 50,000 GETs, nor a namespace with one friend among 100,000 Pods a list of
 * them all.
 */
public final class ReadPlan {
  /**
   * What a page of {@link Pages#LIMIT} Pods costs, counted in GETs of one Pod. On loopback the
   * large-cluster bench measured about 70 (JVM plugin) and 145 (native); over a network each GET
   * also pays a round trip, which a page pays once, so this errs towards listing. Listing too much
   * costs at most what {@code kubectl get pods} costs on the same namespace.
   */
  public static final int GETS_PER_PAGE = 50;

  private ReadPlan() {}

  /** Whether to start by listing, for {@code friends} friends in a namespace. */
  public static boolean listFirst(int friends) {
    return friends > GETS_PER_PAGE;
  }

  /**
   * After a page: whether to read the rest of the list, or GET the {@code friendsLeft} friends not
   * seen yet, given how many Pods the API server says are left ({@code podsLeft}; empty when it
   * does not say, taken as one more page, and asked again after it).
   */
  public static boolean keepListing(int friendsLeft, OptionalLong podsLeft) {
    if (friendsLeft == 0) {
      return false;
    }
    long pagesLeft = (podsLeft.orElse(Pages.LIMIT) + Pages.LIMIT - 1) / Pages.LIMIT;
    return friendsLeft > GETS_PER_PAGE * pagesLeft;
  }
}
