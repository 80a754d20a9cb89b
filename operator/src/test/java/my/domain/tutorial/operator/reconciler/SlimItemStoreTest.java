package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import my.domain.tutorial.api.v1.Foo;
import org.junit.jupiter.api.Test;

/** The Foo store behaves as fabric8's informer expects of any store. */
class SlimItemStoreTest {
  @Test
  void theFooStore_asksTheInformerForWholeObjects() {
    assertThat(FooCache.store().isFullState()).isFalse();
  }

  @Test
  void theFooStore_handsBackAFooEqualToTheOneItKept() {
    ItemStore<Foo> foos = FooCache.store();
    Foo foo = Foo.of("team-a", "foo-01", "jack");

    foos.put(foos.getKey(foo), foo);

    assertThat(foos.get("team-a/foo-01")).isEqualTo(foo).isNotSameAs(foo);
    assertThat(foos.keySet()).containsExactly("team-a/foo-01");
  }

  @Test
  void storingAFooAgain_replacesIt_andHandsBackTheOneBefore() {
    ItemStore<Foo> foos = FooCache.store();
    Foo first = Foo.of("team-a", "foo-01", "jack");
    first.getMetadata().setResourceVersion("1");
    Foo second = Foo.of("team-a", "foo-01", "jill");
    second.getMetadata().setResourceVersion("2");
    foos.put(foos.getKey(first), first);

    Foo before = foos.put(foos.getKey(second), second);

    assertThat(before.getMetadata().getResourceVersion()).isEqualTo("1");
    assertThat(foos.get("team-a/foo-01").friendName()).isEqualTo("jill");
    assertThat(foos.size()).isEqualTo(1);
  }

  @Test
  void removingAFoo_handsItBack_andForgetsIt() {
    ItemStore<Foo> foos = FooCache.store();
    Foo jack = Foo.of("team-a", "foo-01", "jack");
    Foo jill = Foo.of("team-b", "foo-01", "jill");
    foos.put(foos.getKey(jack), jack);
    foos.put(foos.getKey(jill), jill);

    assertThat(foos.remove("team-a/foo-01")).isEqualTo(jack);

    assertThat(foos.remove("team-a/foo-01")).isNull();
    assertThat(foos.keySet()).containsExactly("team-b/foo-01");
    assertThat(foos.values()).containsExactly(jill);
  }
}
