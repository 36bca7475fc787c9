package dev.jamfmcp.server;

/**
 * A missing or contradictory setting. The message is one line naming the setting and the fix; the
 * program prints it and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }

  /** {@code JAMF_URL (--jamf-url): <problem>. Fix: <fix>} */
  public static ConfigException of(Setting setting, String problem, String fix) {
    return new ConfigException(setting.label() + ": " + problem + ". Fix: " + fix);
  }
}
