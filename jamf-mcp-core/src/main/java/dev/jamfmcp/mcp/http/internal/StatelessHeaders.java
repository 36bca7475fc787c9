package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-07-28 rule that mirrored headers must match the body: {@code MCP-Protocol-Version}
 * against {@code _meta}, {@code Mcp-Method} against {@code method}, {@code Mcp-Name} against {@code
 * params.name} or {@code params.uri}. Intermediaries route on the headers and the server acts on
 * the body, so any disagreement is refused (400, HeaderMismatch).
 */
final class StatelessHeaders {
  static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  private static final Map<String, String> NAME_SOURCES =
      Map.of("tools/call", "name", "prompts/get", "name", "resources/read", "uri");

  private StatelessHeaders() {}

  /** The {@code _meta} protocol version of a request or notification, if it has one. */
  static Optional<String> bodyVersion(JsonRpcMessage message) {
    ObjectNode params =
        message instanceof JsonRpcMessage.Request r
            ? r.params()
            : message instanceof JsonRpcMessage.Notification n ? n.params() : null;
    JsonNode version = params == null ? null : params.path("_meta").get(META_PROTOCOL_VERSION);
    return version == null
        ? Optional.empty()
        : Optional.of(version.isString() ? version.stringValue() : version.toString());
  }

  /**
   * Which required {@code _meta} entry a 2026-07-28 request lacks, if any. A missing entry is a
   * malformed request (Invalid params), not a header mismatch: there is nothing to compare.
   */
  static Optional<String> missingMeta(JsonRpcMessage.Request request) {
    JsonNode meta = request.params().get("_meta");
    if (meta == null || !meta.isObject()) {
      return Optional.of("_meta");
    }
    if (!meta.has(META_PROTOCOL_VERSION)) {
      return Optional.of("_meta." + META_PROTOCOL_VERSION);
    }
    if (!(meta.get(META_CLIENT_CAPABILITIES) instanceof ObjectNode)) {
      return Optional.of("_meta." + META_CLIENT_CAPABILITIES + " (an object)");
    }
    return Optional.empty();
  }

  /** Why the headers disagree with the body, or empty if they agree. */
  static Optional<String> mismatch(HttpExchange exchange, JsonRpcMessage message) {
    String method =
        message instanceof JsonRpcMessage.Request r
            ? r.method()
            : ((JsonRpcMessage.Notification) message).method();
    Optional<String> headerVersion = exchange.header("MCP-Protocol-Version");
    Optional<String> bodyVersion = bodyVersion(message);
    if (headerVersion.isEmpty()) {
      return Optional.of("the MCP-Protocol-Version header is required");
    }
    if (bodyVersion.isEmpty()) {
      return Optional.of(
          "MCP-Protocol-Version is "
              + headerVersion.get()
              + " but the body's _meta has no "
              + META_PROTOCOL_VERSION);
    }
    if (!headerVersion.get().equals(bodyVersion.get())) {
      return Optional.of(
          "MCP-Protocol-Version header value '"
              + headerVersion.get()
              + "' does not match body value '"
              + bodyVersion.get()
              + "'");
    }
    if (!(message instanceof JsonRpcMessage.Request request)) {
      return Optional.empty();
    }
    Optional<String> methodHeader = exchange.header("Mcp-Method");
    if (methodHeader.isEmpty()) {
      return Optional.of("the Mcp-Method header is required");
    }
    if (!methodHeader.get().equals(method)) {
      return Optional.of(
          "Mcp-Method header value '"
              + methodHeader.get()
              + "' does not match body value '"
              + method
              + "'");
    }
    String source = NAME_SOURCES.get(method);
    if (source == null) {
      return Optional.empty();
    }
    JsonNode bodyName = request.params().get(source);
    Optional<String> nameHeader = exchange.header("Mcp-Name");
    if (nameHeader.isEmpty()) {
      return Optional.of("the Mcp-Name header is required for " + method);
    }
    Optional<String> decoded = decode(nameHeader.get());
    if (decoded.isEmpty()) {
      return Optional.of("the Mcp-Name header is not valid base64 in its =?base64?...?= form");
    }
    if (bodyName == null || !bodyName.isString() || !decoded.get().equals(bodyName.stringValue())) {
      return Optional.of(
          "Mcp-Name header value '"
              + nameHeader.get()
              + "' does not match body value '"
              + (bodyName == null ? "" : bodyName.asString())
              + "'");
    }
    return Optional.empty();
  }

  /** Undoes the {@code =?base64?...?=} sentinel encoding; plain values pass through. */
  static Optional<String> decode(String value) {
    if (!(value.startsWith("=?base64?") && value.endsWith("?=") && value.length() >= 11)) {
      return Optional.of(value);
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(value.substring(9, value.length() - 2));
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
