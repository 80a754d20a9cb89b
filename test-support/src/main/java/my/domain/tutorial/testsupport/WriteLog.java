package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Every write the operator's client puts on the wire to a Foo or an Event, as the HTTP client sends
 * it: a write the operator decided not to send never shows up here, one that hangs or fails does.
 * Lease traffic is left out (the election itself writes the Lease).
 */
public final class WriteLog implements Interceptor {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final String replica;
  private final LongSupplier nanoClock;
  private final List<Write> writes = new CopyOnWriteArrayList<>();

  public WriteLog(String replica, LongSupplier nanoClock) {
    this.replica = replica;
    this.nanoClock = nanoClock;
  }

  /** One write: who sent it, when ({@link System#nanoTime} scale), and what. */
  public record Write(String replica, long atNanos, String method, String path) {}

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String path = request.uri().getPath();
    if (WRITES.contains(request.method()) && (path.contains("/foos") || path.contains("/events"))) {
      writes.add(new Write(replica, nanoClock.getAsLong(), request.method(), path));
    }
  }

  public List<Write> writes() {
    return List.copyOf(writes);
  }
}
