package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Cancellation;
import dev.jamfmcp.mcp.SessionState;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The mutable side of one session: its state, the requests it is serving (for cancellation) and the
 * requests it sent to the client (waiting for their responses).
 */
public final class SessionRuntime {
  /** Bytes of randomness in a server-to-client request id: 128 bits. */
  static final int OUTBOUND_ID_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final AtomicReference<SessionState> state;
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaitingClient = new ConcurrentHashMap<>();

  /** A request being served: its cancellation signal and, once submitted, its task. */
  static final class InFlight {
    final Cancellation cancellation = new Cancellation();
    volatile Future<?> task;
  }

  private final String key;

  public SessionRuntime(SessionState initial) {
    this(initial, null);
  }

  /**
   * @param key what names this session across instances (the Streamable HTTP session id), or null
   *     for a session that stands for one stateless request
   */
  public SessionRuntime(SessionState initial, String key) {
    this.state = new AtomicReference<>(initial);
    this.key = key;
  }

  /** The session's name across instances, or null (a stateless request). */
  public String key() {
    return key;
  }

  public SessionState state() {
    return state.get();
  }

  void update(SessionState next) {
    state.set(next);
  }

  /** Moves an uninitialized session to {@code next}; false if it was initialized already. */
  boolean initialize(SessionState next) {
    while (true) {
      SessionState current = state.get();
      if (current.isInitialized()) {
        return false;
      }
      if (state.compareAndSet(current, next)) {
        return true;
      }
    }
  }

  /** Registers a request; null if a request with the same id is already in flight. */
  InFlight begin(JsonNode id) {
    InFlight entry = new InFlight();
    return inFlight.putIfAbsent(key(id), entry) == null ? entry : null;
  }

  void end(JsonNode id, InFlight entry) {
    inFlight.remove(key(id), entry);
  }

  /** Cancels the request with this id, if it is still running. */
  void cancel(JsonNode id, String reason) {
    InFlight entry = inFlight.get(key(id));
    if (entry != null && entry.cancellation.cancel(reason)) {
      Future<?> task = entry.task;
      if (task != null) {
        task.cancel(true);
      }
    }
  }

  /** Cancels everything: the connection is gone or the server is stopping. */
  public void cancelAll(String reason) {
    inFlight
        .keySet()
        .forEach(
            k -> {
              InFlight entry = inFlight.get(k);
              if (entry != null && entry.cancellation.cancel(reason) && entry.task != null) {
                entry.task.cancel(true);
              }
            });
    awaitingClient.values().forEach(f -> f.cancel(false));
    awaitingClient.clear();
  }

  int inFlightCount() {
    return inFlight.size();
  }

  /** Server-to-client requests of this session waiting for their answer. */
  int awaitingClientCount() {
    return awaitingClient.size();
  }

  /**
   * A fresh id for a server-to-client request, and the future its response completes. The id is 128
   * random bits (URL-safe base64), never a counter: instances serving one session (sharing the
   * session key) each send their own requests, and a counter would give two of them the same id, so
   * an answer meant for one could complete the other's request.
   */
  String awaitClient(CompletableFuture<JsonNode> future) {
    String id;
    do {
      id = newOutboundId();
    } while (awaitingClient.putIfAbsent("s:" + id, future) != null);
    String key = "s:" + id;
    future.whenComplete((r, e) -> awaitingClient.remove(key, future));
    return id;
  }

  static String newOutboundId() {
    byte[] bytes = new byte[OUTBOUND_ID_BYTES];
    RANDOM.nextBytes(bytes);
    return URL_SAFE.encodeToString(bytes);
  }

  /**
   * Delivers a client's response to the request of this session it answers; false, and nothing
   * delivered, if this session has no such request waiting (an id it never sent, one already
   * answered or given up, or one another instance sent).
   */
  boolean completeClientRequest(JsonNode id, JsonNode result, JsonRpcError error) {
    CompletableFuture<JsonNode> future = id == null ? null : awaitingClient.remove(key(id));
    if (future == null) {
      return false;
    }
    if (error != null) {
      future.completeExceptionally(new ClientErrorException(error));
    } else {
      future.complete(result);
    }
    return true;
  }

  /** Ids are compared by value and kind: the string "1" and the number 1 are different ids. */
  static String key(JsonNode id) {
    return id.isString() ? "s:" + id.stringValue() : "n:" + id.bigIntegerValue();
  }

  /** The client answered a server request with an error. */
  public static final class ClientErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonRpcError error;

    ClientErrorException(JsonRpcError error) {
      super(
          "client answered with error " + error.code() + ": " + error.message(),
          null,
          false,
          false);
      this.error = error;
    }

    public JsonRpcError error() {
      return error;
    }
  }
}
