package my.domain.tutorial.operator.election;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The elector's Lock, reporting each create or update naming this replica that the API server
 * accepted, with the monotonic time the request was sent: the only evidence the fence trusts. The
 * elector's own callbacks can fire on a Lease it merely read (fabric8 #7350), so they are not.
 */
final class ConfirmingLock implements Lock {
  private final Lock delegate;
  private final LongSupplier nanoClock;
  private final LongConsumer confirmed;

  ConfirmingLock(Lock delegate, LongSupplier nanoClock, LongConsumer confirmed) {
    this.delegate = delegate;
    this.nanoClock = nanoClock;
    this.confirmed = confirmed;
  }

  @Override
  public LeaderElectionRecord get(KubernetesClient client) {
    return delegate.get(client);
  }

  @Override
  public void create(KubernetesClient client, LeaderElectionRecord record) {
    long sentAt = nanoClock.getAsLong();
    delegate.create(client, record);
    report(record, sentAt);
  }

  @Override
  public void update(KubernetesClient client, LeaderElectionRecord record) {
    long sentAt = nanoClock.getAsLong();
    delegate.update(client, record);
    report(record, sentAt);
  }

  private void report(LeaderElectionRecord record, long sentAt) {
    if (Objects.equals(record.getHolderIdentity(), identity())) {
      confirmed.accept(sentAt);
    }
  }

  @Override
  public String identity() {
    return delegate.identity();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }
}
