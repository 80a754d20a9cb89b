package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import my.domain.tutorial.api.OperatorDefaults;

/**
 * The operator's deploy manifests, the single source of its identity, permissions and Deployment.
 * They travel in the operator jar under {@link #RESOURCE_DIR}; {@link #fromClasspath} reads every
 * YAML file there, whether the operator module is on the classpath as a jar or as a folder.
 */
public record OperatorManifests(List<HasMetadata> objects) {
  public static final String RESOURCE_DIR = OperatorDefaults.MANIFESTS;

  public OperatorManifests {
    objects = List.copyOf(objects);
  }

  public static OperatorManifests fromClasspath() {
    URL url = OperatorManifests.class.getClassLoader().getResource(RESOURCE_DIR);
    if (url == null) {
      throw new IllegalStateException(
          RESOURCE_DIR + " is not on the classpath: build the operator module first");
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
          return fromFiles(read(jar.getPath("/" + RESOURCE_DIR)));
        }
      }
      return fromFiles(read(Path.of(url.toURI())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the operator manifests at " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unexpected resource URL " + url, e);
    }
  }

  /**
   * Parses manifests given as {@code file name -> YAML}; one object per file, in file-name order.
   */
  public static OperatorManifests fromFiles(Map<String, String> yamlByFileName) {
    return new OperatorManifests(
        new TreeMap<>(yamlByFileName)
            .values().stream().map(yaml -> (HasMetadata) Serialization.unmarshal(yaml)).toList());
  }

  private static SortedMap<String, String> read(Path dir) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).toList()) {
        files.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no manifests in " + dir);
    }
    return files;
  }

  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public <T extends HasMetadata> T only(Class<T> type) {
    List<T> found = all(type);
    if (found.size() != 1) {
      throw new IllegalStateException(
          "expected exactly one "
              + type.getSimpleName()
              + " in the operator manifests, found "
              + found.size());
    }
    return found.get(0);
  }

  public Deployment deployment() {
    return only(Deployment.class);
  }

  public String serviceAccountName() {
    String name = deployment().getSpec().getTemplate().getSpec().getServiceAccountName();
    if (name == null || name.isBlank()) {
      throw new IllegalStateException("the operator Deployment names no serviceAccountName");
    }
    return name;
  }

  public ServiceAccount serviceAccount() {
    return only(ServiceAccount.class);
  }

  public Namespace namespace() {
    return only(Namespace.class);
  }

  public List<ClusterRole> clusterRoles() {
    return all(ClusterRole.class);
  }

  public List<ClusterRoleBinding> clusterRoleBindings() {
    return all(ClusterRoleBinding.class);
  }

  public List<Role> roles() {
    return all(Role.class);
  }

  public List<RoleBinding> roleBindings() {
    return all(RoleBinding.class);
  }

  public List<Service> services() {
    return all(Service.class);
  }
}
