package dev.jamfmcp.mcp;

import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;

/**
 * Where the engine writes messages that go to the client before (or instead of) a response:
 * progress, log messages, server-to-client requests. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface MessageSink {
  /** A sink that drops everything, for callers that cannot carry notifications. */
  MessageSink DISCARD = message -> {};

  void send(JsonRpcMessage message);
}
