package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP interceptor that records every request the API server answered with 403 Forbidden. */
final class ForbiddenRecorder implements Interceptor {
  private final List<String> forbidden = new CopyOnWriteArrayList<>();

  @Override
  public void after(
      HttpRequest request,
      HttpResponse<?> response,
      AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    if (response.code() == 403) {
      forbidden.add(request.method() + " " + request.uri());
    }
  }

  List<String> forbidden() {
    return List.copyOf(forbidden);
  }
}
