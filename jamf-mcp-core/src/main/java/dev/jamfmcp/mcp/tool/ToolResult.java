package dev.jamfmcp.mcp.tool;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a tool returns. A result is either {@link Complete} (content, optional structured content,
 * error flag) or {@link InputRequired} (2026-07-28 multi round-trip: ask the client first).
 */
public sealed interface ToolResult {

  /**
   * A finished call.
   *
   * @param structuredContent must match the tool's output schema; null if the tool has none
   */
  record Complete(List<Content> content, JsonNode structuredContent, boolean isError)
      implements ToolResult {
    public Complete {
      content = List.copyOf(content);
    }
  }

  /**
   * The server needs input from the client before it can finish; the client retries the call with
   * {@code inputResponses} and the {@code requestState} unchanged.
   */
  record InputRequired(ObjectNode inputRequests, String requestState) implements ToolResult {
    public InputRequired {
      Objects.requireNonNull(inputRequests, "inputRequests");
    }
  }

  /** Structured data, repeated as JSON text for clients that only read {@code content}. */
  static ToolResult structured(JsonNode data) {
    return new Complete(List.of(Content.text(Json.mapper().writeValueAsString(data))), data, false);
  }

  /** Structured data with a human summary in front of the JSON text. */
  static ToolResult structured(String summary, JsonNode data) {
    return new Complete(
        List.of(Content.text(summary), Content.text(Json.mapper().writeValueAsString(data))),
        data,
        false);
  }

  static ToolResult text(String text) {
    return new Complete(List.of(Content.text(text)), null, false);
  }

  /** An error the model should read and act on. */
  static ToolResult error(String message) {
    return new Complete(List.of(Content.text(message)), null, true);
  }
}
