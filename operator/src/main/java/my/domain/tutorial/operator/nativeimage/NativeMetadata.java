package my.domain.tutorial.operator.nativeimage;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.processing.event.rate.RateLimited;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.nativemetadata.ReflectionMetadata;
import my.domain.tutorial.operator.reconciler.FooReconciler;

/**
 * What the operator reads, writes and has instantiated by reflection: the roots from which the
 * generator shared with the plugin ({@link ReflectionMetadata}) derives the native image's
 * reflection metadata at build time (the build runs {@link #main} after compiling and writes the
 * result into the jar; it is never checked in, and this class is not in the jar).
 */
public final class NativeMetadata {
  /**
   * What the operator (de)serializes: the Foos and Pods its informers list and watch (a list, then
   * watch events), the Foo status it patches, the Events it writes, the Lease it holds, the
   * TokenReviews and SubjectAccessReviews of its /metrics guard (generic resources), the API
   * server's Status answers, the kubeconfig a process outside a cluster reads.
   */
  static final List<Class<?>> ROOTS =
      List.of(
          Foo.class,
          Pod.class,
          PodList.class,
          Event.class,
          EventList.class,
          Lease.class,
          LeaseList.class,
          Status.class,
          WatchEvent.class,
          ListOptions.class,
          DeleteOptions.class,
          GenericKubernetesResource.class,
          GenericKubernetesResourceList.class,
          RawExtension.class,
          DefaultKubernetesResourceList.class,
          Config.class);

  /**
   * The SDK's configuration annotations: the SDK instantiates the classes their members default to
   * (retry, rate limiter, filters, item store) when the reconciler leaves them unset.
   */
  static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(
          ControllerConfiguration.class,
          Informer.class,
          GradualRetry.class,
          RateLimited.class,
          MaxReconciliationInterval.class);

  /** Classes introspected or instantiated by name or by reflection, outside Jackson. */
  static final List<String> BY_NAME =
      List.of(
          // The SDK reads its @ControllerConfiguration and its Reconciler<Foo> type argument.
          FooReconciler.class.getName(),
          "io.fabric8.kubernetes.client.impl.KubernetesClientImpl",
          // FriendPodSource reads the fabric8 informer out of the SDK's informer wrapper.
          "io.javaoperatorsdk.operator.processing.event.source.informer.InformerWrapper",
          "io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory",
          // Jackson reads the annotations of the mix-in that lets a list of no Pods be read.
          "my.domain.tutorial.operator.runtime.PodMetadataReads$ItemsNeverNull",
          // Micrometer's percentile histograms make their HdrHistogram counts by constructor.
          "org.HdrHistogram.Histogram",
          "org.HdrHistogram.ConcurrentHistogram",
          "org.HdrHistogram.IntCountsHistogram",
          "org.HdrHistogram.DoubleHistogram",
          "org.HdrHistogram.ConcurrentDoubleHistogram");

  /** Where the native image reads it, inside the jar. */
  public static final String RESOURCE =
      "META-INF/native-image/my.domain.tutorial/operator/reflect-config.json";

  /** Only our classes, fabric8's and the SDK's get entries from the walk. */
  static final List<String> PACKAGES =
      List.of("io.fabric8.", "io.javaoperatorsdk.", "my.domain.tutorial.");

  private NativeMetadata() {}

  /** The metadata for the operator, from its roots, by the generator shared with the plugin. */
  public static ReflectionMetadata derive() {
    return new ReflectionMetadata(Serialization.jsonMapper(), PACKAGES)
        .jackson(ROOTS)
        .annotationDefaults(ANNOTATIONS)
        .byName(BY_NAME);
  }

  /**
   * The build step: writes the metadata under the class-output folder given as the only argument.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NativeMetadata CLASS_OUTPUT_DIR");
    }
    derive().write("operator", Path.of(args[0]), RESOURCE);
  }
}
