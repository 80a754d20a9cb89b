package my.domain.tutorial.operator.runtime;

/**
 * Whether this code runs as the native executable. The image builder initializes this class while
 * it builds (native-image.properties: {@code --initialize-at-build-time}), when the builder's
 * {@code org.graalvm.nativeimage.imagecode} property is set, so {@link #ACTIVE} is a constant in
 * the image and code behind {@code if (!ACTIVE)} is left out of it, not only skipped. On the JVM
 * the property is absent.
 */
public final class NativeImageCode {
  public static final boolean ACTIVE =
      System.getProperty("org.graalvm.nativeimage.imagecode") != null;

  private NativeImageCode() {}
}
