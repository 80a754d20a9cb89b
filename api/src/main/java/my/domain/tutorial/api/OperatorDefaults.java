package my.domain.tutorial.api;

import java.time.Duration;
import java.util.List;

/**
 * What the operator, its manifests and its clients agree on without configuration: the namespace
 * the shipped manifests install it into, its leader-election Lease and timings, its ports, and
 * where the operator jar carries those manifests (SharedFactsTest in the operator checks the
 * manifests and docs/operator.md against these). The operator can be configured otherwise; these
 * are the defaults the plugin and the tests assume.
 */
public final class OperatorDefaults {
  /** The Namespace of the shipped manifests, where the Deployment and the leader Lease live. */
  public static final String NAMESPACE = "foo-system";

  /**
   * Where OLM installs operators for all namespaces: OpenShift's {@code openshift-operators}, and
   * {@code operators} on clusters with upstream OLM. (An OwnNamespace install puts the operator in
   * the namespace it watches.)
   */
  public static final List<String> OLM_NAMESPACES = List.of("openshift-operators", "operators");

  /** The ServiceAccount of the shipped manifests. */
  public static final String SERVICE_ACCOUNT = "foo-operator";

  /** The leader-election Lease's name. */
  public static final String LEASE_NAME = "foo-operator-leader";

  /** The Deployment of the shipped manifests (and of the OLM bundle's CSV, built from them). */
  public static final String DEPLOYMENT = "foo-operator";

  /**
   * The label key the shipped manifests put on the operator's objects, and the operator on its
   * leader Lease, with the value {@link #NAME_LABEL_VALUE}: how clients find the Lease in whatever
   * namespace the operator was installed.
   */
  public static final String NAME_LABEL = "app.kubernetes.io/name";

  /** The value of {@link #NAME_LABEL} on the operator's objects. */
  public static final String NAME_LABEL_VALUE = "foo-operator";

  /** How long a Lease is valid without renewal. */
  public static final Duration LEASE_DURATION = Duration.ofSeconds(15);

  /**
   * How long after its last confirmed renewal the leader may still write; less than {@link
   * #LEASE_DURATION}.
   */
  public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);

  /** How often the leader renews and candidates retry; less than {@link #RENEW_DEADLINE}. */
  public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);

  /** The port of {@code /healthz} and {@code /readyz} (the Deployment's {@code health} port). */
  public static final int HEALTH_PORT = 8081;

  /** The port of {@code /metrics} (the Deployment's {@code metrics} port, behind the Service). */
  public static final int METRICS_PORT = 8443;

  /**
   * The deploy manifests' folder inside the operator jar, as a class-loader resource path (no
   * leading slash).
   */
  public static final String MANIFESTS = "META-INF/foo-operator/kubernetes/";

  private OperatorDefaults() {}
}
