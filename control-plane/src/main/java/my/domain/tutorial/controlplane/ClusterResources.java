package my.domain.tutorial.controlplane;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Manifests read from the class path (the jars the build made) and applied to a cluster. */
public final class ClusterResources {
  private ClusterResources() {}

  /** Reads a YAML or JSON manifest; {@code resource} is a class-loader path (no leading slash). */
  public static <T> T load(String resource, Class<T> type) {
    return Serialization.unmarshal(text(resource), type);
  }

  /** A manifest's text, comments included; {@code resource} as for {@link #load}. */
  public static String text(String resource) {
    try (InputStream in = ClusterResources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the class path; build the module that makes it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies the CRD at {@code resource} and waits until the API server serves it. Idempotent. */
  public static void installCrd(KubernetesClient admin, String resource) {
    installCrd(admin, load(resource, CustomResourceDefinition.class));
  }

  /** Applies {@code crd} and waits until the API server serves it. Idempotent. */
  public static void installCrd(KubernetesClient admin, CustomResourceDefinition crd) {
    admin.resource(crd).forceConflicts().serverSideApply();
    admin
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            cond ->
                                "Established".equals(cond.getType())
                                    && "True".equals(cond.getStatus())),
            30,
            TimeUnit.SECONDS);
  }
}
