package dev.jamfmcp.server;

import dev.jamfmcp.jamf.JamfAuthException;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfRequestListener;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Jamf client and checks the connection at start. Rejected credentials stop the program
 * (exit 2: a setting is wrong); an unreachable or failing Jamf Pro does not: the server starts,
 * says so, and {@code /health/ready} answers 503 until Jamf Pro answers.
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
              + " 503 until it does",
          jamf.url(),
          e.getMessage());
    }
  }

  /** For the readiness probe: does Jamf Pro answer? (The plugin caches the answer.) */
  static BooleanSupplier readiness(JamfClient client) {
    return () -> {
      try {
        client.jamfProVersion();
        return true;
      } catch (JamfException e) {
        log.warn("Readiness: Jamf Pro does not answer: {}", e.getMessage());
        return false;
      }
    };
  }
}
