package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.cluster.MessageRouting;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * This instance's side of {@link MessageRouting}: which keys it holds (known locally, so a message
 * for a key held here never asks the store), claims and releases in the store, renewal of the
 * claims that live long (legacy streams, long calls), and the envelope a forwarded message travels
 * in.
 *
 * <p>A request being served is held locally at once but claimed in the store only once it has run
 * for {@link #CANCEL_ROUTE_AFTER}: most requests end sooner, and a cancellation of a request that
 * has ended has nothing to cancel, so quick calls never touch the store.
 */
public final class Router implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Router.class);
  static final Duration CLAIM_TTL = Duration.ofMinutes(5);
  static final Duration RENEW_EVERY = Duration.ofMinutes(1);
  static final Duration CANCEL_ROUTE_AFTER = Duration.ofMillis(500);

  /** When a cancellation nobody held yet is forwarded again (see {@link #forwardCancelLater}). */
  private static final long[] CANCEL_RETRY_MILLIS = {
    CANCEL_ROUTE_AFTER.toMillis() + 250, CANCEL_ROUTE_AFTER.toMillis() * 3
  };

  /** What forwarding did. */
  public enum Outcome {
    DELIVERED,
    NO_HOLDER,
    STORE_UNAVAILABLE
  }

  /** What kind of message an envelope carries. */
  public enum Kind {
    /** A response to a server-to-client request of a Streamable HTTP session. */
    ANSWER,
    /** {@code notifications/cancelled} for a request of a Streamable HTTP session. */
    CANCEL,
    /** A legacy {@code /messages} POST body. */
    LEGACY
  }

  /** A forwarded message: the session it is for, who sent it, and the message text. */
  public record Envelope(Kind kind, String session, Principal principal, String body) {}

  private final MessageRouting routing;
  private final Set<String> local = ConcurrentHashMap.newKeySet();
  private final Set<String> shared = ConcurrentHashMap.newKeySet();
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  /** Claims in the store and their renewal; null when the routing crosses no instances. */
  private final ScheduledExecutorService scheduler;

  public Router(MessageRouting routing) {
    this.routing = routing;
    if (!routing.crossesInstances()) {
      // One instance: what is held here is all there is, so the store is never asked.
      this.scheduler = null;
      return;
    }
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "mcp-routing");
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
    this.scheduler = pool;
    var unused =
        scheduler.scheduleAtFixedRate(
            this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Where forwarded messages for this instance go; called once by the transport. */
  public void receive(Consumer<Envelope> receiver) {
    routing.onForwarded(
        (key, bytes) -> {
          Envelope envelope = decode(bytes);
          if (envelope == null) {
            log.warn("Dropped a malformed forwarded message");
            return;
          }
          try {
            receiver.accept(envelope);
          } catch (RuntimeException e) {
            log.warn("A forwarded {} message failed", envelope.kind(), e);
          }
        });
  }

  /** Holds {@code key} here and claims it in the store now (a server request about to go out). */
  public void claim(String key) {
    local.add(key);
    if (scheduler != null) {
      claimShared(key);
    }
  }

  /** Holds {@code key} here now, and claims it in the store if still held after a moment. */
  public void claimSoon(String key) {
    local.add(key);
    if (scheduler == null) {
      return;
    }
    try {
      pending.put(
          key,
          scheduler.schedule(
              () -> {
                pending.remove(key);
                if (local.contains(key)) {
                  claimShared(key);
                }
              },
              CANCEL_ROUTE_AFTER.toMillis(),
              TimeUnit.MILLISECONDS));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // shutting down: held locally only
    }
  }

  /** Stops holding {@code key}, here and in the store. */
  public void release(String key) {
    local.remove(key);
    ScheduledFuture<?> later = pending.remove(key);
    if (later != null) {
      later.cancel(false);
    }
    if (shared.remove(key)) {
      try {
        routing.release(key);
      } catch (RuntimeException e) {
        log.debug("Could not release a routing key (it expires by itself): {}", e.toString());
      }
    }
  }

  /** Whether this instance holds {@code key}. */
  public boolean holds(String key) {
    return local.contains(key);
  }

  /** Forwards a message to the instance that holds {@code key}. */
  public Outcome forward(String key, Envelope envelope) {
    if (scheduler == null) {
      return Outcome.NO_HOLDER; // one instance: nobody else holds anything
    }
    try {
      return routing.forward(key, encode(envelope)) ? Outcome.DELIVERED : Outcome.NO_HOLDER;
    } catch (RuntimeException e) {
      log.warn("Could not forward a {} message to its instance: {}", envelope.kind(), e.toString());
      return Outcome.STORE_UNAVAILABLE;
    }
  }

  /**
   * Forwards a cancellation again a little later, when no instance held its request yet: the
   * request may have started on another instance less than {@link #CANCEL_ROUTE_AFTER} ago, before
   * that instance claims it. Tried twice, after the claim delay and once more; a request that has
   * ended by then has nothing to cancel.
   */
  public void forwardCancelLater(String key, Envelope envelope) {
    if (scheduler == null) {
      return;
    }
    scheduleCancelRetry(key, envelope, 0);
  }

  private void scheduleCancelRetry(String key, Envelope envelope, int attempt) {
    if (attempt >= CANCEL_RETRY_MILLIS.length) {
      return;
    }
    try {
      var unused =
          scheduler.schedule(
              () -> {
                if (holds(key)) {
                  return; // it runs here after all: the local handling already saw it
                }
                if (forward(key, envelope) == Outcome.NO_HOLDER) {
                  scheduleCancelRetry(key, envelope, attempt + 1);
                }
              },
              CANCEL_RETRY_MILLIS[attempt],
              TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // shutting down: nothing left to cancel here
    }
  }

  private void claimShared(String key) {
    try {
      routing.claim(key, CLAIM_TTL);
      shared.add(key);
      if (!local.contains(key) && shared.remove(key)) {
        routing.release(key); // released while the claim was on its way
      }
    } catch (RuntimeException e) {
      log.warn(
          "Could not record where a message of this instance is held (answers or messages that"
              + " reach another instance are lost until the store is back): {}",
          e.toString());
    }
  }

  // Claims expire unless renewed, so keys of an instance that died go by themselves.
  private void renew() {
    for (String key : shared) {
      if (!local.contains(key)) {
        continue;
      }
      try {
        routing.claim(key, CLAIM_TTL);
      } catch (RuntimeException e) {
        log.debug("Could not renew a routing key: {}", e.toString());
      }
    }
    // Keys whose first claim failed (the store was away) are claimed again now.
    for (String key : local) {
      if (!shared.contains(key) && !pending.containsKey(key)) {
        claimShared(key);
      }
    }
  }

  static byte[] encode(Envelope envelope) {
    ObjectNode node = Json.object();
    node.put("kind", envelope.kind().name());
    node.put("session", envelope.session());
    ObjectNode principal = node.putObject("principal");
    principal.put("subject", envelope.principal().subject());
    new TreeSet<>(envelope.principal().scopes()).forEach(principal.putArray("scopes")::add);
    ObjectNode attributes = principal.putObject("attributes");
    new TreeMap<>(envelope.principal().attributes()).forEach(attributes::put);
    node.put("body", envelope.body());
    return Json.mapper().writeValueAsBytes(node);
  }

  static Envelope decode(byte[] bytes) {
    try {
      JsonNode node = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
      JsonNode p = node.get("principal");
      Set<String> scopes = new TreeSet<>();
      p.get("scopes").forEach(s -> scopes.add(s.stringValue()));
      Map<String, String> attributes = new TreeMap<>();
      p.get("attributes")
          .properties()
          .forEach(e -> attributes.put(e.getKey(), e.getValue().stringValue()));
      return new Envelope(
          Kind.valueOf(node.get("kind").stringValue()),
          node.get("session").stringValue(),
          new Principal(p.get("subject").stringValue(), scopes, attributes),
          node.get("body").stringValue());
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    for (String key : shared) {
      release(key);
    }
    local.clear();
  }
}
