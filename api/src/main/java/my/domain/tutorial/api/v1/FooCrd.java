package my.domain.tutorial.api.v1;

/** Where the build puts the Foo CRD generated from these classes: a resource of the api jar. */
public final class FooCrd {
  /** The CRD's name, {@code <plural>.<group>}. */
  public static final String NAME = Foo.CRD_NAME;

  /** The generated CRD YAML, as a class-loader resource path (no leading slash). */
  public static final String RESOURCE = "META-INF/fabric8/" + NAME + "-v1.yml";

  private FooCrd() {}
}
