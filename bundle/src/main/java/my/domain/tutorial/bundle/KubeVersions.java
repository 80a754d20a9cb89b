package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oldest Kubernetes (and so OpenShift) the bundle can run on, from what its CRD uses. OpenShift
 * 4.N ships Kubernetes 1.(N+13): 4.18 is 1.31.
 */
public final class KubeVersions {
  /**
   * The oldest Kubernetes still supported upstream when the project started; CRD v1 and CEL are GA
   * there.
   */
  static final String BASELINE = "1.29.0";

  /** CRD selectableFields: beta and on by default since 1.31 (GA in 1.32). */
  static final String SELECTABLE_FIELDS = "1.31.0";

  private static final int OPENSHIFT_OFFSET = 13;
  private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?");

  private KubeVersions() {}

  public static String minKubeVersion(CustomResourceDefinition crd) {
    boolean selectableFields =
        crd.getSpec().getVersions().stream()
            .anyMatch(v -> v.getSelectableFields() != null && !v.getSelectableFields().isEmpty());
    return selectableFields ? SELECTABLE_FIELDS : BASELINE;
  }

  /**
   * The {@code com.redhat.openshift.versions} value ("this OpenShift and later") for a minimum
   * Kubernetes.
   */
  public static String openShiftVersions(String minKubeVersion) {
    int minor = minor(minKubeVersion);
    if (minor < 1 + OPENSHIFT_OFFSET) {
      throw new IllegalArgumentException(
          "Kubernetes " + minKubeVersion + " predates OpenShift 4.1");
    }
    return "v4." + (minor - OPENSHIFT_OFFSET);
  }

  /** {@code 1.34.3 -> 1.34}: the form the deprecated-API validators take. */
  public static String majorMinor(String version) {
    Matcher m = MAJOR_MINOR.matcher(version.trim());
    if (!m.matches() || !"1".equals(m.group(1))) {
      throw new IllegalArgumentException("not a Kubernetes 1.x version: " + version);
    }
    return m.group(1) + "." + m.group(2);
  }

  private static int minor(String version) {
    return Integer.parseInt(majorMinor(version).substring(2));
  }
}
