package my.domain.tutorial.operator.reconciler;

import java.util.ArrayList;
import java.util.function.UnaryOperator;
import my.domain.tutorial.api.v1.Foo;

/** What the Foo informer keeps of each Foo. */
public final class FooCache {
  private FooCache() {}

  /**
   * Drops {@code metadata.managedFields}: the operator never reads them, and they are often the
   * largest part of a small object. A status write sends an empty list, which the API server reads
   * as "unchanged", so nothing is lost on the server.
   */
  public static final UnaryOperator<Foo> SLIM =
      foo -> {
        foo.getMetadata().setManagedFields(new ArrayList<>(0));
        return foo;
      };
}
