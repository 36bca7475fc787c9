package dev.jamfmcp.javalin.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Development features (local signing keys, sign-in as anyone) run on loopback only. */
public final class Loopback {
  private Loopback() {}

  /**
   * Throws unless {@code host} (the address the server binds) is a loopback address.
   *
   * @param danger what the feature allows, the start of the message
   * @param remedy the message's last sentence
   */
  public static void require(String host, String danger, String remedy) {
    if (!isLoopbackAddress(host)) {
      throw new IllegalStateException(
          danger
              + "; refusing to run on "
              + (host == null ? "all interfaces" : host)
              + ". "
              + remedy);
    }
  }

  /** Whether {@code host}, an address to bind, is a loopback address; null or blank is not. */
  public static boolean isLoopbackAddress(String host) {
    try {
      return host != null && !host.isBlank() && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
