package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges kubeconfig files the way kubectl does: for each named cluster, user and context the first
 * file that defines it wins, and so does the first file that sets {@code current-context}. Paths in
 * a file (certificates, keys, token files, exec commands) are relative to that file, so they are
 * made absolute before merging.
 */
public final class KubeconfigMerger {
  private KubeconfigMerger() {}

  /** A kubeconfig file as read, and where it was. */
  public record Source(Path file, Config config) {}

  public static Config merge(List<Source> sources) {
    Map<String, NamedCluster> clusters = new LinkedHashMap<>();
    Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
    Map<String, NamedContext> contexts = new LinkedHashMap<>();
    String current = null;
    for (Source source : sources) {
      Config c = source.config();
      Path dir = source.file().toAbsolutePath().getParent();
      for (NamedCluster nc : nullSafe(c.getClusters())) {
        if (nc.getName() != null && nc.getCluster() != null) {
          clusters.putIfAbsent(
              nc.getName(), new NamedCluster(absolute(nc.getCluster(), dir), nc.getName()));
        }
      }
      for (NamedAuthInfo nu : nullSafe(c.getUsers())) {
        if (nu.getName() != null && nu.getUser() != null) {
          users.putIfAbsent(
              nu.getName(), new NamedAuthInfo(nu.getName(), absolute(nu.getUser(), dir)));
        }
      }
      for (NamedContext nx : nullSafe(c.getContexts())) {
        if (nx.getName() != null && nx.getContext() != null) {
          contexts.putIfAbsent(nx.getName(), nx);
        }
      }
      if (current == null && c.getCurrentContext() != null && !c.getCurrentContext().isEmpty()) {
        current = c.getCurrentContext();
      }
    }
    Config merged = new Config();
    merged.setApiVersion("v1");
    merged.setKind("Config");
    merged.setClusters(new ArrayList<>(clusters.values()));
    merged.setUsers(new ArrayList<>(users.values()));
    merged.setContexts(new ArrayList<>(contexts.values()));
    merged.setCurrentContext(current);
    return merged;
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Cluster absolute(Cluster cluster, Path dir) {
    cluster.setCertificateAuthority(resolve(cluster.getCertificateAuthority(), dir));
    return cluster;
  }

  private static AuthInfo absolute(AuthInfo user, Path dir) {
    user.setClientCertificate(resolve(user.getClientCertificate(), dir));
    user.setClientKey(resolve(user.getClientKey(), dir));
    user.setTokenFile(resolve(user.getTokenFile(), dir));
    ExecConfig exec = user.getExec();
    // kubectl resolves an exec command against the file only when it names a path, not a bare
    // command.
    if (exec != null && exec.getCommand() != null && exec.getCommand().contains("/")) {
      exec.setCommand(resolve(exec.getCommand(), dir));
    }
    return user;
  }

  private static String resolve(String path, Path dir) {
    if (path == null || path.isEmpty() || dir == null) {
      return path;
    }
    Path p = Path.of(path);
    return p.isAbsolute() ? path : dir.resolve(p).normalize().toString();
  }
}
