package my.domain.tutorial.kubectl.names;

import java.util.regex.Pattern;
import my.domain.tutorial.api.v1.FooSpec;
import my.domain.tutorial.kubectl.errors.PluginException;

/** Name rules checked before any request, so an invalid name never reaches the cluster. */
public final class Names {
  private static final Pattern SUBDOMAIN = Pattern.compile(FooSpec.DNS1123_SUBDOMAIN);
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Names() {}

  public static boolean isSubdomain(String name) {
    return name != null
        && name.length() <= FooSpec.MAX_NAME_LENGTH
        && SUBDOMAIN.matcher(name).matches();
  }

  public static boolean isLabel(String name) {
    return name != null && name.length() <= 63 && LABEL.matcher(name).matches();
  }

  /** Throws a usage error naming {@code what} unless {@code name} is a DNS-1123 subdomain. */
  public static String requireSubdomain(String what, String name) {
    if (!isSubdomain(name)) {
      throw PluginException.usage(
          "invalid "
              + what
              + " '"
              + name
              + "': use lowercase letters, digits, '-' and '.',"
              + " starting and ending with a letter or digit, at most 253 characters"
              + suggestion(name));
    }
    return name;
  }

  public static String requireNamespace(String name) {
    if (!isLabel(name)) {
      throw PluginException.usage(
          "invalid namespace '"
              + name
              + "': use lowercase letters, digits and '-',"
              + " starting and ending with a letter or digit, at most 63 characters"
              + suggestion(name));
    }
    return name;
  }

  private static String suggestion(String name) {
    if (name == null) {
      return "";
    }
    String fixed =
        name.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9.-]", "-")
            .replaceAll("^[^a-z0-9]+", "")
            .replaceAll("[^a-z0-9]+$", "");
    return isSubdomain(fixed) && !fixed.equals(name) ? " (for example '" + fixed + "')" : "";
  }
}
