package dev.jamfmcp.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Whether the ports the server will listen on are free, asked before anything starts (the demo's
 * simulated Jamf Pro takes seconds to build its fleet): a port in use is a setting to change, told
 * in one line, not a stack trace after start-up. Javalin's own bind failure remains the backstop
 * for the short race between this check and the start.
 */
final class PortCheck {
  private PortCheck() {}

  /** Throws a {@link ConfigException} naming {@code setting} if {@code bind:port} is taken. */
  static void free(Setting setting, String bind, int port) {
    if (port == 0) {
      return; // a free port is picked at start
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw ConfigException.of(
          Setting.MCP_BIND, "'" + bind + "' is not an address of this machine", "use 127.0.0.1");
    }
    try (ServerSocket socket = new ServerSocket()) {
      // as Jetty binds: SO_REUSEADDR, so a port in TIME_WAIT after a restart is not "in use"
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port), 1);
    } catch (BindException e) {
      if (String.valueOf(e.getMessage()).contains("in use")) {
        throw inUse(setting, bind, port);
      }
      throw ConfigException.of(
          setting,
          "cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")",
          "choose another port with " + setting.flag() + ", or another " + Setting.MCP_BIND.env());
    } catch (IOException e) {
      throw ConfigException.of(
          setting,
          "cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")",
          "choose another port with " + setting.flag() + ", or 0 for a free one");
    }
  }

  static ConfigException inUse(Setting setting, String bind, int port) {
    return ConfigException.of(
        setting,
        "port "
            + port
            + " on "
            + bind
            + " is already in use (another program, or this server"
            + " running already)",
        "stop that program, or choose another port with "
            + setting.flag()
            + " (0 picks a free one)");
  }
}
