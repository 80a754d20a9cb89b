package my.domain.tutorial.kubectl.nativeimage;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.DaemonSetList;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetList;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.friends.FriendsDocument;
import my.domain.tutorial.kubectl.why.WhyList;
import my.domain.tutorial.kubectl.why.WhyReport;
import my.domain.tutorial.nativemetadata.ReflectionMetadata;

/**
 * What the plugin reads, writes and instantiates: the roots from which the generator shared with
 * the operator ({@link ReflectionMetadata}) derives the native image's reflection metadata at build
 * time (the build runs {@link #main} after compiling and writes the result into the jar; it is
 * never checked in).
 */
public final class NativeMetadata {
  /**
   * What the plugin's commands read from or write to the API server, kubeconfig files and stdout. A
   * command that starts reading another type adds it here; the native test tier fails until then.
   */
  static final List<Class<?>> ROOTS =
      List.of(
          Foo.class,
          WhyReport.class,
          WhyList.class,
          FriendsDocument.class,
          PodList.class,
          NamespaceList.class,
          Lease.class,
          // why finds the operator by listing Leases with its label.
          LeaseList.class,
          // ...and OLM's ClusterServiceVersions, as generic resources.
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList.class,
          DeploymentList.class,
          ReplicaSetList.class,
          StatefulSetList.class,
          DaemonSetList.class,
          JobList.class,
          Status.class,
          // get -w: fabric8 reads each watch event as one, its object through the Foo class.
          io.fabric8.kubernetes.api.model.WatchEvent.class,
          DeleteOptions.class,
          // fabric8 turns list options into query parameters through Jackson: without its entry the
          // native image sent no labelSelector or fieldSelector at all (found by the native tier).
          ListOptions.class,
          Config.class,
          // An oidc user's refresh: fabric8 reads the issuer's discovery document and token answer
          // into these classes and writes the refreshed kubeconfig back (Config, above). An exec
          // plugin's ExecCredential is read as a JSON tree (ExecCredential in kube/): no class to
          // register.
          io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils.OpenIdConfiguration.class,
          io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils.OAuthToken.class,
          // What fabric8's KubernetesDeserializer falls back to for a kind it has no class for (the
          // `extensions:` of a kubeconfig, an unknown list item).
          GenericKubernetesResource.class,
          GenericKubernetesResourceList.class,
          RawExtension.class);

  /** Classes fabric8 instantiates by name rather than through Jackson. */
  static final List<String> BY_NAME =
      List.of(
          "io.fabric8.kubernetes.client.impl.KubernetesClientImpl",
          "io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory",
          "io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList");

  /** Where the native image reads it, inside the jar. */
  public static final String RESOURCE =
      "META-INF/native-image/my.domain.tutorial/kubectl-foo/reflect-config.json";

  /** Only our classes and fabric8's get entries. */
  static final List<String> PACKAGES = List.of("io.fabric8.", "my.domain.tutorial.");

  private NativeMetadata() {}

  /** The metadata for the plugin, from its roots, by the generator shared with the operator. */
  public static ReflectionMetadata derive() {
    return new ReflectionMetadata(Serialization.jsonMapper(), PACKAGES)
        .jackson(ROOTS)
        .byName(BY_NAME);
  }

  /**
   * The build step: writes the metadata under the class-output folder given as the only argument.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NativeMetadata CLASS_OUTPUT_DIR");
    }
    derive().write("kubectl-foo", Path.of(args[0]), RESOURCE);
  }
}
