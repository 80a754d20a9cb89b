package my.domain.tutorial.operator.election;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import my.domain.tutorial.operator.runtime.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns for the Lease with fabric8's LeaderElector, one elector per campaign, for as long as
 * the operator runs: a replica that loses the Lease (an API outage longer than the renew deadline)
 * steps down to standby and campaigns again instead of exiting. Three things JOSDK's own (5.2.3,
 * and unchanged in 5.3.2) election does not do are why this is ours: it releases the Lease on a
 * clean stop, it campaigns again after a loss, and its calls go through a client of their own with
 * short timeouts, so a hung API server cannot stretch one renewal past the deadline.
 *
 * <p>The elector's callbacks only propose; the {@link LeaseFence} and the read-back decide. This
 * replica leads (its {@link Listener} starts reconciling) once a renewal naming it was confirmed
 * and a fresh read of the Lease names it. All state changes run on one thread, in order.
 *
 * <p>A replica that wins the Lease but cannot start reconciling (say its RBAC lacks a verb an
 * informer needs) gives the Lease up at once and sits out one lease duration before it campaigns
 * again, so a healthy replica leads instead of a broken one renewing the Lease for ever.
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);
  private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofSeconds(1);

  /** What leading means to the operator: reconciling, or not. */
  public interface Listener {
    void startLeading();

    void stopLeading();
  }

  /** Lease coordinates and timings. */
  public record LeaseSettings(
      String namespace,
      String name,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {}

  private final KubernetesClient client;
  private final LeaseSettings lease;
  private final LeaseFence fence;
  private final Listener listener;
  private final LongSupplier nanoClock;
  private final ExecutorService electorThreads;
  private final ExecutorService leadership;
  private final ScheduledExecutorService timer;
  private volatile boolean closing;
  private volatile CompletableFuture<?> campaign;
  // Which campaign is the current one: callbacks of an elector already given up are ignored.
  private final AtomicInteger campaigns = new AtomicInteger();
  private volatile boolean sittingOut;
  // Confined to the leadership thread.
  private boolean candidate;
  private boolean promoted;

  /**
   * @param client used for the Lease only, and closed with this; see {@link
   *     ElectionClients#forElector}
   */
  public LeaderElection(
      KubernetesClient client,
      LeaseSettings lease,
      LeaseFence fence,
      Listener listener,
      LongSupplier nanoClock) {
    this.client = client;
    this.lease = lease;
    this.fence = fence;
    this.listener = listener;
    this.nanoClock = nanoClock;
    this.electorThreads = Executors.newCachedThreadPool(DaemonThreads.named("lease-elector"));
    this.leadership = Executors.newSingleThreadExecutor(DaemonThreads.named("lease-leadership"));
    this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lease-campaign"));
  }

  /**
   * How long one call of the elector may take: at most a third of the renew deadline, so a renewal
   * (a read and a write) that hangs fails with time left to try again before the deadline.
   */
  public static Duration requestTimeout(Duration renewDeadline, Duration retryPeriod) {
    Duration wanted =
        retryPeriod.compareTo(MIN_REQUEST_TIMEOUT) < 0 ? MIN_REQUEST_TIMEOUT : retryPeriod;
    Duration third = renewDeadline.dividedBy(3);
    return wanted.compareTo(third) < 0 ? wanted : third;
  }

  public void start() {
    campaign();
  }

  private void campaign() {
    if (closing) {
      return;
    }
    int number = campaigns.incrementAndGet();
    var lock =
        new ConfirmingLock(
            LabelledLeaseLock.of(lease.namespace(), lease.name(), lease.identity()),
            nanoClock,
            sentAt -> {
              if (campaigns.get() == number) {
                fence.confirmed(sentAt);
                onLeadershipThread(number, this::maybePromote);
              }
            });
    var callbacks =
        new LeaderCallbacks(
            () ->
                onLeadershipThread(
                    number,
                    () -> {
                      candidate = true;
                      maybePromote();
                    }),
            () ->
                onLeadershipThread(
                    number,
                    () -> {
                      candidate = false;
                      stepDown();
                    }),
            holder ->
                log.info("Lease {}/{} is held by {}", lease.namespace(), lease.name(), holder));
    var config =
        new LeaderElectionConfig(
            lock,
            lease.leaseDuration(),
            lease.renewDeadline(),
            lease.retryPeriod(),
            callbacks,
            true,
            lease.name());
    CompletableFuture<?> running =
        new LeaderElectorBuilder(client, electorThreads).withConfig(config).build().start();
    campaign = running;
    running.whenComplete(
        (ignored, failure) -> {
          if (closing) {
            return;
          }
          Duration pause = sittingOut ? lease.leaseDuration() : lease.retryPeriod();
          sittingOut = false;
          log.info(
              "{} campaigns again for Lease {}/{} in {} ms",
              lease.identity(),
              lease.namespace(),
              lease.name(),
              pause.toMillis());
          try {
            timer.schedule(this::campaign, pause.toMillis(), TimeUnit.MILLISECONDS);
          } catch (RejectedExecutionException stopping) {
            // closed meanwhile
          }
        });
  }

  private void maybePromote() {
    if (closing || promoted || !candidate || !fence.renewedRecently()) {
      return;
    }
    String holder;
    try {
      io.fabric8.kubernetes.api.model.coordination.v1.Lease read =
          client.leases().inNamespace(lease.namespace()).withName(lease.name()).get();
      holder = read == null || read.getSpec() == null ? null : read.getSpec().getHolderIdentity();
    } catch (KubernetesClientException e) {
      log.info(
          "Lease {}/{}: read-back failed ({}); not leading yet",
          lease.namespace(),
          lease.name(),
          e.getMessage());
      return;
    }
    if (!Objects.equals(holder, lease.identity()) || !fence.renewedRecently()) {
      log.info(
          "Lease {}/{}: read back naming {}, not {}; not leading",
          lease.namespace(),
          lease.name(),
          holder,
          lease.identity());
      return;
    }
    promoted = true;
    fence.arm();
    log.info(
        "{} leads Lease {}/{} (renewal confirmed, read back)",
        lease.identity(),
        lease.namespace(),
        lease.name());
    try {
      listener.startLeading();
    } catch (RuntimeException e) {
      log.error(
          "{} could not start reconciling; releasing Lease {}/{} so that another replica leads,"
              + " campaigning again in {} ms: {}",
          lease.identity(),
          lease.namespace(),
          lease.name(),
          lease.leaseDuration().toMillis(),
          e.getMessage(),
          e);
      candidate = false;
      stepDown();
      giveUp();
    }
  }

  /**
   * Ends the current campaign, which releases the Lease (the elector's release on cancel), and
   * campaigns again only after a lease duration, time enough for any healthy standby to take it.
   */
  private void giveUp() {
    CompletableFuture<?> running = campaign;
    if (running == null || running.isDone()) {
      return;
    }
    sittingOut = true;
    campaigns.incrementAndGet();
    running.cancel(true);
  }

  private void stepDown() {
    fence.disarm();
    if (!promoted) {
      return;
    }
    promoted = false;
    log.warn(
        "{} stepped down from Lease {}/{}; standby",
        lease.identity(),
        lease.namespace(),
        lease.name());
    listener.stopLeading();
  }

  /** Runs {@code task} on the leadership thread if campaign {@code number} is still the current. */
  private void onLeadershipThread(int number, Runnable task) {
    try {
      leadership.execute(
          () -> {
            if (campaigns.get() == number) {
              task.run();
            }
          });
    } catch (RejectedExecutionException stopping) {
      // closed: nothing more to decide
    }
  }

  /**
   * Steps down first (no more writes), then cancels the campaign, which releases the Lease if this
   * replica holds it, so a standby takes over at its next try instead of after the lease duration.
   */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    timer.shutdownNow();
    try {
      leadership
          .submit(
              () -> {
                candidate = false;
                stepDown();
              })
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Lease {}/{}: stepping down: {}", lease.namespace(), lease.name(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RejectedExecutionException alreadyStopped) {
      // nothing to step down from
    }
    CompletableFuture<?> running = campaign;
    if (running != null) {
      running.cancel(true);
    }
    leadership.shutdownNow();
    electorThreads.shutdownNow();
    client.close();
    log.info(
        "{} left the election for Lease {}/{}", lease.identity(), lease.namespace(), lease.name());
  }
}
