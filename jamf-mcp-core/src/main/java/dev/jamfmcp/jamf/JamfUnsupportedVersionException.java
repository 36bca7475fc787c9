package dev.jamfmcp.jamf;

/**
 * The Jamf Pro server is older than {@link JamfProVersion#MINIMUM_SUPPORTED}: the request would
 * need an endpoint it does not have, so it was not sent.
 */
public final class JamfUnsupportedVersionException extends JamfException {

  private final JamfProVersion version;

  public JamfUnsupportedVersionException(JamfProVersion version, String operation) {
    super(message(version), 0, null, operation, null);
    this.version = version;
  }

  /** The version the server reported. */
  public JamfProVersion version() {
    return version;
  }

  /** What a person reads: the version found, the minimum, and what to do. */
  public static String message(JamfProVersion version) {
    return "Jamf Pro "
        + version
        + " is older than "
        + JamfProVersion.MINIMUM_SUPPORTED
        + ", the oldest version this server supports; upgrade Jamf Pro (the endpoints this"
        + " server uses for computers and groups are missing before it).";
  }
}
