package my.domain.tutorial.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.operator.status.StatusCalculator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status one attempt of a status write puts on a Foo, computed from that attempt's Foo.
 *
 * <p>{@link PrimaryUpdateAndCacheUtils} applies it to the Foo the reconcile started from and, after
 * a 409, to the newer Foo it waited for in the cache. Computing the status again from that Foo (its
 * spec, its generation, its stored status, the friend it names now) is what makes the retry write
 * the status of the Foo it is sent for: re-sending the first attempt's status would stamp a newer
 * generation's Foo with the verdict and observedGeneration of the older one.
 */
final class StatusUpdate implements UnaryOperator<Foo> {
  private static final Logger log = LoggerFactory.getLogger(StatusUpdate.class);

  private final Function<Foo, Optional<FriendPod>> friendOf;
  private final Clock clock;
  private int attempts;
  private FooStatus before;
  private FooStatus after;
  private Verdict verdict;

  /**
   * @param friendOf the friend Pod a Foo names, from the Pod cache
   */
  StatusUpdate(Function<Foo, Optional<FriendPod>> friendOf, Clock clock) {
    this.friendOf = friendOf;
    this.clock = clock;
  }

  @Override
  public Foo apply(Foo foo) {
    attempts++;
    if (attempts > 1) {
      log.debug(
          "{}/{}: status write conflicted; computing it again from resourceVersion {}",
          foo.getMetadata().getNamespace(),
          foo.getMetadata().getName(),
          foo.getMetadata().getResourceVersion());
    }
    before = foo.getStatus();
    verdict = Friendship.verdict(foo, friendOf.apply(foo));
    after =
        StatusCalculator.next(before, verdict, foo.getMetadata().getGeneration(), clock.instant());
    foo.setStatus(after);
    return foo;
  }

  /** The status the last attempt found stored. */
  FooStatus before() {
    return before;
  }

  /** The status the last attempt wrote. */
  FooStatus after() {
    return after;
  }

  /** The verdict of the last attempt. */
  Verdict verdict() {
    return verdict;
  }
}
