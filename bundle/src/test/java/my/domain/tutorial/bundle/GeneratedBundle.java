package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundle the build wrote to disk ({@code -Dfoo.bundle.dir}, by default target/bundle), read
 * back.
 */
record GeneratedBundle(
    Path dir, ClusterServiceVersion csv, CustomResourceDefinition crd, List<HasMetadata> others) {

  static Path location() {
    String dir = System.getProperty("foo.bundle.dir");
    Path path = dir == null || dir.isBlank() ? Path.of("target", "bundle") : Path.of(dir);
    if (!Files.isRegularFile(path.resolve("metadata/annotations.yaml"))) {
      throw new IllegalStateException(
          "no bundle at " + path.toAbsolutePath() + ": run the bundle module's package phase");
    }
    return path.toAbsolutePath();
  }

  static GeneratedBundle read() {
    Path dir = location();
    ClusterServiceVersion csv = null;
    CustomResourceDefinition crd = null;
    List<HasMetadata> others = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("manifests"))) {
      for (Path f : files.sorted().toList()) {
        HasMetadata object = Serialization.unmarshal(Files.readString(f));
        if (object instanceof ClusterServiceVersion c) {
          csv = c;
        } else if (object instanceof CustomResourceDefinition d) {
          crd = d;
        } else {
          others.add(object);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (csv == null || crd == null) {
      throw new IllegalStateException(dir + "/manifests lacks the CSV or the CRD");
    }
    return new GeneratedBundle(dir, csv, crd, others);
  }
}
