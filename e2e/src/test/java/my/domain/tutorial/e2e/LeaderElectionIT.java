package my.domain.tutorial.e2e;

import static my.domain.tutorial.testsupport.FooWaits.awaitHappy;
import static my.domain.tutorial.testsupport.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.WriteLog.Write;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas with leader election on, through a storage outage and a clean stop. What is asserted
 * is who put writes on the wire and when (each replica's client logs them), not how fast anything
 * went: the figures (leaderless window, failover time) are measured and printed.
 */
@ExtendWith(ControlPlaneExtension.class)
class LeaderElectionIT {
  private static final int FOOS = 8;
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /**
   * Between the fencing check and the HTTP client putting the request on the wire: a write checked
   * just inside the window is sent a moment later.
   */
  private static final Duration CHECK_TO_SEND = Duration.ofMillis(500);

  private ControlPlane cp;
  private KubernetesClient admin;
  private TestNamespace ns;
  private String leaseName;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    this.ns = ns;
    leaseName = "leader-" + ns.name();
  }

  @AfterEach
  void tearDown() {
    cp.faults().resumeApiServer(); // in case a test failed while it was paused or down
    cp.faults().restartEtcd();
    cp.faults().startApiServer();
    admin.leases().inNamespace(OperatorUnderTest.NAMESPACE).withName(leaseName).delete();
  }

  @Test
  void whenEtcdStops_oldLeaderWritesNothingAfterRenewDeadline_andAfterRecoveryExactlyOneLeads() {
    throughAnOutage("etcd stopped", cp.faults()::stopEtcd, cp.faults()::restartEtcd);
  }

  @Test
  void
      whenTheApiServerHangs_oldLeaderWritesNothingAfterRenewDeadline_andAfterRecoveryExactlyOneLeads() {
    throughAnOutage(
        "kube-apiserver paused", cp.faults()::pauseApiServer, cp.faults()::resumeApiServer);
  }

  @Test
  void
      withElectionOn_anApiOutageLongerThanTheRenewDeadline_stepsDownToStandby_andLeadsAgainAfter() {
    Duration renew = Duration.ofSeconds(3);
    try (OperatorUnderTest only =
        OperatorUnderTest.start(
            cp, with(election(Duration.ofSeconds(5), renew, Duration.ofSeconds(1)), "only"))) {
      await().atMost(PATIENCE).until(() -> only.leads());
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", false);

      cp.faults().stopApiServer();
      await().atMost(PATIENCE).until(() -> only.timesLeadershipLost() == 1);
      assertThat(only.leads()).isFalse();
      assertThat(only.probe("/healthz").status()).as("liveness through the outage").isEqualTo(200);
      cp.faults().startApiServer();

      await().atMost(PATIENCE).until(() -> only.leads());
      admin.resource(pod(ns.name(), "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      assertThat(only.probe("/readyz").status()).isEqualTo(200);
    }
  }

  private void throughAnOutage(String outage, Runnable begin, Runnable end) {
    Duration lease = Duration.ofSeconds(6);
    Duration renew = Duration.ofSeconds(4);
    Duration retry = Duration.ofSeconds(1);
    Map<String, String> env = election(lease, renew, retry);
    try (OperatorUnderTest first = OperatorUnderTest.start(cp, with(env, "first"));
        OperatorUnderTest second = OperatorUnderTest.start(cp, with(env, "second"));
        LeaderSampler sampler = new LeaderSampler(first, second)) {
      OperatorUnderTest oldLeader = awaitOneLeader(first, second);
      for (int i = 0; i < FOOS; i++) {
        admin.resource(pod(ns.name(), "pod-" + i)).create();
        admin.resource(Foo.of(ns.name(), "foo-" + i, "pod-" + i)).create();
      }
      IntStream.range(0, FOOS).forEach(i -> awaitHappy(admin, ns.name(), "foo-" + i, true));

      // Status writes are under way when storage goes: the leader is told of the deletions at once.
      for (int i = 0; i < FOOS; i++) {
        admin.pods().inNamespace(ns.name()).withName("pod-" + i).withGracePeriod(0).delete();
      }
      begin.run();
      long outageBegun = System.nanoTime();
      // Long enough for the old Lease to expire everywhere, and for retries to come due.
      await()
          .pollDelay(renew.plus(lease).plusSeconds(4))
          .atMost(renew.plus(lease).plusSeconds(5))
          .until(() -> true);
      long recovering = System.nanoTime();
      end.run();
      long apiServerReady = System.nanoTime();

      OperatorUnderTest newLeader = awaitOneLeader(first, second);
      assertThat(leaseHolder()).isEqualTo(newLeader.identity());
      IntStream.range(0, FOOS).forEach(i -> awaitHappy(admin, ns.name(), "foo-" + i, false));
      for (int i = 0; i < FOOS; i++) {
        admin.resource(pod(ns.name(), "pod-" + i)).create();
      }
      IntStream.range(0, FOOS).forEach(i -> awaitHappy(admin, ns.name(), "foo-" + i, true));
      sampler.close();

      long fenceDeadline = outageBegun + renew.plus(CHECK_TO_SEND).toNanos();
      List<Write> lateWrites =
          oldLeader.writes().stream()
              .filter(w -> w.atNanos() > fenceDeadline && w.atNanos() < recovering)
              .toList();
      List<Write> afterRecovery = new ArrayList<>(first.writes());
      afterRecovery.addAll(second.writes());
      List<String> writersAfterRecovery =
          afterRecovery.stream()
              .filter(w -> w.atNanos() > recovering)
              .map(Write::replica)
              .distinct()
              .toList();
      System.out.printf(
          "[leader-election] %s for %d ms: old leader %s made %d writes after the renew"
              + " deadline (%d fenced), writers after recovery %s, new leader %s; longest"
              + " leaderless window %d ms, a leader %d ms after recovery began (%d ms after the API"
              + " server was ready again), both leading in %d of %d samples%n",
          outage,
          TimeUnit.NANOSECONDS.toMillis(recovering - outageBegun),
          oldLeader.identity(),
          lateWrites.size(),
          fenced(oldLeader),
          writersAfterRecovery,
          newLeader.identity(),
          sampler.longestLeaderlessMillis(),
          sampler.firstLeaderAfterMillis(recovering),
          sampler.firstLeaderAfterMillis(apiServerReady),
          sampler.bothLeading(),
          sampler.samples());

      assertThat(lateWrites).as("writes by the old leader after its renew deadline").isEmpty();
      assertThat(writersAfterRecovery)
          .as("replicas that wrote after the outage")
          .containsOnly(newLeader.identity());
      assertThat(sampler.bothLeading()).as("samples where both replicas led").isZero();
      assertThat(sampler.failedSamples()).as("samples whose scrape failed").isZero();

      // Whoever lost the Lease in the outage is a standby again, not gone: it takes over.
      OperatorUnderTest standby = newLeader == first ? second : first;
      assertThat(standby.probe("/readyz").status()).isEqualTo(200);
      newLeader.close();
      await().atMost(PATIENCE).until(() -> standby.leads());
      admin.pods().inNamespace(ns.name()).withName("pod-0").withGracePeriod(0).delete();
      awaitHappy(admin, ns.name(), "foo-0", false);
    }
  }

  @Test
  void whenTheLeaderStopsCleanly_itReleasesTheLease_andTheStandbyTakesOverWithinTwoRetryPeriods() {
    Duration lease = Duration.ofSeconds(15);
    Duration retry = Duration.ofSeconds(1);
    Map<String, String> env = election(lease, Duration.ofSeconds(10), retry);
    try (OperatorUnderTest first = OperatorUnderTest.start(cp, with(env, "first"));
        OperatorUnderTest second = OperatorUnderTest.start(cp, with(env, "second"))) {
      OperatorUnderTest leader = awaitOneLeader(first, second);
      OperatorUnderTest standby = leader == first ? second : first;
      admin.resource(pod(ns.name(), "jack")).create();
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);

      long stopping = System.nanoTime();
      leader.close();
      long stopped = System.nanoTime();
      Lease afterStop = lease();
      await().atMost(PATIENCE).until(() -> standby.leads());
      long takeover = System.nanoTime() - stopped;
      System.out.printf(
          "[leader-election] clean stop took %d ms, Lease right after it: holder %s, duration %s s;"
              + " standby led %d ms later (retry period %d ms, lease %d ms)%n",
          TimeUnit.NANOSECONDS.toMillis(stopped - stopping),
          afterStop.getSpec().getHolderIdentity(),
          afterStop.getSpec().getLeaseDurationSeconds(),
          TimeUnit.NANOSECONDS.toMillis(takeover),
          retry.toMillis(),
          lease.toMillis());

      // Released: fabric8 writes the release as a patch that leaves the holder's name in place but
      // shortens the lease to one second, so a standby may take it at once.
      assertThat(afterStop.getSpec().getLeaseDurationSeconds())
          .as("lease duration after a clean stop, in seconds")
          .isLessThanOrEqualTo(1);
      // A released Lease is taken at the standby's next try: one retry period plus fabric8's
      // jitter (up to 1.2 periods more), and a little for the read-back.
      assertThat(Duration.ofNanos(takeover)).isLessThan(retry.multipliedBy(3).plusSeconds(2));

      admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
      awaitHappy(admin, ns.name(), "foo-01", false);
      assertThat(standby.writes()).isNotEmpty();
    }
  }

  private OperatorUnderTest awaitOneLeader(OperatorUnderTest first, OperatorUnderTest second) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> first.leads() ^ second.leads());
    return first.leads() ? first : second;
  }

  /** Writes the replica dropped for want of a fresh renewal; -1 where the metric does not exist. */
  private static long fenced(OperatorUnderTest replica) {
    try {
      return (long) replica.metric("foo_writes_fenced_total");
    } catch (RuntimeException noSuchMetric) {
      return -1;
    }
  }

  private Lease lease() {
    return admin.leases().inNamespace(OperatorUnderTest.NAMESPACE).withName(leaseName).get();
  }

  private String leaseHolder() {
    Lease held = lease();
    return held == null ? null : held.getSpec().getHolderIdentity();
  }

  private Map<String, String> election(Duration lease, Duration renew, Duration retry) {
    return Map.of(
        OperatorSettings.LEADER_ELECTION, "true",
        OperatorSettings.LEASE_NAME, leaseName,
        OperatorSettings.LEASE_DURATION, lease.toMillis() + "ms",
        OperatorSettings.RENEW_DEADLINE, renew.toMillis() + "ms",
        OperatorSettings.RETRY_PERIOD, retry.toMillis() + "ms");
  }

  private static Map<String, String> with(Map<String, String> env, String identity) {
    Map<String, String> all = new HashMap<>(env);
    all.put(OperatorSettings.IDENTITY, identity);
    return all;
  }

  /**
   * Looks every 20 ms at which replicas say on {@code /metrics} that they lead. A scrape that fails
   * is counted (and must not happen: the metrics are plain HTTP, served whatever the API server
   * does); it must not end the sampling, as an exception would end a scheduled task.
   */
  private static final class LeaderSampler implements AutoCloseable {
    private record Sample(long atNanos, boolean first, boolean second) {}

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    LeaderSampler(OperatorUnderTest first, OperatorUnderTest second) {
      timer.scheduleAtFixedRate(
          () -> {
            try {
              samples.add(new Sample(System.nanoTime(), first.leads(), second.leads()));
            } catch (RuntimeException e) {
              failed.incrementAndGet();
            }
          },
          0,
          20,
          TimeUnit.MILLISECONDS);
    }

    int failedSamples() {
      return failed.get();
    }

    long bothLeading() {
      return samples.stream().filter(s -> s.first() && s.second()).count();
    }

    int samples() {
      return samples.size();
    }

    /** The longest stretch between a sample with a leader and the next one with a leader. */
    long longestLeaderlessMillis() {
      long longest = 0;
      Long lastLed = null;
      for (Sample s : samples) {
        if (s.first() || s.second()) {
          if (lastLed != null) {
            longest = Math.max(longest, s.atNanos() - lastLed);
          }
          lastLed = s.atNanos();
        }
      }
      return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    /** From {@code sinceNanos} to the first sample after it with a leader; -1 if none. */
    long firstLeaderAfterMillis(long sinceNanos) {
      return samples.stream()
          .filter(s -> s.atNanos() >= sinceNanos && (s.first() || s.second()))
          .findFirst()
          .map(s -> TimeUnit.NANOSECONDS.toMillis(s.atNanos() - sinceNanos))
          .orElse(-1L);
    }

    @Override
    public void close() {
      // Lets a sample in flight finish: interrupted, its scrape would count as failed.
      timer.shutdown();
      try {
        if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
          timer.shutdownNow();
        }
      } catch (InterruptedException e) {
        timer.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
