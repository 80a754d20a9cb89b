package my.domain.tutorial.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.controlplane.node.ContainerMemory;
import my.domain.tutorial.controlplane.node.NodeBinaries;
import my.domain.tutorial.controlplane.node.NodeCluster;
import my.domain.tutorial.controlplane.node.OperatorImage;
import my.domain.tutorial.controlplane.node.ShippedManifests;

/**
 * The operator as users run it, on the real node of {@code make test}'s real-node tier ({@link
 * NodeCluster}: its own control plane, a kubelet, a local registry): the image built and pushed by
 * {@code hack/images} on the test base ({@link OperatorImage}), its size as the registry holds it,
 * pull-to-Ready from applying the shipped manifests ({@link ShippedManifests}, {@code
 * imagePullPolicy: Always}) to the Pod's Ready condition, and the container's memory as its cgroup
 * counts it ({@link ContainerMemory}: the working set, what the limit and evictions act on), idle
 * and with Foos whose friends stay Pending (a node selector no node matches), as {@code
 * RealNodeOperatorIT} runs them. Numbers only.
 */
final class ImageScenario {
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(
      String skipped,
      String image,
      Integer layers,
      Long compressedBytes,
      Long uncompressedBytes,
      List<Long> pullToReadyMs,
      Double containerLimitMib,
      Double idleWorkingSetMib,
      Integer foos,
      Long foosHappyMs,
      Double foosWorkingSetMib) {
    static Result skipped(String why) {
      return new Result(why, null, null, null, null, null, null, null, null, null, null);
    }
  }

  /** The first pull of a run fetches the layers; the later ones find them on the node. */
  static final int PULLS = 5;

  private static final Duration SETTLE = Duration.ofSeconds(15);
  private static final Duration READY = Duration.ofMinutes(3);
  private static final String NS = OperatorDefaults.NAMESPACE;
  private static final String FOO_NS = "bench-node";
  private static final double MIB = 1048576.0;

  private final Table table;

  ImageScenario(Table table) {
    this.table = table;
  }

  /**
   * Runs where a node can run; otherwise a row saying why. {@code mode} is {@code FOO_BENCH_NODE}:
   * {@code 0} skips it.
   */
  Result runOrSkip(String mode, int foos) {
    if ("0".equals(mode)) {
      return skip("FOO_BENCH_NODE=0");
    }
    List<String> missing = NodeBinaries.missingPrerequisites();
    if (!missing.isEmpty()) {
      return skip("this machine cannot run a node: " + missing);
    }
    try (NodeCluster node =
        NodeCluster.start(ControlPlaneBinaries.locate(), NodeBinaries.locate())) {
      return run(node, foos);
    }
  }

  private Result skip(String why) {
    table.row("real node (operator image)", "skipped: " + why, "");
    return Result.skipped(why);
  }

  private Result run(NodeCluster node, int foos) {
    KubernetesClient admin = node.controlPlane().adminClient();
    String image = OperatorImage.buildAndPush(node.registry(), "bench");
    RegistryImage registry = new RegistryImage(image);
    RegistryImage.Manifest manifest = registry.manifest();
    long uncompressed = 0;
    for (RegistryImage.Layer layer : manifest.layers()) {
      long bytes = registry.uncompressedBytes(layer);
      uncompressed = bytes < 0 || uncompressed < 0 ? -1 : uncompressed + bytes;
    }
    table.row(
        "operator image (test base), " + manifest.layers().size() + " layers",
        String.format(
            "%.1f MiB compressed (pulled), %s unpacked",
            manifest.compressedBytes() / MIB,
            uncompressed < 0 ? "?" : String.format("%.1f MiB", uncompressed / MIB)),
        "");

    ClusterResources.installCrd(admin, FooCrd.RESOURCE);
    List<Long> pulls = new ArrayList<>();
    for (int i = 0; i < PULLS; i++) {
      if (i > 0) {
        removeDeployment(admin);
      }
      pulls.add(pullToReady(node, admin, image));
    }
    List<Long> later = pulls.subList(1, pulls.size());
    table.row(
        "pull-to-Ready (apply Deployment, pull Always)",
        String.format(
            "first %d ms (layers fetched); then median %.0f ms of %s (layers on the node)",
            pulls.get(0), median(later), later),
        "");

    Waits.sleep(SETTLE.toMillis());
    ContainerMemory idle = memory(node, admin);
    table.row(
        "operator container memory, idle (cgroup)",
        String.format(
            "working set %.0f MiB (limit %.0f MiB)",
            idle.workingSetBytes() / MIB, idle.limitBytes() / MIB),
        "");

    long happyMs = withFoos(node, admin, foos);
    Waits.sleep(SETTLE.toMillis());
    ContainerMemory loaded = memory(node, admin);
    table.row(
        "operator container memory, " + foos + " Foos (cgroup)",
        String.format(
            "working set %.0f MiB; all happy %d ms after the first create",
            loaded.workingSetBytes() / MIB, happyMs),
        "");
    return new Result(
        null,
        image,
        manifest.layers().size(),
        manifest.compressedBytes(),
        uncompressed < 0 ? null : uncompressed,
        List.copyOf(pulls),
        Stats.round(idle.limitBytes() / MIB),
        Stats.round(idle.workingSetBytes() / MIB),
        foos,
        happyMs,
        Stats.round(loaded.workingSetBytes() / MIB));
  }

  /** The middle value, or the mean of the two middle ones. */
  static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /** From applying the shipped manifests to the operator Pod's Ready condition. */
  private static long pullToReady(NodeCluster node, KubernetesClient admin, String image) {
    ShippedManifests manifests = ShippedManifests.load(admin);
    Deployment deployment = manifests.deployment();
    deployment
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setImagePullPolicy("Always");
    long t0 = System.nanoTime();
    manifests.apply(admin, image);
    boolean ready =
        Poll.until(
            () -> {
              node.requireAlive();
              return operatorPods(admin).stream().anyMatch(ImageScenario::ready);
            },
            READY,
            Duration.ofMillis(100));
    if (!ready) {
      throw new IllegalStateException(
          "the operator's Pod was not Ready within "
              + READY
              + " (container logs under "
              + node.layout().podLogs()
              + ", the node's in "
              + node.logs()
              + ")");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void removeDeployment(KubernetesClient admin) {
    admin.apps().deployments().inNamespace(NS).withName("foo-operator").delete();
    if (!Poll.until(() -> operatorPods(admin).isEmpty(), READY, Duration.ofMillis(250))) {
      throw new IllegalStateException("the operator's Pods did not go away within " + READY);
    }
  }

  /** Creates the Foos and their Pending friends; returns ms from the first create to all happy. */
  private static long withFoos(NodeCluster node, KubernetesClient admin, int count) {
    admin
        .resource(new NamespaceBuilder().withNewMetadata().withName(FOO_NS).endMetadata().build())
        .create();
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      admin.resource(Foo.of(FOO_NS, "foo-" + i, "friend-" + i)).create();
      admin
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withNamespace(FOO_NS)
                  .withName("friend-" + i)
                  .endMetadata()
                  .withNewSpec()
                  .addToNodeSelector("foo-operator.test/no-such-node", "true")
                  .addNewContainer()
                  .withName("friend")
                  .withImage(node.pauseImage())
                  .endContainer()
                  .endSpec()
                  .build())
          .create();
    }
    boolean happy =
        Poll.until(
            () ->
                admin.resources(Foo.class).inNamespace(FOO_NS).list().getItems().stream()
                        .filter(
                            f ->
                                f.getStatus() != null
                                    && Boolean.TRUE.equals(f.getStatus().getHappy()))
                        .count()
                    == count,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1));
    if (!happy) {
      throw new IllegalStateException("not all " + count + " Foos were happy within 5 minutes");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static ContainerMemory memory(NodeCluster node, KubernetesClient admin) {
    Pod pod = operatorPods(admin).stream().filter(ImageScenario::ready).findFirst().orElseThrow();
    try {
      return ContainerMemory.of(
          node.containerPid(pod.getStatus().getContainerStatuses().get(0).getContainerID()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the operator container's cgroup", e);
    }
  }

  private static List<Pod> operatorPods(KubernetesClient admin) {
    return admin
        .pods()
        .inNamespace(NS)
        .withLabel("app.kubernetes.io/name", "foo-operator")
        .list()
        .getItems();
  }

  private static boolean ready(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
