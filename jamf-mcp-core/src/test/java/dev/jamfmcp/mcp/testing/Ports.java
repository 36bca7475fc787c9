package dev.jamfmcp.mcp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server whose URL must be known before it starts (OAuth resource and
 * issuer URLs). Taken below Linux's ephemeral range (32768-60999 by default): a port found free
 * with {@code new ServerSocket(0)} comes from that range, so an outgoing connection of any test
 * running meanwhile can take it before the server binds (seen in CI as "Port already in use").
 */
public final class Ports {
  private Ports() {}

  public static int freeLoopbackPort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return probe.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new UncheckedIOException(new IOException("no free loopback port in 20000-31999"));
  }
}
