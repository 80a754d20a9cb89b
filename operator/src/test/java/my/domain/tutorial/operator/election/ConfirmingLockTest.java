package my.domain.tutorial.operator.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConfirmingLockTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<Long> confirmed = new ArrayList<>();
  private final FakeLock lease = new FakeLock();
  private final ConfirmingLock lock = new ConfirmingLock(lease, now::get, confirmed::add);

  @Test
  void anAcceptedUpdateNamingThisReplica_isReportedWithTheTimeItWasSent() {
    lease.answerAfterNanos = 500;
    lock.update(null, record("me"));
    assertThat(confirmed).containsExactly(1_000L);
  }

  @Test
  void anAcceptedCreateNamingThisReplica_isReported() {
    lock.create(null, record("me"));
    assertThat(confirmed).containsExactly(1_000L);
  }

  @Test
  void aRejectedUpdate_isNotReported() {
    lease.conflict = true;
    assertThatThrownBy(() -> lock.update(null, record("me")))
        .isInstanceOf(KubernetesClientException.class);
    assertThat(confirmed).isEmpty();
  }

  @Test
  void aReleaseOrARecordNamingAnother_isNotReported() {
    lock.update(null, record(null));
    lock.update(null, record("other"));
    assertThat(confirmed).isEmpty();
  }

  @Test
  void readingALeaseThatNamesThisReplica_isNotAConfirmation() {
    lease.stored = record("me");
    assertThat(lock.get(null).getHolderIdentity()).isEqualTo("me");
    assertThat(confirmed).isEmpty();
  }

  private static LeaderElectionRecord record(String holder) {
    ZonedDateTime t = ZonedDateTime.now();
    return new LeaderElectionRecord(holder, Duration.ofSeconds(4), t, t, 0);
  }

  private final class FakeLock implements Lock {
    long answerAfterNanos;
    boolean conflict;
    LeaderElectionRecord stored;

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
      return stored;
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
      write(record);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
      write(record);
    }

    private void write(LeaderElectionRecord record) {
      now.addAndGet(answerAfterNanos);
      if (conflict) {
        throw new KubernetesClientException("conflict", 409, null);
      }
      stored = record;
    }

    @Override
    public String identity() {
      return "me";
    }

    @Override
    public String describe() {
      return "fake";
    }
  }
}
