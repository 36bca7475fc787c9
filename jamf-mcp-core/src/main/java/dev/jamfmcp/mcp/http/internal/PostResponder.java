package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.MessageSink;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.SseStream;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one POSTed request: as a single JSON body if nothing else comes first, or, at the first
 * related message (progress, log, server request), as an SSE stream that carries those messages,
 * then the response, then closes. If the client leaves an open stream early, {@link Policy} decides
 * what happens to the request.
 */
final class PostResponder implements MessageSink {
  private static final Logger log = LoggerFactory.getLogger(PostResponder.class);

  /** What the transport decides for one POST. */
  interface Policy {
    /** Headers for the response (e.g. a refreshed session id), computed when it starts. */
    Map<String, String> headers();

    /** Where messages go when this POST cannot carry them (JSON-only client, or gone). */
    Optional<SseStream> fallback();

    /** The client closed the stream before the response: cancel, unless it can go elsewhere. */
    void clientLeft();
  }

  private enum State {
    JSON,
    STREAMING,
    DONE
  }

  private final HttpExchange exchange;
  private final Streams streams;
  private final boolean sseAllowed;
  private final boolean stateless;
  private final String primingId;
  private final long retryMillis;
  private final String resourceMetadata;
  private final Policy policy;
  private State state = State.JSON;
  private SseStream stream;

  /**
   * @param primingId the id of the 2025-11-25 priming event, or null to send none
   */
  PostResponder(
      HttpExchange exchange,
      Streams streams,
      boolean sseAllowed,
      boolean stateless,
      String primingId,
      long retryMillis,
      String resourceMetadata,
      Policy policy) {
    this.exchange = exchange;
    this.streams = streams;
    this.sseAllowed = sseAllowed;
    this.stateless = stateless;
    this.primingId = primingId;
    this.retryMillis = retryMillis;
    this.resourceMetadata = resourceMetadata;
    this.policy = policy;
  }

  @Override
  public void send(JsonRpcMessage message) {
    String json = JsonRpcCodec.encode(message);
    synchronized (this) {
      if (state == State.JSON && sseAllowed) {
        startStream();
      }
      if (state == State.STREAMING && stream.isOpen()) {
        stream.send("message", null, json);
        return;
      }
    }
    policy.fallback().ifPresent(s -> s.send("message", null, json));
  }

  /** Sends the reply (or ends the exchange if the request was cancelled and has none). */
  void finish(Optional<JsonRpcMessage> reply) {
    synchronized (this) {
      if (state == State.JSON) {
        state = State.DONE;
        HttpReply http =
            reply
                .map(r -> Replies.forReply(r, stateless, resourceMetadata))
                .orElse(HttpReply.empty(204));
        for (Map.Entry<String, String> header : policy.headers().entrySet()) {
          http = http.withHeader(header.getKey(), header.getValue());
        }
        exchange.respond(http);
        return;
      }
      if (state == State.DONE) {
        return;
      }
      state = State.DONE;
      if (reply.isPresent() && stream.isOpen()) {
        stream.send("message", null, JsonRpcCodec.encode(reply.get()));
        stream.close();
        return;
      }
      stream.close();
    }
    reply.ifPresent(
        r -> policy.fallback().ifPresent(s -> s.send("message", null, JsonRpcCodec.encode(r))));
  }

  private void startStream() {
    try {
      stream =
          streams.open(
              exchange,
              policy.headers(),
              opened -> {
                if (primingId != null) {
                  opened.send(null, primingId, "", retryMillis);
                }
              });
    } catch (IOException e) {
      log.debug("Could not start an SSE response: {}", e.toString());
      state = State.DONE;
      policy.clientLeft();
      return;
    }
    state = State.STREAMING;
    stream.onClose(
        () -> {
          boolean early;
          synchronized (this) {
            early = state == State.STREAMING;
          }
          if (early) {
            policy.clientLeft();
          }
        });
  }
}
