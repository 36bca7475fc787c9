package dev.jamfmcp.mcp;

import dev.jamfmcp.mcp.internal.Engine;
import dev.jamfmcp.mcp.internal.SessionRuntime;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One client's conversation with the server. A transport makes one per connection (or per
 * Streamable HTTP session) and hands it every inbound message; replies come back as futures, and
 * messages related to a request go to the {@link Caller}'s sink before its reply.
 *
 * <p>Thread-safe: messages may be handled concurrently.
 */
public final class McpSession {
  private final Engine engine;
  private final SessionRuntime runtime;

  McpSession(Engine engine, SessionState state, String key) {
    this.engine = engine;
    this.runtime = new SessionRuntime(state, key);
  }

  /**
   * Handles one frame of text: a JSON-RPC message or, where the version allows, a batch. The future
   * completes with the encoded reply, or empty when none is due (notifications, responses,
   * cancelled requests). It never completes exceptionally.
   */
  public CompletableFuture<Optional<String>> handleText(String frame, Caller caller) {
    return engine.handleFrame(runtime, frame, caller);
  }

  /** Handles one decoded message; see {@link #handleText}. */
  public CompletableFuture<Optional<JsonRpcMessage>> handle(JsonRpcMessage message, Caller caller) {
    return engine.handle(runtime, message, caller);
  }

  /** The state to carry to another instance (or to keep) after this message. */
  public SessionState state() {
    return runtime.state();
  }

  /**
   * Ends this session's open {@code subscriptions/listen} requests gracefully: each completes with
   * its closing result (2026-07-28: the server tore the subscription down). The server is stopping.
   */
  public void endSubscriptions() {
    engine.endSubscriptions(runtime);
  }

  /** Cancels every request in flight: the connection closed or the server is stopping. */
  public void cancelAll(String reason) {
    runtime.cancelAll(reason);
  }
}
