package my.domain.tutorial.api;

import java.time.Duration;

/**
 * What the operator, its manifests and its clients agree on without configuration: the namespace
 * the shipped manifests install it into, its leader-election Lease, and where the operator jar
 * carries those manifests. The operator can be configured otherwise; these are the defaults the
 * plugin and the tests assume.
 */
public final class OperatorDefaults {
  /** The Namespace of the shipped manifests, where the Deployment and the leader Lease live. */
  public static final String NAMESPACE = "foo-system";

  /** The ServiceAccount of the shipped manifests. */
  public static final String SERVICE_ACCOUNT = "foo-operator";

  /** The leader-election Lease's name. */
  public static final String LEASE_NAME = "foo-operator-leader";

  /** How long a Lease is valid without renewal. */
  public static final Duration LEASE_DURATION = Duration.ofSeconds(15);

  /**
   * The deploy manifests' folder inside the operator jar, as a class-loader resource path (no
   * leading slash).
   */
  public static final String MANIFESTS = "META-INF/foo-operator/kubernetes/";

  private OperatorDefaults() {}
}
