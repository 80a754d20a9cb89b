package my.domain.tutorial.operator.election;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import my.domain.tutorial.api.OperatorDefaults;

/**
 * The elector's Lease lock, with the operator's name label on the Lease, so that clients ({@code
 * kubectl foo why}) find it by label in whatever namespace the operator was installed. fabric8
 * sends the label with the create and with every renewal (a merge patch), so a Lease an older
 * release created unlabelled gets it on the first renewal.
 */
final class LabelledLeaseLock {
  private LabelledLeaseLock() {}

  static LeaseLock of(String namespace, String name, String identity) {
    return new LeaseLock(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .addToLabels(OperatorDefaults.NAME_LABEL, OperatorDefaults.NAME_LABEL_VALUE)
            .build(),
        identity);
  }
}
