package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooSpec;
import my.domain.tutorial.api.v1.FooStatus;

/**
 * A Foo as the operator's cache keeps it when it has only what the API server and the operator
 * write: its identity, generation and creation time, its friend, and a status with at most one
 * condition. That is one flat object instead of a fabric8 {@code CustomResource} (which also
 * carries, per instance, its apiVersion and CRD name as strings of their own), an {@code
 * ObjectMeta} and the spec, status and condition objects; its identity kept as {@link
 * CachedIdentity} keeps it, the condition's type, status and reason interned, its message a flag
 * when it is the text the operator writes for that reason, the timestamps held as numbers when in
 * the form the API server writes ({@link Packing}).
 *
 * <p>{@link #of} makes one only when {@link #toFoo()} gives back a Foo equal to the one given;
 * {@link FooCache#keep} stores any other Foo (with labels, say) as it is.
 */
final class CachedFoo extends CachedIdentity {
  private static final long NO_TIME = Long.MIN_VALUE;
  private static final byte HAS_STATUS = 1;
  private static final byte HAS_CONDITION = 2;
  private static final byte MESSAGE_DERIVED = 4;

  private final Long generation;
  private final long created;
  private final String createdText;
  private final String friend;
  private final Boolean happy;
  private final Long observedGeneration;
  private final String conditionType;
  private final String conditionStatus;
  private final Long conditionGeneration;
  private final long transitioned;
  private final String transitionedText;
  private final String reason;
  private final String message;
  private final byte flags;

  private CachedFoo(Foo foo, FooCondition condition) {
    super(foo.getMetadata());
    ObjectMeta meta = foo.getMetadata();
    generation = shared(meta.getGeneration());
    created = Packing.seconds(meta.getCreationTimestamp());
    createdText = created == NO_TIME ? meta.getCreationTimestamp() : null;
    friend = foo.getSpec() == null ? null : foo.getSpec().getName();
    FooStatus status = foo.getStatus();
    happy = status == null ? null : status.getHappy();
    observedGeneration = status == null ? null : shared(status.getObservedGeneration());
    conditionType = condition == null ? null : FooCache.intern(condition.getType());
    conditionStatus = condition == null ? null : FooCache.intern(condition.getStatus());
    conditionGeneration = condition == null ? null : shared(condition.getObservedGeneration());
    transitioned = condition == null ? NO_TIME : Packing.seconds(condition.getLastTransitionTime());
    transitionedText =
        condition == null || transitioned != NO_TIME ? null : condition.getLastTransitionTime();
    reason = condition == null ? null : FooCache.intern(condition.getReason());
    String text = condition == null ? null : condition.getMessage();
    boolean derived = text != null && text.equals(derivedMessage(reason, meta, friend));
    message = derived ? null : text;
    flags =
        (byte)
            ((status == null ? 0 : HAS_STATUS)
                | (condition == null ? 0 : HAS_CONDITION)
                | (derived ? MESSAGE_DERIVED : 0));
  }

  /**
   * The message the operator writes with {@code reason} ({@link Friendship#message}), null for a
   * reason it does not write: a Foo's condition message is nearly always that text, so it is kept
   * as a flag and made again when read.
   */
  private static String derivedMessage(String reason, ObjectMeta meta, String friend) {
    for (Reason known : Reason.values()) {
      if (known.name().equals(reason)) {
        return Friendship.message(known, meta.getName(), meta.getNamespace(), friend);
      }
    }
    return null;
  }

  /**
   * The compact form of {@code foo}, or null when it has more than this keeps (labels, annotations,
   * finalizers, owners, a deletion mark, more than one condition, a spec or status field of a newer
   * schema): what {@link #toFoo()} gives back is compared with {@code foo}.
   */
  static CachedFoo of(Foo foo) {
    FooStatus status = foo.getStatus();
    if (foo.getMetadata() == null || status != null && status.getConditions().size() > 1) {
      return null;
    }
    FooCondition condition =
        status == null || status.getConditions().isEmpty() ? null : status.getConditions().get(0);
    CachedFoo kept = new CachedFoo(foo, condition);
    return kept.toFoo().equals(foo) ? kept : null;
  }

  /**
   * A new Foo with what this keeps, and the empty maps and lists of a Foo as {@link FooCache#SLIM}
   * leaves it.
   */
  Foo toFoo() {
    ObjectMeta meta = identity();
    meta.setGeneration(generation);
    meta.setCreationTimestamp(created == NO_TIME ? createdText : Packing.timestamp(created));
    meta.setLabels(Map.of());
    meta.setAnnotations(Map.of());
    meta.setFinalizers(List.of());
    meta.setOwnerReferences(List.of());
    meta.setManagedFields(List.of());
    meta.setAdditionalProperties(Map.of());
    Foo foo = new Foo();
    foo.setMetadata(meta);
    foo.setSpec(friend == null ? null : new FooSpec(friend));
    if ((flags & HAS_STATUS) != 0) {
      FooStatus status = new FooStatus();
      status.setHappy(happy);
      status.setObservedGeneration(observedGeneration);
      if ((flags & HAS_CONDITION) != 0) {
        status.setConditions(
            List.of(
                new FooCondition(
                    conditionType,
                    conditionStatus,
                    conditionGeneration,
                    transitioned == NO_TIME ? transitionedText : Packing.timestamp(transitioned),
                    reason,
                    (flags & MESSAGE_DERIVED) != 0
                        ? derivedMessage(reason, meta, friend)
                        : message)));
      }
      foo.setStatus(status);
    } else {
      foo.setStatus(null);
    }
    return foo;
  }

  /** The boxed values of small numbers are shared ({@link Long#valueOf}); a parser's may not be. */
  private static Long shared(Long value) {
    return value == null ? null : Long.valueOf(value);
  }
}
