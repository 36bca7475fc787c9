package dev.jamfmcp.mcp;

import java.time.Duration;

/**
 * What an MCP server reports for monitoring, free of any metrics library: the HTTP face implements
 * it (Micrometer in jamf-mcp-javalin), everything else only calls it. Calls come from request
 * threads and must not block. Every method defaults to doing nothing.
 */
public interface McpMetrics {
  /** Reports nothing. */
  McpMetrics NONE = new McpMetrics() {};

  /** An SSE stream (GET, legacy or POST response stream) opened. */
  default void streamOpened() {}

  /** An SSE stream closed after being open for {@code openFor}. */
  default void streamClosed(Duration openFor) {}

  /**
   * A JSON-RPC request was answered (or cancelled).
   *
   * @param method the JSON-RPC method, or {@code "unknown"} for a method the server lacks
   * @param tool the tool of a {@code tools/call} that ran, else {@code "none"}
   * @param errorKind null on success, else e.g. {@code invalid_params}, {@code tool_error}, {@code
   *     cancelled}
   */
  default void requestCompleted(String method, String tool, Duration latency, String errorKind) {}

  /**
   * One HTTP exchange with Jamf Pro finished (the app forwards the Jamf client's request listener
   * here): once per attempt, retries and token requests included.
   *
   * @param method the HTTP method
   * @param endpoint the path template, e.g. {@code /api/v1/scripts/{id}}, never a concrete path
   * @param status the HTTP status as text, or why no response came ({@code timeout}, {@code
   *     connect_timeout}, {@code too_large}, {@code interrupted}, {@code io_error})
   */
  default void jamfRequest(String method, String endpoint, String status, Duration latency) {}
}
