package my.domain.tutorial.e2e;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.domain.tutorial.api.v1.Foo;

/**
 * The operator's status PUTs as its client sent them and as the API server answered, in the order
 * the answers came. Before the first status PUT of each Foo leaves the client, {@code beforeFirst}
 * may change that Foo (a competing writer placed exactly where a conflict needs it).
 */
final class StatusPutLog implements Interceptor {
  private static final Pattern STATUS =
      Pattern.compile("/apis/tutorial\\.my\\.domain/v1/namespaces/([^/]+)/foos/([^/]+)/status");

  /** One status PUT: the Foo, the resourceVersion and observedGeneration it carried, the answer. */
  record Put(String name, long resourceVersion, long observedGeneration, int code) {}

  private final Consumer<String> beforeFirst;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final List<Put> puts = new CopyOnWriteArrayList<>();

  StatusPutLog(Consumer<String> beforeFirst) {
    this.beforeFirst = beforeFirst;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    Matcher m = statusPut(request);
    if (m != null && seen.add(m.group(2))) {
      beforeFirst.accept(m.group(2));
    }
  }

  @Override
  public void after(
      HttpRequest request,
      HttpResponse<?> response,
      AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    Matcher m = statusPut(request);
    if (m != null) {
      Foo sent = Serialization.unmarshal(request.bodyString(), Foo.class);
      String version = sent.getMetadata().getResourceVersion();
      puts.add(
          new Put(
              m.group(2),
              version == null ? -1 : Long.parseLong(version),
              sent.getStatus().getObservedGeneration(),
              response.code()));
    }
  }

  List<Put> puts() {
    return List.copyOf(puts);
  }

  private static Matcher statusPut(HttpRequest request) {
    if (!request.method().equals("PUT")) {
      return null;
    }
    Matcher m = STATUS.matcher(request.uri().getPath());
    return m.matches() ? m : null;
  }
}
