package dev.jamfmcp.mcp;

import dev.jamfmcp.mcp.jsonrpc.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a session remembers between messages after {@code initialize}. Small and immutable, so that
 * an HTTP transport can carry it inside a signed session id and any instance can resume it.
 *
 * @param version the negotiated version, or null before {@code initialize}
 * @param logLevel the least severe level the client wants, or null for no log messages
 */
public record SessionState(
    ProtocolVersion version,
    ObjectNode clientCapabilities,
    Implementation clientInfo,
    LogLevel logLevel) {

  public SessionState {
    clientCapabilities = clientCapabilities == null ? Json.object() : clientCapabilities;
  }

  public static SessionState fresh() {
    return new SessionState(null, null, null, null);
  }

  public boolean isInitialized() {
    return version != null;
  }

  public SessionState withLogLevel(LogLevel level) {
    return new SessionState(version, clientCapabilities, clientInfo, level);
  }
}
