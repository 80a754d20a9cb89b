package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * The kubeconfig files that apply, each parsed by fabric8 (which remembers the file every context,
 * cluster and user came from, for relative paths and for writing refreshed tokens back). Files that
 * do not exist or are empty are skipped, as kubectl skips them. Lookups follow kubectl's merge
 * rule: the first file that defines a name, or sets {@code current-context}, wins.
 */
public record Kubeconfigs(List<Config> files, String where) {

  /**
   * Reads the files {@code KubeconfigFiles} selects; throws exit 4 for a file that cannot be
   * parsed.
   */
  public static Kubeconfigs read(Optional<Path> flag, Map<String, String> env) {
    String where = KubeconfigFiles.describe(flag, env);
    if (flag.isPresent() && !Files.isRegularFile(flag.get())) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "the kubeconfig file "
              + flag.get()
              + " does not exist; pass an existing file to --kubeconfig");
    }
    List<Config> parsed = new ArrayList<>();
    for (Path file : KubeconfigFiles.locate(flag, env)) {
      if (!Files.isRegularFile(file) || blank(file)) {
        continue;
      }
      try {
        Config config = KubeConfigUtils.parseConfig(file.toAbsolutePath().toFile());
        if (config != null) {
          parsed.add(config);
        }
      } catch (RuntimeException e) {
        throw new PluginException(
            ExitCodes.CLUSTER_UNUSABLE,
            "cannot read the kubeconfig file "
                + file
                + ": "
                + ApiErrors.oneLine(e)
                + "; fix the file or point KUBECONFIG/--kubeconfig elsewhere",
            e);
      }
    }
    return new Kubeconfigs(List.copyOf(parsed), where);
  }

  private static boolean blank(Path file) {
    try {
      return Files.readString(file).isBlank();
    } catch (IOException e) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "cannot read the kubeconfig file " + file + ": " + ApiErrors.oneLine(e),
          e);
    }
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  public Optional<String> currentContext() {
    return files.stream()
        .map(Config::getCurrentContext)
        .filter(c -> c != null && !c.isEmpty())
        .findFirst();
  }

  public Optional<NamedContext> context(String name) {
    return first(Config::getContexts, NamedContext::getName, name)
        .filter(c -> c.getContext() != null);
  }

  public Optional<NamedCluster> cluster(String name) {
    return first(Config::getClusters, NamedCluster::getName, name)
        .filter(c -> c.getCluster() != null);
  }

  public Optional<NamedAuthInfo> user(String name) {
    return first(Config::getUsers, NamedAuthInfo::getName, name).filter(u -> u.getUser() != null);
  }

  public List<String> contextNames() {
    return names(Config::getContexts, NamedContext::getName);
  }

  public List<String> clusterNames() {
    return names(Config::getClusters, NamedCluster::getName);
  }

  public List<String> userNames() {
    return names(Config::getUsers, NamedAuthInfo::getName);
  }

  private <T> Optional<T> first(
      Function<Config, List<T>> items, Function<T, String> nameOf, String name) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    return files.stream()
        .flatMap(f -> Optional.ofNullable(items.apply(f)).orElse(List.of()).stream())
        .filter(i -> name.equals(nameOf.apply(i)))
        .findFirst();
  }

  private <T> List<String> names(Function<Config, List<T>> items, Function<T, String> nameOf) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (Config f : files) {
      for (T i : Optional.ofNullable(items.apply(f)).orElse(List.of())) {
        if (nameOf.apply(i) != null) {
          names.add(nameOf.apply(i));
        }
      }
    }
    return List.copyOf(names);
  }
}
