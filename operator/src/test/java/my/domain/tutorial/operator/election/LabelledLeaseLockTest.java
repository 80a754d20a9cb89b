package my.domain.tutorial.operator.election;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import my.domain.tutorial.api.OperatorDefaults;
import org.junit.jupiter.api.Test;

/** The operator's leader Lease carries its name label, which is how clients find it. */
@EnableKubernetesMockClient(crud = true)
class LabelledLeaseLockTest {
  static final String NS = "operators";

  KubernetesClient client;

  @Test
  void theLeaseTheOperatorCreates_carriesItsNameLabel() {
    LabelledLeaseLock.of(NS, "leader", "me").create(client, record("me"));

    assertThat(labelOf(read())).isEqualTo(OperatorDefaults.NAME_LABEL_VALUE);
  }

  @Test
  void anUnlabelledLeaseTheOperatorRenews_getsTheLabel() {
    client
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName("leader")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("me")
                .withLeaseDurationSeconds(15)
                .withAcquireTime(ZonedDateTime.now())
                .withRenewTime(ZonedDateTime.now())
                .withLeaseTransitions(0)
                .endSpec()
                .build())
        .create();
    LeaseLock lock = LabelledLeaseLock.of(NS, "leader", "me");

    lock.get(client);
    lock.update(client, record("me"));

    assertThat(labelOf(read())).isEqualTo(OperatorDefaults.NAME_LABEL_VALUE);
    assertThat(read().getSpec().getHolderIdentity()).isEqualTo("me");
  }

  private Lease read() {
    return client.leases().inNamespace(NS).withName("leader").get();
  }

  private static String labelOf(Lease lease) {
    return lease.getMetadata().getLabels() == null
        ? null
        : lease.getMetadata().getLabels().get(OperatorDefaults.NAME_LABEL);
  }

  private static LeaderElectionRecord record(String holder) {
    ZonedDateTime t = ZonedDateTime.now();
    return new LeaderElectionRecord(holder, Duration.ofSeconds(15), t, t, 0);
  }
}
