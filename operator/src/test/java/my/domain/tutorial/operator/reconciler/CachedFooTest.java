package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CachedFooTest {
  /** A Foo as kube-apiserver serves it once the operator has written its status. */
  private static final String SERVED =
      """
      {"apiVersion":"tutorial.my.domain/v1","kind":"Foo",
       "metadata":{"creationTimestamp":"2026-12-06T21:00:00Z","generation":1,
        "managedFields":[{"apiVersion":"tutorial.my.domain/v1","fieldsType":"FieldsV1",
          "fieldsV1":{"f:spec":{".":{},"f:name":{}}},"manager":"kubectl-foo","operation":"Update",
          "time":"2026-12-06T21:00:00Z"}],
        "name":"foo-01","namespace":"team-a","resourceVersion":"48213",
        "uid":"0f8fad5b-d9cb-469f-a165-70867728950e"},
       "spec":{"name":"jack"},
       "status":{"conditions":[{"lastTransitionTime":"2026-12-06T21:00:01Z",
          "message":"Pod jack exists in namespace team-a and is not being deleted",
          "observedGeneration":1,"reason":"FriendFound","status":"True","type":"Happy"}],
        "happy":true,"observedGeneration":1}}
      """;

  private static Foo served() {
    return Serialization.unmarshal(SERVED, Foo.class);
  }

  /** What the cache hands a reader for {@code foo}. */
  private static Foo cached(Foo foo) {
    return FooCache.restore(FooCache.keep(foo));
  }

  @Test
  void aServedFoo_isKeptCompactly_andComesBackAsTheSameJson_withoutManagedFields() {
    Foo foo = served();
    String expected = Serialization.asJson(FooCache.SLIM.apply(served()));

    Object kept = FooCache.keep(foo);

    assertThat(kept).isInstanceOf(CachedFoo.class);
    assertThat(Serialization.asJson(FooCache.restore(kept))).isEqualTo(expected);
    assertThat(expected).doesNotContain("managedFields\":[{").contains("FriendFound");
  }

  @Test
  void aFooWithoutStatus_isKeptCompactly_andComesBackWithoutStatus() {
    Foo foo = served();
    foo.setStatus(null);

    Object kept = FooCache.keep(foo);

    assertThat(kept).isInstanceOf(CachedFoo.class);
    assertThat(FooCache.restore(kept).getStatus()).isNull();
    assertThat(FooCache.restore(kept).friendName()).isEqualTo("jack");
  }

  @Test
  void theOperatorsOwnMessage_isMadeAgainFromTheReason_whileAnyOtherIsKeptAsWritten() {
    Foo own = served();
    FooCondition condition = own.getStatus().getConditions().get(0);
    condition.setMessage(Friendship.message(Reason.FriendFound, "foo-01", "team-a", "jack"));
    String expected = Serialization.asJson(FooCache.SLIM.apply(served()));

    Object keptOwn = FooCache.keep(own);
    Object keptOther = FooCache.keep(served());

    assertThat(keptOwn).isInstanceOf(CachedFoo.class).extracting("message").isNull();
    assertThat(cached(own).getStatus().getConditions().get(0).getMessage())
        .isEqualTo("Pod jack exists in namespace team-a");
    assertThat(keptOther)
        .isInstanceOf(CachedFoo.class)
        .extracting("message")
        .isEqualTo("Pod jack exists in namespace team-a and is not being deleted");
    assertThat(Serialization.asJson(FooCache.restore(keptOther))).isEqualTo(expected);
  }

  @Test
  void aKeptFoosNameAndFriend_areTheInternedStrings_inTheCacheAndInTheFooTheHandlersGet() {
    Foo foo = served();
    assertThat(foo.getMetadata().getName()).isNotSameAs("foo-01");

    Foo restored = FooCache.restore(FooCache.keep(foo));

    // The informer hands the Foo it stored to the SDK, which keeps ids made of its name.
    assertThat(foo.getMetadata().getName()).isSameAs("foo-01");
    assertThat(foo.friendName()).isSameAs("jack");
    assertThat(restored.getMetadata().getName()).isSameAs("foo-01");
    assertThat(restored.friendName()).isSameAs("jack");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "uid:u1",
        "resourceVersion:0042",
        "creationTimestamp:2026-12-06T21:00:00.5Z",
        "creationTimestamp:2026-12-06T21:00:00+01:00"
      })
  void textsNotInTheApiServersForm_areKeptAsTheyAre(String field) {
    String[] parts = field.split(":", 2);
    Foo foo = served();
    switch (parts[0]) {
      case "uid" -> foo.getMetadata().setUid(parts[1]);
      case "resourceVersion" -> foo.getMetadata().setResourceVersion(parts[1]);
      default -> foo.getMetadata().setCreationTimestamp(parts[1]);
    }
    String expected = Serialization.asJson(FooCache.SLIM.apply(foo));

    assertThat(Serialization.asJson(cached(foo))).isEqualTo(expected).contains(parts[1]);
  }

  @Test
  void aConditionTimeNotInTheApiServersForm_isKeptAsItIs() {
    Foo foo = served();
    foo.getStatus().getConditions().get(0).setLastTransitionTime("2026-12-06T21:00:01.250Z");

    assertThat(cached(foo).getStatus().getConditions().get(0).getLastTransitionTime())
        .isEqualTo("2026-12-06T21:00:01.250Z");
  }

  @Test
  void aFooWithLabelsOrASecondCondition_isKeptWhole() {
    Foo labelled = served();
    labelled.getMetadata().setLabels(Map.of("app", "shop"));
    Foo twoConditions = served();
    twoConditions
        .getStatus()
        .getConditions()
        .add(new FooCondition("Ready", "True", 1L, "2026-12-06T21:00:01Z", "Seen", "seen"));

    assertThat(FooCache.keep(labelled)).isSameAs(labelled);
    assertThat(cached(labelled).getMetadata().getLabels()).containsEntry("app", "shop");
    assertThat(FooCache.keep(twoConditions)).isSameAs(twoConditions);
    assertThat(cached(twoConditions).getStatus().getConditions()).hasSize(2);
  }

  @Test
  void aFooBeingDeleted_isKeptWhole_withItsDeletionMark() {
    Foo deleting = served();
    deleting.getMetadata().setDeletionTimestamp("2026-12-06T22:00:00Z");

    assertThat(FooCache.keep(deleting)).isSameAs(deleting);
    assertThat(cached(deleting).getMetadata().getDeletionTimestamp())
        .isEqualTo("2026-12-06T22:00:00Z");
  }

  @Test
  void theNamespaceAndTheConditionsWordsAreShared_acrossKeptFoos() {
    Foo one = cached(served());
    Foo two = cached(served());

    assertThat(two.getMetadata().getNamespace()).isSameAs(one.getMetadata().getNamespace());
    FooCondition a = one.getStatus().getConditions().get(0);
    FooCondition b = two.getStatus().getConditions().get(0);
    assertThat(b.getReason()).isSameAs(a.getReason());
    assertThat(b.getStatus()).isSameAs(a.getStatus());
    assertThat(b.getType()).isSameAs(a.getType());
  }

  @Test
  void eachReaderGetsAFooOfItsOwn() {
    Object kept = FooCache.keep(served());

    Foo first = FooCache.restore(kept);
    first.getStatus().setHappy(false);

    assertThat(FooCache.restore(kept).getStatus().getHappy()).isTrue();
  }
}
