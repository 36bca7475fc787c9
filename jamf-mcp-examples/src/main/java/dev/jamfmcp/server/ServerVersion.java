package dev.jamfmcp.server;

/** The version from the jar's manifest; {@code dev} when running from classes. */
final class ServerVersion {
  private ServerVersion() {}

  static String get() {
    String version = ServerVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
