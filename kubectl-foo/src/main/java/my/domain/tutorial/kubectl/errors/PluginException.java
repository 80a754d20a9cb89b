package my.domain.tutorial.kubectl.errors;

/**
 * A failure the user can act on: one line saying what failed and what to do, and the exit code.
 * Commands throw it; the entry point prints the message on stderr and exits with the code.
 */
public class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public PluginException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public PluginException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  public static PluginException usage(String message) {
    return new PluginException(ExitCodes.USAGE, message);
  }
}
