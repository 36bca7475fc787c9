package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.LogLevel;
import dev.jamfmcp.mcp.ProtocolVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol facts one request is handled under: from the session (2025 versions) or from the
 * request's own {@code _meta} (2026-07-28).
 *
 * @param logLevel least severe level to send, or null for none
 * @param progressToken the request's progress token, or null
 */
record Frame(
    ProtocolVersion version,
    ObjectNode clientCapabilities,
    Implementation clientInfo,
    LogLevel logLevel,
    JsonNode progressToken) {}
