package dev.jamfmcp.mcp;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a tool, resource or prompt handler may know about the request it serves. One object,
 * the same on every transport and every protocol version.
 */
public interface RequestContext {

  /** The caller, as the transport authenticated it. */
  Principal principal();

  /** The version this request is spoken in. Handlers rarely need it; the engine adapts results. */
  ProtocolVersion protocolVersion();

  /** What the client declared it can do (an empty object if nothing). */
  ObjectNode clientCapabilities();

  /** The client's self-description, or null if it sent none. */
  Implementation clientInfo();

  /** The JSON-RPC id of the request. */
  JsonNode requestId();

  /** Cancelled when the client cancels, disconnects, or the server shuts down. */
  Cancellation cancellation();

  /**
   * Reports progress if the client asked for it ({@code _meta.progressToken}); otherwise does
   * nothing. Values that do not grow are dropped, so clients always see progress increase.
   *
   * @param total the total if known, else null
   * @param message a short status line, or null
   */
  void progress(double progress, Double total, String message);

  /** Sends a {@code notifications/message} if the client's log level lets it through. */
  void log(LogLevel level, String logger, JsonNode data);

  /**
   * Sends a request to the client (e.g. {@code elicitation/create}) on the stream of this request
   * and completes with its result. Fails if the transport cannot carry server requests.
   */
  CompletableFuture<JsonNode> requestFromClient(String method, ObjectNode params);

  /**
   * Waits, for this request, on something that happens outside the protocol (a person deciding on a
   * page the client opened for them). The wait counts against the same per-principal and total
   * limits as {@link #requestFromClient}; the returned future completes as {@code awaited} does,
   * fails with an {@link McpError} over those limits, and is cancelled when the request is
   * cancelled or done ({@code awaited} itself is never cancelled). By default: {@code awaited}.
   */
  default <T> CompletableFuture<T> awaitOutsideProtocol(CompletableFuture<T> awaited) {
    return awaited;
  }

  /**
   * Sends a notification related to this request (e.g. {@code notifications/elicitation/complete})
   * on its stream. By default: nothing (a transport that cannot carry it drops it).
   */
  default void sendNotification(String method, ObjectNode params) {}

  /** 2026-07-28 multi round-trip: the client's answers to an earlier input-required result. */
  ObjectNode inputResponses();

  /** 2026-07-28 multi round-trip: the opaque state returned with an input-required result. */
  String requestState();
}
