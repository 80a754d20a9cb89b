package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import org.junit.jupiter.api.Test;

class FooCacheTest {
  @Test
  void cachedFoo_keepsEverythingButManagedFields() {
    Foo foo = Foo.of("team-a", "foo-01", "jack");
    foo.getMetadata()
        .setManagedFields(
            new java.util.ArrayList<>(
                List.of(
                    new ManagedFieldsEntryBuilder()
                        .withManager("kubectl")
                        .withOperation("Update")
                        .build())));
    foo.getMetadata().setResourceVersion("42");

    Foo cached = FooCache.SLIM.apply(foo);

    assertThat(cached.getMetadata().getManagedFields()).isEmpty();
    assertThat(cached.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(cached.friendName()).isEqualTo("jack");
  }
}
