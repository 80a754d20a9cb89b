package my.domain.tutorial.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator that watches several namespaces (MultiNamespace, as OLM's OperatorGroups configure
 * it) keeps every one of them in its cache. The SDK runs one informer per namespace; should they
 * share one store, each informer's listing drops the other namespaces' Foos from it (as deleted),
 * and those Foos stop following their friends until the periodic resync.
 */
@ExtendWith(ControlPlaneExtension.class)
class WatchedNamespacesIT {

  @Test
  void afterARestart_theFoosOfEveryWatchedNamespaceFollowTheirFriends(ControlPlane cp) {
    KubernetesClient admin = cp.adminClient();
    OperatorUnderTest.installCrd(admin);
    try (TestNamespace a = TestNamespace.create(admin, "multi-a");
        TestNamespace b = TestNamespace.create(admin, "multi-b");
        TestNamespace c = TestNamespace.create(admin, "multi-c")) {
      List<String> watched = List.of(a.name(), b.name(), c.name());
      for (String ns : watched) {
        admin.resource(Foo.of(ns, "foo-01", "jack")).create();
      }
      Map<String, String> env =
          Map.of(
              OperatorSettings.WATCH_NAMESPACES,
              String.join(",", watched),
              OperatorSettings.RESYNC_PERIOD,
              "0");
      try (OperatorUnderTest first = OperatorUnderTest.start(cp, env)) {
        watched.forEach(ns -> FooWaits.awaitReason(admin, ns, "foo-01", "FriendNotFound"));
      }

      // Restarted over Foos whose status is already right, it writes nothing, so no watch event
      // puts a Foo back into its cache: what the listings leave there is all it knows.
      try (OperatorUnderTest second = OperatorUnderTest.start(cp, env)) {
        await().atMost(FooWaits.PATIENCE).until(() -> second.probe("/readyz").status() == 200);
        for (String ns : watched) {
          admin.resource(TestPods.pod(ns, "jack")).create();
        }
        watched.forEach(ns -> FooWaits.awaitHappy(admin, ns, "foo-01", true));
      }
    }
  }
}
