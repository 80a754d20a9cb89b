package my.domain.tutorial.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.controlplane.RepoRoot;

/**
 * The jar image's class-data archive (CDS), made for this JVM the way {@code
 * operator/jar.Dockerfile} makes it for the image's: the Dockerfile's {@code RUN} that dumps it and
 * its {@code ENTRYPOINT}'s JVM options are read from the Dockerfile itself, each {@code
 * /deployments} path mapped to this checkout's file (what its {@code COPY} lines copy there) or,
 * for what the build makes, to a folder beside the jar. A process then runs the jar as the image's
 * {@code java} does.
 */
public final class JarImageArchive {
  static final String DOCKERFILE = "operator/jar.Dockerfile";
  private static final String IMAGE_DIR = "/deployments/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Dockerfile's steps that concern the archive. */
  record Recipe(List<String> dump, List<String> entrypointOptions, Map<String, String> copies) {}

  private JarImageArchive() {}

  /**
   * The {@code ENTRYPOINT}'s JVM options (between {@code java} and {@code -jar}) for running {@code
   * jar} with this JVM, the archive they name made first (again when the jar or the class list is
   * newer).
   */
  public static synchronized List<String> jvmOptions(Path jar) {
    Path root = RepoRoot.find();
    Recipe recipe;
    try {
      recipe = recipe(Files.readString(root.resolve(DOCKERFILE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path out = jar.toAbsolutePath().getParent().resolve("cds-" + jvmTag());
    List<String> dump = map(recipe.dump(), recipe.copies(), root, jar, out);
    List<String> options = map(recipe.entrypointOptions(), recipe.copies(), root, jar, out);
    makeArchive(dump, jar, out);
    return options;
  }

  /** Reads the dump step ({@code RUN [... "-Xshare:dump" ...]}) and the exec-form entrypoint. */
  static Recipe recipe(String dockerfile) {
    List<String> dump = null;
    List<String> entrypoint = null;
    Map<String, String> copies = new LinkedHashMap<>();
    for (String line : dockerfile.lines().map(String::strip).toList()) {
      if (line.startsWith("RUN [") && line.contains("-Xshare:dump")) {
        dump = array(line.substring("RUN ".length()));
      } else if (line.startsWith("ENTRYPOINT [")) {
        entrypoint = array(line.substring("ENTRYPOINT ".length()));
      } else if (line.startsWith("COPY ")) {
        String[] parts = line.split("\\s+");
        if (parts.length == 3 && parts[2].startsWith(IMAGE_DIR) && !parts[1].contains("*")) {
          copies.put(parts[2], parts[1]);
        }
      }
    }
    if (dump == null || entrypoint == null) {
      throw new IllegalStateException(
          DOCKERFILE + " has no exec-form RUN with -Xshare:dump or no exec-form ENTRYPOINT");
    }
    int jarFlag = entrypoint.indexOf("-jar");
    if (!"java".equals(entrypoint.get(0)) || jarFlag < 0) {
      throw new IllegalStateException(
          DOCKERFILE + "'s ENTRYPOINT is not java ... -jar: " + entrypoint);
    }
    return new Recipe(dump, entrypoint.subList(1, jarFlag), copies);
  }

  private static List<String> array(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(DOCKERFILE + ": not a JSON array: " + json, e);
    }
  }

  /**
   * Each {@code /deployments/NAME} in {@code args} as this checkout's: the jar, a file the
   * Dockerfile copies there, or else (what the build makes) {@code out/NAME}.
   */
  static List<String> map(
      List<String> args, Map<String, String> copies, Path root, Path jar, Path out) {
    List<String> mapped = new ArrayList<>();
    for (String arg : args) {
      int at = arg.indexOf(IMAGE_DIR);
      if (at < 0) {
        mapped.add(arg);
        continue;
      }
      String imagePath = arg.substring(at);
      String local;
      if (imagePath.equals(IMAGE_DIR + "operator.jar")) {
        local = jar.toAbsolutePath().toString();
      } else if (copies.containsKey(imagePath)) {
        local = root.resolve(copies.get(imagePath)).toString();
      } else {
        local = out.resolve(imagePath.substring(IMAGE_DIR.length())).toString();
      }
      mapped.add(arg.substring(0, at) + local);
    }
    return mapped;
  }

  private static void makeArchive(List<String> dump, Path jar, Path out) {
    Path archive = Path.of(option(dump, "-XX:SharedArchiveFile="));
    Path classList = Path.of(option(dump, "-XX:SharedClassListFile="));
    try {
      if (Files.exists(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(classList))
              > 0) {
        return;
      }
      Files.createDirectories(out);
      Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      for (String arg : dump.subList(1, dump.size())) {
        command.add(
            arg.equals("-XX:SharedArchiveFile=" + archive)
                ? "-XX:SharedArchiveFile=" + partial
                : arg);
      }
      Path log = out.resolve("dump.log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "the class-data archive was not made (" + command + "): see " + log);
      }
      Files.move(
          partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making the class-data archive", e);
    }
  }

  private static String option(List<String> args, String prefix) {
    return args.stream()
        .filter(a -> a.startsWith(prefix))
        .map(a -> a.substring(prefix.length()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(DOCKERFILE + "'s dump step has no " + prefix));
  }

  /** An archive is only valid for the JVM build that made it. */
  private static String jvmTag() {
    return System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.]", "_");
  }
}
