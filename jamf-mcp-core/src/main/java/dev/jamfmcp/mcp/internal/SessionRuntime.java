package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Cancellation;
import dev.jamfmcp.mcp.SessionState;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The mutable side of one session: its state, the requests it is serving (for cancellation) and the
 * requests it sent to the client (waiting for their responses).
 */
public final class SessionRuntime {
  private final AtomicReference<SessionState> state;
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaitingClient = new ConcurrentHashMap<>();
  private final AtomicLong nextOutboundId = new AtomicLong(1);

  /** A request being served: its cancellation signal and, once submitted, its task. */
  static final class InFlight {
    final Cancellation cancellation = new Cancellation();
    volatile Future<?> task;
  }

  public SessionRuntime(SessionState initial) {
    this.state = new AtomicReference<>(initial);
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

  /** A fresh id for a server-to-client request, and the future its response completes. */
  String awaitClient(CompletableFuture<JsonNode> future) {
    String id = "srv-" + nextOutboundId.getAndIncrement();
    awaitingClient.put("s:" + id, future);
    future.whenComplete((r, e) -> awaitingClient.remove("s:" + id));
    return id;
  }

  /** Delivers a client's response; false if nothing was waiting for that id. */
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
