package my.domain.tutorial.kubectl.kube;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which kubeconfig files apply, by kubectl's rule: {@code --kubeconfig} alone if given; else every
 * file listed in {@code KUBECONFIG} (in order; missing ones are skipped when the files are read);
 * else {@code ~/.kube/config}.
 */
public final class KubeconfigFiles {
  private KubeconfigFiles() {}

  public static List<Path> locate(Optional<Path> flag, Map<String, String> env) {
    if (flag.isPresent()) {
      return List.of(flag.get());
    }
    String list = env.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      return Arrays.stream(list.split(File.pathSeparator))
          .filter(s -> !s.isBlank())
          .map(Path::of)
          .distinct()
          .toList();
    }
    String home =
        Optional.ofNullable(env.get("HOME"))
            .filter(h -> !h.isBlank())
            .orElse(System.getProperty("user.home"));
    return List.of(Path.of(home, ".kube", "config"));
  }

  /** How the files were chosen, for error messages. */
  public static String describe(Optional<Path> flag, Map<String, String> env) {
    if (flag.isPresent()) {
      return "--kubeconfig " + flag.get();
    }
    String list = env.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      return "KUBECONFIG=" + list;
    }
    return locate(flag, env).get(0).toString();
  }
}
