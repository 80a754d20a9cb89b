package my.domain.tutorial.kubectl.why.reads;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;
import my.domain.tutorial.kubectl.why.Lookup;

/** One request as {@code why} makes it: a 403 is a refusal the findings name, not a failure. */
final class Requests {
  private Requests() {}

  /** {@code call}'s answer; a refusal when the API server answers 403; any other failure thrown. */
  static <T> Lookup<T> read(String verb, String resource, String scope, Supplier<T> call) {
    try {
      return Lookup.found(call.get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Lookup.forbidden(verb, resource, scope);
      }
      throw e;
    }
  }

  /**
   * As {@link #read}, and a list the API server does not serve (404) is {@link Lookup.NotServed}.
   */
  static <T> Lookup<T> list(String resource, String scope, Supplier<T> call) {
    try {
      return read("list", resource, scope, call);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return new Lookup.NotServed<>(resource);
      }
      throw e;
    }
  }

  static String scope(String namespace) {
    return namespace == null ? "all namespaces" : "namespace " + namespace;
  }
}
