package my.domain.tutorial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * An image as a registry (distribution, plain HTTP on loopback) holds it: its manifest's layers,
 * whose sizes are what a node pulls (compressed), and, read through gunzip, what it unpacks.
 */
final class RegistryImage {
  /** {@code host:port/repository[:tag]@sha256:digest}. */
  record Reference(String registry, String repository, String digest) {
    private static final Pattern FORM =
        Pattern.compile("([^/]+)/([^@:]+(?:/[^@:]+)*)(?::[^@/]+)?@(sha256:[0-9a-f]{64})");

    static Reference parse(String reference) {
      Matcher m = FORM.matcher(reference);
      if (!m.matches()) {
        throw new IllegalArgumentException("not host/repository[:tag]@sha256:digest: " + reference);
      }
      return new Reference(m.group(1), m.group(2), m.group(3));
    }
  }

  record Layer(String mediaType, String digest, long size) {
    boolean gzipped() {
      return mediaType.endsWith("gzip");
    }
  }

  /**
   * The layers of a single-platform manifest (OCI or Docker v2 schema 2), and its config's size.
   */
  record Manifest(List<Layer> layers, long configSize) {
    long compressedBytes() {
      return layers.stream().mapToLong(Layer::size).sum() + configSize;
    }

    static Manifest parse(String json) {
      try {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root.has("manifests")) {
          throw new IllegalArgumentException("an index, not an image manifest: " + json);
        }
        List<Layer> layers = new ArrayList<>();
        for (JsonNode l : root.path("layers")) {
          layers.add(
              new Layer(
                  l.path("mediaType").asText(),
                  l.path("digest").asText(),
                  l.path("size").asLong()));
        }
        if (layers.isEmpty()) {
          throw new IllegalArgumentException("a manifest without layers: " + json);
        }
        return new Manifest(List.copyOf(layers), root.path("config").path("size").asLong());
      } catch (IOException e) {
        throw new IllegalArgumentException("not JSON: " + json, e);
      }
    }
  }

  private static final String ACCEPT =
      "application/vnd.oci.image.manifest.v1+json,"
          + "application/vnd.docker.distribution.manifest.v2+json";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Reference reference;

  RegistryImage(String reference) {
    this.reference = Reference.parse(reference);
  }

  Manifest manifest() {
    String json =
        get("manifests/" + reference.digest(), ACCEPT, HttpResponse.BodyHandlers.ofString());
    return Manifest.parse(json);
  }

  /** The bytes the layer unpacks to; -1 when it is not gzip (nothing else is read here). */
  long uncompressedBytes(Layer layer) {
    if (!layer.gzipped()) {
      return -1;
    }
    try (InputStream in =
        new GZIPInputStream(
            get("blobs/" + layer.digest(), "*/*", HttpResponse.BodyHandlers.ofInputStream()),
            1 << 16)) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read layer " + layer.digest(), e);
    }
  }

  private <T> T get(String path, String accept, HttpResponse.BodyHandler<T> body) {
    URI uri =
        URI.create("http://" + reference.registry() + "/v2/" + reference.repository() + "/" + path);
    try {
      HttpResponse<T> response =
          http.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(), body);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: GET " + uri, e);
    }
  }
}
