package my.domain.tutorial.controlplane.node;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import my.domain.tutorial.controlplane.RepoRoot;

/**
 * The operator's manifests as users apply them: every file of {@code operator/src/main/kubernetes}
 * (namespaces first), with only the Deployment's image replaced by the one under test.
 */
public final class ShippedManifests {
  private final List<HasMetadata> objects;

  private ShippedManifests(List<HasMetadata> objects) {
    this.objects = objects;
  }

  public static ShippedManifests load(KubernetesClient client) {
    Path dir = RepoRoot.find().resolve("operator/src/main/kubernetes");
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          objects.addAll(client.load(in).items());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    objects.sort(Comparator.comparing(o -> o instanceof Namespace ? 0 : 1));
    return new ShippedManifests(objects);
  }

  public Deployment deployment() {
    return objects.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Deployment among the shipped manifests"));
  }

  /** Creates (or replaces) every object, the Deployment running {@code image}. */
  public void apply(KubernetesClient admin, String image) {
    deployment().getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
    for (HasMetadata object : objects) {
      admin.resource(object).forceConflicts().serverSideApply();
    }
  }
}
