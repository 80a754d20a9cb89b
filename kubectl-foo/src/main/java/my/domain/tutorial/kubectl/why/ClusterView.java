package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one view of the cluster {@code why}'s facts are read from ({@link Facts#of}), whichever way
 * it is read: {@code PointReads} asks the API server each question as it comes ({@code why NAME}),
 * {@code ListedReads} lists each kind once per namespace and answers every Foo from memory ({@code
 * why} without a name). A read the API server refuses is a {@link Lookup.Forbidden} naming the
 * request that was made; any other failure is thrown.
 */
public interface ClusterView {
  /** The object of {@code kind} named {@code name} in {@code namespace}, if there is one. */
  <T extends HasMetadata> Lookup<Optional<T>> get(Kind<T> kind, String namespace, String name);

  /**
   * Every object of {@code kind} in {@code namespace} (null: in every namespace); {@link
   * Lookup.NotServed} when the API server does not serve the kind (its CRD is not installed).
   */
  <T extends HasMetadata> Lookup<List<T>> list(Kind<T> kind, String namespace);

  /** Every object of {@code kind} named {@code name}, in every namespace. */
  <T extends HasMetadata> Lookup<List<T>> named(Kind<T> kind, String name);

  /** Where the operator's leader Lease was looked for and what was found: one search a view. */
  OperatorSearch operator();

  /** The time the Leases are judged at. */
  Instant now();
}
