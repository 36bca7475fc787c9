package dev.jamfmcp.server;

import dev.jamfmcp.jamf.JamfAuthException;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfRequestListener;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Jamf client and checks the connection at start. Rejected credentials stop the program
 * (exit 2: a setting is wrong); an unreachable or failing Jamf Pro does not: the server starts,
 * says so, and {@code /health/ready} reports Jamf Pro as degraded (still 200) until it answers.
 */
final class JamfConnection {
  private static final Logger log = LoggerFactory.getLogger(JamfConnection.class);

  private JamfConnection() {}

  static JamfClient build(ServerConfig.Jamf jamf, JamfRequestListener listener) {
    return ServerAssembly.jamfClient(jamf).requestListener(listener).build();
  }

  /** Checks once; throws a {@link ConfigException} only when Jamf Pro rejects the credentials. */
  static void check(JamfClient client, ServerConfig.Jamf jamf) {
    try {
      String version = client.jamfProVersion();
      if (!client.serverVersion().isSupported()) {
        log.error(
            "{} Tools that read computers or groups will answer with this message.",
            dev.jamfmcp.jamf.JamfUnsupportedVersionException.message(client.serverVersion()));
      }
      log.info(
          "Jamf Pro {} at {} answers ({})",
          version,
          jamf.url(),
          jamf.credentials().getClass().getSimpleName());
    } catch (JamfAuthException e) {
      Setting setting =
          jamf.credentials() instanceof dev.jamfmcp.jamf.Credentials.UserAccount
              ? Setting.JAMF_USERNAME
              : Setting.JAMF_CLIENT_ID;
      throw ConfigException.of(
          setting,
          "Jamf Pro at " + jamf.url() + " rejected the credentials" + " (HTTP " + e.status() + ")",
          "check the id and secret, and that the API client is"
              + " enabled with a role that grants the read privileges");
    } catch (JamfException e) {
      log.warn(
          "Jamf Pro at {} does not answer yet ({}); starting anyway: /health/ready reports"
              + " jamf degraded until it does",
          jamf.url(),
          e.getMessage());
    }
  }

  /**
   * The background check behind {@code /health/ready}: asks Jamf Pro for its version. It throws on
   * failure with a message that names no secret: a Jamf failure's own text (status and what it
   * means), anything else only by its type.
   */
  static Callable<String> healthCheck(JamfClient client) {
    return () -> {
      String version;
      try {
        version = client.jamfProVersion();
      } catch (JamfException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new IllegalStateException("the Jamf Pro check failed: " + e.getClass().getName(), e);
      }
      if (!client.serverVersion().isSupported()) {
        // the operator must upgrade Jamf Pro: say which version was found and the minimum
        throw new IllegalStateException(
            dev.jamfmcp.jamf.JamfUnsupportedVersionException.message(client.serverVersion()));
      }
      return version;
    };
  }
}
