package my.domain.tutorial.kubectl.why;

import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of one read {@code why} makes: the value, or a refusal naming what was not allowed.
 */
public sealed interface Lookup<T> {
  record Found<T>(T value) implements Lookup<T> {}

  /**
   * The API server answered 403 to {@code verb} on {@code resource} (in {@code scope}: a namespace,
   * or "all namespaces").
   */
  record Forbidden<T>(String verb, String resource, String scope) implements Lookup<T> {
    public String describe() {
      return verb + " " + resource + " in " + scope;
    }
  }

  /** The API server does not serve {@code resource}: its CRD is not installed. */
  record NotServed<T>(String resource) implements Lookup<T> {}

  static <T> Lookup<T> found(T value) {
    return new Found<>(value);
  }

  static <T> Lookup<T> forbidden(String verb, String resource, String scope) {
    return new Forbidden<>(verb, resource, scope);
  }

  /** The value when the read succeeded. */
  default Optional<T> found() {
    return this instanceof Found<T> f ? Optional.ofNullable(f.value()) : Optional.empty();
  }

  default Optional<Forbidden<T>> refusal() {
    return this instanceof Forbidden<T> f ? Optional.of(f) : Optional.empty();
  }

  /** The same outcome with {@code f} applied to the value; a refusal stays the same refusal. */
  default <U> Lookup<U> map(Function<? super T, ? extends U> f) {
    if (this instanceof Found<T> v) {
      return found(f.apply(v.value()));
    }
    if (this instanceof Forbidden<T> r) {
      return forbidden(r.verb(), r.resource(), r.scope());
    }
    return new NotServed<>(((NotServed<T>) this).resource());
  }
}
