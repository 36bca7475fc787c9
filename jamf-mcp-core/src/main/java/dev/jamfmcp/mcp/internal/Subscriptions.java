package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Cancellation;
import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.MessageSink;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The open {@code subscriptions/listen} streams of one server (2026-07-28), and what they hear.
 *
 * <p>A listen is a request that stays in flight: its acknowledgement goes to the caller's related
 * sink first, then the change notifications it asked for, each tagged with its subscription id (the
 * listen request's id). It ends in one of two ways: cancelled (the client closed the stream, or
 * sent {@code notifications/cancelled} over stdio), with no reply; or torn down by the server
 * (shutdown), with a result. Nothing is kept per client beyond the open streams themselves, so any
 * instance can serve any listen.
 *
 * <p>Limits: at most {@code maxTotal} listens per server and {@code maxPerPrincipal} per principal
 * subject, so that a client cannot pin unbounded memory.
 */
final class Subscriptions {
  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

  private final int maxTotal;
  private final int maxPerPrincipal;
  private final Executor delivery;
  private final Set<Listener> open = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> perPrincipal = new ConcurrentHashMap<>();
  private final Object countLock = new Object();
  private int total;

  Subscriptions(int maxTotal, int maxPerPrincipal, Executor delivery) {
    this.maxTotal = maxTotal;
    this.maxPerPrincipal = maxPerPrincipal;
    this.delivery = delivery;
  }

  /** One open listen. */
  private final class Listener {
    final JsonNode id;
    final Shapes.Filter filter;
    final MessageSink sink;
    final SessionRuntime session;
    final String subject;
    final Function<JsonNode, JsonRpcMessage> closing;
    final Runnable onEnd;
    final CompletableFuture<Optional<JsonRpcMessage>> reply = new CompletableFuture<>();
    private boolean active = true;

    Listener(
        JsonNode id,
        Shapes.Filter filter,
        MessageSink sink,
        SessionRuntime session,
        String subject,
        Function<JsonNode, JsonRpcMessage> closing,
        Runnable onEnd) {
      this.id = id;
      this.filter = filter;
      this.sink = sink;
      this.session = session;
      this.subject = subject;
      this.closing = closing;
      this.onEnd = onEnd;
    }

    /** Sends one notification unless the listen has ended; one send at a time per listen. */
    synchronized void deliver(JsonRpcMessage message) {
      if (active) {
        sink.send(message);
      }
    }

    /** Ends the listen once: with the closing result (graceful) or with no reply (cancelled). */
    void end(boolean graceful) {
      synchronized (this) {
        if (!active) {
          return;
        }
        active = false;
      }
      open.remove(this);
      release(subject);
      onEnd.run();
      reply.complete(graceful ? Optional.of(closing.apply(id)) : Optional.empty());
    }
  }

  /**
   * Opens a listen: reserves a place, sends the acknowledgement, and returns the future of the
   * reply, which completes when the listen ends. Throws {@link McpError} (nothing is held) when a
   * limit is reached.
   */
  CompletableFuture<Optional<JsonRpcMessage>> listen(
      JsonNode id,
      Shapes.Filter granted,
      MessageSink sink,
      SessionRuntime session,
      String subject,
      Cancellation cancellation,
      Function<JsonNode, JsonRpcMessage> closing,
      Runnable onEnd) {
    reserve(subject);
    Listener listener = new Listener(id, granted, sink, session, subject, closing, onEnd);
    // Registered and acknowledged under the listener's lock: no notification can precede the ack.
    synchronized (listener) {
      open.add(listener);
      try {
        sink.send(Shapes.acknowledged(id, granted));
      } catch (RuntimeException e) {
        log.debug("Could not acknowledge a subscription: {}", e.toString());
        cancellation.cancel("the acknowledgement could not be sent");
      }
    }
    cancellation.onCancel(() -> listener.end(false));
    return listener.reply;
  }

  private void reserve(String subject) {
    synchronized (countLock) {
      if (total >= maxTotal) {
        throw busy(
            "Too many subscriptions/listen streams are open on this server (limit "
                + maxTotal
                + "); retry later");
      }
      int mine = perPrincipal.getOrDefault(subject, 0);
      if (mine >= maxPerPrincipal) {
        throw busy(
            "Too many subscriptions/listen streams are open for this principal (limit "
                + maxPerPrincipal
                + "); close one before opening another");
      }
      perPrincipal.put(subject, mine + 1);
      total++;
    }
  }

  private void release(String subject) {
    synchronized (countLock) {
      total--;
      perPrincipal.computeIfPresent(subject, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private static McpError busy(String message) {
    return new McpError(JsonRpcError.of(ErrorCodes.SERVER_BUSY, message));
  }

  /** A list changed: every listen that asked for it hears {@code method}. */
  void listChanged(Registry.Kind kind) {
    String method = Shapes.listChangedMethod(kind);
    publish(l -> l.filter.wants(kind), id -> Shapes.subscriptionNotification(method, null, id));
  }

  /** One principal's tool list changed (it switched toolsets): only its own listens hear it. */
  void toolsChangedFor(String subject) {
    String method = Shapes.listChangedMethod(Registry.Kind.TOOLS);
    publish(
        l -> l.filter.wants(Registry.Kind.TOOLS) && l.subject.equals(subject),
        id -> Shapes.subscriptionNotification(method, null, id));
  }

  /** A resource changed: every listen subscribed to its URI hears {@code resources/updated}. */
  void resourceUpdated(String uri) {
    ObjectNode params = dev.jamfmcp.mcp.jsonrpc.Json.object().put("uri", uri);
    publish(
        l -> l.filter.resourceUris().contains(uri),
        id -> Shapes.subscriptionNotification("notifications/resources/updated", params, id));
  }

  // Delivered off the caller's thread: a change made by the application must not wait on a slow
  // client's socket.
  private void publish(Predicate<Listener> wants, Function<JsonNode, JsonRpcMessage> message) {
    for (Listener listener : open) {
      if (!wants.test(listener)) {
        continue;
      }
      JsonRpcMessage notification = message.apply(listener.id);
      try {
        delivery.execute(() -> deliverQuietly(listener, notification));
      } catch (RejectedExecutionException e) {
        deliverQuietly(listener, notification);
      }
    }
  }

  private static void deliverQuietly(Listener listener, JsonRpcMessage notification) {
    try {
      listener.deliver(notification);
    } catch (RuntimeException e) {
      log.debug("A subscription notification could not be delivered: {}", e.toString());
    }
  }

  /** Ends the listens of one session gracefully (each gets its closing result). */
  void endSession(SessionRuntime session) {
    for (Listener listener : open) {
      if (listener.session == session) {
        listener.end(true);
      }
    }
  }

  /** Ends every listen gracefully: the server is stopping. */
  void endAll() {
    open.forEach(l -> l.end(true));
  }

  int openCount() {
    return open.size();
  }
}
