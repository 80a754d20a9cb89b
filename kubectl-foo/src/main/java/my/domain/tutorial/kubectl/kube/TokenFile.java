package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * A kubeconfig user's {@code tokenFile}: read before each request, as client-go re-reads it, so a
 * rotated token (a projected service account token, say) is picked up during a long watch.
 */
public record TokenFile(Path file, String userName) implements OAuthTokenProvider {
  @Override
  public String getToken() {
    try {
      String token = Files.readString(file).trim();
      if (token.isEmpty()) {
        throw new PluginException(
            ExitCodes.CLUSTER_UNUSABLE,
            "the tokenFile " + file + " of user \"" + userName + "\" is empty; put a token in it");
      }
      return token;
    } catch (IOException e) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "cannot read the tokenFile "
              + file
              + " of user \""
              + userName
              + "\" ("
              + ApiErrors.oneLine(e)
              + "); fix the kubeconfig or the file",
          e);
    }
  }
}
