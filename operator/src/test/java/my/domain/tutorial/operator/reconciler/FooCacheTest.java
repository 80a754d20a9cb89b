package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.operator.status.StatusCalculator;
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

  @Test
  void cachedFoo_isTheSameFooAsJson_withoutItsManagedFields() {
    Foo foo = Foo.of("team-a", "foo-01", "jack");
    foo.getMetadata().setLabels(new java.util.HashMap<>(java.util.Map.of("app", "shop")));
    foo.getMetadata().setUid("u1");
    foo.setStatus(
        StatusCalculator.next(
            null,
            Friendship.verdict(foo, java.util.Optional.empty()),
            1L,
            java.time.Instant.parse("2026-01-01T00:00:00Z")));
    String before = Serialization.asJson(foo);

    Foo cached = FooCache.SLIM.apply(Serialization.unmarshal(before, Foo.class));

    assertThat(Serialization.asJson(cached)).isEqualTo(before);
    assertThat(cached.getStatus().getConditions().get(0).getReason())
        .isSameAs(cached.getStatus().getConditions().get(0).getReason().intern());
    assertThat(cached.getMetadata().getNamespace()).isSameAs("team-a");
  }
}
