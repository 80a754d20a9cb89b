package my.domain.tutorial.operator.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.operator.election.LeaseFence;
import my.domain.tutorial.operator.runtime.OperatorMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one Kubernetes Event per happiness transition of a Foo. Events of the same Foo and reason
 * share a name, so a Foo that flaps gets one Event with a growing count rather than a stream of new
 * objects, as kubectl's own event recorder does. Failing to record an Event never fails a
 * reconcile; it is counted ({@code foo_events_failed_total}) and logged. The counts are kept per
 * Foo and released when the Foo is deleted ({@link #forget}).
 */
public class FriendshipEvents {
  public static final String COMPONENT = "foo-operator";
  private static final Logger log = LoggerFactory.getLogger(FriendshipEvents.class);
  private static final PatchContext MERGE =
      new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).build();

  private final KubernetesClient client;
  private final String instance;
  private final Clock clock;
  private final Map<ResourceID, Counts> counts = new ConcurrentHashMap<>();

  private final OperatorMetrics meters;
  private final LeaseFence fence;

  /**
   * @param fence every Event write passes it first; one it refuses is dropped
   */
  public FriendshipEvents(
      KubernetesClient client,
      String instance,
      Clock clock,
      OperatorMetrics meters,
      LeaseFence fence) {
    this.client = client;
    this.instance = instance;
    this.clock = clock;
    this.meters = meters;
    this.fence = fence;
  }

  public void transitioned(Foo foo, Verdict verdict) {
    String namespace = foo.getMetadata().getNamespace();
    String fooName = foo.getMetadata().getName();
    String name = eventName(foo, verdict);
    String type = verdict.happy() ? "Normal" : "Warning";
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    try {
      int count = bump(foo, verdict.reason());
      if (count > 1) {
        Write repeat = patch(foo, name, count, now, verdict);
        if (repeat != Write.GONE) {
          logRecorded(repeat, foo, type, verdict, count);
          return;
        }
        // The Event was deleted (kubectl delete events, or the API server's event TTL, an hour by
        // default): a repeat now starts a new Event, as client-go's recorder does.
        log.info(
            "{}/{}: event {} {} no longer exists; recording it anew",
            namespace,
            fooName,
            name,
            verdict.reason());
        count = restart(foo, verdict.reason());
      }
      Write created;
      try {
        created = create(foo, verdict, name, type, now);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          unbump(foo, verdict.reason());
          throw e;
        }
        // Recorded by an earlier run of the operator (a restart, another leader): continue from
        // the count the cluster holds, so it never moves backwards.
        count = continueFrom(foo, verdict.reason(), recordedCount(namespace, name));
        created = patch(foo, name, count, now, verdict);
        if (created == Write.GONE) {
          throw new KubernetesClientException(
              "event " + name + " was deleted while its count was being continued");
        }
      }
      if (created == Write.FENCED && count == 1) {
        unbump(foo, verdict.reason());
      }
      logRecorded(created, foo, type, verdict, count);
    } catch (KubernetesClientException e) {
      meters.eventFailed();
      log.warn(
          "{}/{}: could not record event {}: {}",
          namespace,
          fooName,
          verdict.reason(),
          e.getMessage());
    }
  }

  /** What became of one Event write. */
  private enum Write {
    DONE,
    FENCED,
    /** The Event to be patched does not exist (any more). */
    GONE
  }

  private Write create(Foo foo, Verdict verdict, String name, String type, String now) {
    String namespace = foo.getMetadata().getNamespace();
    if (!fence.admit("event", namespace, foo.getMetadata().getName())) {
      return Write.FENCED;
    }
    client
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(newEvent(foo, verdict, name, type, now))
        .create();
    return Write.DONE;
  }

  private Write patch(Foo foo, String name, int count, String now, Verdict verdict) {
    String namespace = foo.getMetadata().getNamespace();
    String patch =
        Serialization.asJson(
            Map.of("count", count, "lastTimestamp", now, "message", verdict.message()));
    // Patching through a stub item, not withName(): fabric8 would GET the Event first, a request
    // per repeat that the count kept here makes unnecessary.
    Event stub =
        new EventBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .build();
    if (!fence.admit("event", namespace, foo.getMetadata().getName())) {
      return Write.FENCED;
    }
    try {
      client.v1().events().inNamespace(namespace).resource(stub).patch(MERGE, patch);
      return Write.DONE;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Write.GONE;
      }
      throw e;
    }
  }

  private void logRecorded(Write write, Foo foo, String type, Verdict verdict, int count) {
    if (write != Write.DONE) {
      return;
    }
    meters.eventRecorded(verdict.happy());
    log.info(
        "{}/{}: event {} {} (x{}): {}",
        foo.getMetadata().getNamespace(),
        foo.getMetadata().getName(),
        type,
        verdict.reason(),
        count,
        verdict.message());
  }

  /** Releases what is kept for a deleted Foo. */
  public void forget(ResourceID foo) {
    counts.remove(foo);
  }

  /** How many Foos Event counts are kept for. */
  public int size() {
    return counts.size();
  }

  /**
   * The key of {@code foo}'s counts, with its name and namespace interned (the strings the Foo
   * cache holds): a large cluster keeps tens of thousands, and the Foo is a copy the SDK made for
   * one reconcile, whose strings are its own.
   */
  private static ResourceID idOf(Foo foo) {
    String namespace = foo.getMetadata().getNamespace();
    String name = foo.getMetadata().getName();
    return new ResourceID(
        name == null ? null : name.intern(), namespace == null ? null : namespace.intern());
  }

  private int bump(Foo foo, Reason reason) {
    int[] count = new int[1];
    counts.compute(
        idOf(foo),
        (id, c) -> {
          Counts next = Counts.of(foo, c);
          count[0] = next.bump(reason);
          return next;
        });
    return count[0];
  }

  private int recordedCount(String namespace, String name) {
    Event recorded = client.v1().events().inNamespace(namespace).withName(name).get();
    return recorded == null || recorded.getCount() == null ? 1 : recorded.getCount();
  }

  /** Sets the count kept for this Foo and reason to one past {@code recorded}, and returns it. */
  private int continueFrom(Foo foo, Reason reason, int recorded) {
    int[] count = new int[1];
    counts.compute(
        idOf(foo),
        (id, c) -> {
          Counts next = Counts.of(foo, c);
          count[0] = next.continueFrom(reason, recorded);
          return next;
        });
    return count[0];
  }

  /** Starts the count kept for this Foo and reason over at 1, for a new Event, and returns it. */
  private int restart(Foo foo, Reason reason) {
    counts.compute(
        idOf(foo),
        (id, c) -> {
          Counts next = Counts.of(foo, c);
          next.set(reason, 1);
          return next;
        });
    return 1;
  }

  private void unbump(Foo foo, Reason reason) {
    counts.computeIfPresent(idOf(foo), (id, c) -> c.unbumped(reason));
  }

  /**
   * The Events recorded so far for one Foo, by reason (0: none yet). Kept under the Foo's
   * namespace/name, so the uid tells a Foo created again under the same name (whose Events are new
   * objects) from the one before. Every Foo that ever changed has one, so it is kept small: the uid
   * as a {@link UUID} when it is one (less than half its text's size), the counts in one array.
   * Changed only inside the map's {@code compute}, one Foo at a time.
   */
  private static final class Counts {
    private final Object uid;
    private final int[] byReason = new int[Reason.values().length];

    private Counts(Object uid) {
      this.uid = uid;
    }

    static Counts of(Foo foo, Counts current) {
      Object uid = uidOf(foo.getMetadata().getUid());
      return current != null && Objects.equals(current.uid, uid) ? current : new Counts(uid);
    }

    /**
     * {@code uid} as a UUID when it parses as one, else the text. It is only compared, never
     * written back; two uids parse alike only if one is not a UUID in its usual form, which the API
     * server never writes.
     */
    private static Object uidOf(String uid) {
      try {
        return uid == null ? null : UUID.fromString(uid);
      } catch (IllegalArgumentException e) {
        return uid;
      }
    }

    int bump(Reason reason) {
      return ++byReason[reason.ordinal()];
    }

    int continueFrom(Reason reason, int recorded) {
      byReason[reason.ordinal()] = Math.max(byReason[reason.ordinal()], recorded + 1);
      return byReason[reason.ordinal()];
    }

    void set(Reason reason, int count) {
      byReason[reason.ordinal()] = count;
    }

    Counts unbumped(Reason reason) {
      if (byReason[reason.ordinal()] > 0) {
        byReason[reason.ordinal()]--;
      }
      return this;
    }
  }

  private Event newEvent(Foo foo, Verdict verdict, String name, String type, String now) {
    var meta = foo.getMetadata();
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(meta.getNamespace())
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(foo.getApiVersion())
                .withKind(foo.getKind())
                .withNamespace(meta.getNamespace())
                .withName(meta.getName())
                .withUid(meta.getUid())
                .withResourceVersion(meta.getResourceVersion())
                .build())
        .withType(type)
        .withReason(verdict.reason().name())
        .withMessage(verdict.message())
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .withReportingInstance(instance)
        .build();
  }

  static String eventName(Foo foo, Verdict verdict) {
    String key = foo.getMetadata().getUid() + "/" + verdict.reason();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String base = foo.getMetadata().getName();
      // Event names are DNS subdomains (max 253): keep the suffix and trim the Foo's name if
      // needed.
      String suffix = "." + HexFormat.of().formatHex(digest, 0, 8);
      return base.substring(0, Math.min(base.length(), 253 - suffix.length())) + suffix;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
