package my.domain.tutorial.kubectl.why.reads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where {@code why} looks for the operator when it may not list Leases cluster-wide. */
class OperatorLocatorTest {
  @Test
  void whenLeasesCannotBeListedClusterWide_theFoosNamespaceThenFooSystemThenOlmsAreTried() {
    assertThat(OperatorLocator.candidates("team-a"))
        .containsExactly("team-a", "foo-system", "openshift-operators", "operators");
  }

  @Test
  void whenTheFooLivesInAnInstallNamespace_itIsTriedOnce() {
    assertThat(OperatorLocator.candidates("operators"))
        .containsExactly("operators", "foo-system", "openshift-operators");
  }

  @Test
  void withAllNamespaces_onlyTheInstallNamespacesAreTried() {
    assertThat(OperatorLocator.candidates(null))
        .containsExactly("foo-system", "openshift-operators", "operators");
  }
}
