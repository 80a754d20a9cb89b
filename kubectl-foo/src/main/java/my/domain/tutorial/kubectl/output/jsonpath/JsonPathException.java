package my.domain.tutorial.kubectl.output.jsonpath;

/** A template kubectl would refuse to parse, or one that fails on the data it is given. */
public final class JsonPathException extends RuntimeException {
  public JsonPathException(String message) {
    super(message);
  }
}
