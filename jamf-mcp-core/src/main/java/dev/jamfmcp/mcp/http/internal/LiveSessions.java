package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.McpSession;
import dev.jamfmcp.mcp.cluster.EndedSessions;
import dev.jamfmcp.mcp.http.SessionListener;
import dev.jamfmcp.mcp.http.SessionListener.Reason;
import dev.jamfmcp.mcp.http.SseStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP sessions this instance is serving, and the ids it has revoked.
 *
 * <p>The signed id is the session's truth; this map only keeps what cannot travel in a header: the
 * engine session with its in-flight requests (for {@code notifications/cancelled} and responses to
 * server requests), the open GET stream, and when the session was last used. Both maps are bounded
 * and expire idle entries, so no client can grow them without limit.
 *
 * <p>Revocation (DELETE) is recorded in {@link EndedSessions} for one idle window, which outlives
 * every id issued before it: in memory, this instance only; shared (Redis), every instance sharing
 * it. Each request asks only this instance's view of it, never the shared store.
 */
public final class LiveSessions {
  private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

  /** One session as this instance knows it. */
  public static final class Live {
    final String id;
    final String subjectHash;
    final McpSession session;
    volatile long lastSeenMillis;
    volatile SseStream getStream;

    Live(String id, String subjectHash, McpSession session, long now) {
      this.id = id;
      this.subjectHash = subjectHash;
      this.session = session;
      this.lastSeenMillis = now;
    }

    public McpSession session() {
      return session;
    }

    /** The session's open GET stream, if any. */
    public Optional<SseStream> getStream() {
      SseStream stream = getStream;
      return stream != null && stream.isOpen() ? Optional.of(stream) : Optional.empty();
    }
  }

  private final McpServer server;
  private final Clock clock;
  private final Duration idleTimeout;
  private final int maxSessions;
  private final EndedSessions ended;
  private final Map<String, Live> live = new ConcurrentHashMap<>();
  private final SessionListener listener;

  public LiveSessions(
      McpServer server,
      Clock clock,
      Duration idleTimeout,
      int maxSessions,
      EndedSessions ended,
      SessionListener listener) {
    this.server = server;
    this.listener = listener;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.maxSessions = maxSessions;
    this.ended = ended;
  }

  /** Registers a session that was just initialized here. */
  public Live register(String id, String subjectHash, McpSession session) {
    makeRoom();
    Live entry = new Live(id, subjectHash, session, clock.millis());
    live.put(id, entry);
    return entry;
  }

  /**
   * The live session an id names, resumed from its claims if this instance has not seen it (or
   * forgot it); empty if the id is revoked, expired, or belongs to someone else.
   */
  public Optional<Live> resolve(SessionClaims claims, String subjectHash) {
    long now = clock.millis();
    if (!claims.subjectHash().equals(subjectHash)) {
      return Optional.empty();
    }
    Live known = live.get(claims.sessionId());
    if (ended.isEnded(claims.sessionId())) {
      if (known != null) {
        end(known, Reason.DELETED); // by a DELETE on another instance
      }
      return Optional.empty();
    }
    long lastSeen = Math.max(claims.issuedAtMillis(), known == null ? 0 : known.lastSeenMillis);
    if (now - lastSeen > idleTimeout.toMillis()) {
      if (known != null) {
        end(known, Reason.EXPIRED);
      }
      return Optional.empty();
    }
    if (known == null) {
      makeRoom();
      known =
          live.computeIfAbsent(
              claims.sessionId(),
              id ->
                  new Live(
                      id, claims.subjectHash(), server.resumeSession(claims.state(), id), now));
    }
    known.lastSeenMillis = now;
    return Optional.of(known);
  }

  /** The session with this id if this instance serves it now (no resuming, no checks). */
  public Optional<Live> local(String sessionId) {
    return Optional.ofNullable(live.get(sessionId));
  }

  /** Attaches a new GET stream, closing the one it replaces (a reconnecting client). */
  public void attachStream(Live session, SseStream stream) {
    SseStream previous = session.getStream;
    session.getStream = stream;
    stream.onClose(
        () -> {
          if (session.getStream == stream) {
            session.getStream = null;
          }
        });
    if (previous != null) {
      previous.close();
    }
  }

  /**
   * Ends a session for good: DELETE. Later use of its id is 404, on every instance sharing the
   * record of ended sessions.
   *
   * @throws RuntimeException if the end cannot be recorded; the session then goes on
   */
  public void revoke(Live session) {
    ended.end(session.id, clock.instant().plus(idleTimeout));
    end(session, Reason.DELETED);
    server.sessionEnded(session.id);
  }

  /**
   * Drops expired sessions, and sessions a DELETE on another instance ended (closing their GET
   * streams); called periodically.
   */
  public void sweep() {
    long cutoff = clock.millis() - idleTimeout.toMillis();
    live.values().stream()
        .filter(s -> s.lastSeenMillis < cutoff)
        .forEach(s -> end(s, Reason.EXPIRED));
    live.values().stream().filter(s -> ended.isEnded(s.id)).forEach(s -> end(s, Reason.DELETED));
  }

  /** Cancels everything in flight on every session (shutdown), keeping the sessions. */
  public void cancelAll(String reason) {
    live.values().forEach(s -> s.session.cancelAll(reason));
  }

  /** Ends every session (the transport is closing). */
  public void endAll() {
    live.values().forEach(s -> end(s, Reason.SHUTDOWN));
  }

  public int size() {
    return live.size();
  }

  private void end(Live session, Reason reason) {
    boolean removed = live.remove(session.id, session);
    session.session.cancelAll(cancelReason(reason));
    SseStream stream = session.getStream;
    if (stream != null) {
      stream.close();
    }
    if (removed) {
      try {
        listener.sessionEnded(session.id, reason);
      } catch (RuntimeException e) {
        log.warn("The session listener failed on a session that ended ({})", reason, e);
      }
    }
  }

  private static String cancelReason(Reason reason) {
    return switch (reason) {
      case DELETED -> "session deleted";
      case EXPIRED -> "session expired";
      case EVICTED -> "too many sessions";
      case SHUTDOWN -> "the server is shutting down";
    };
  }

  private void makeRoom() {
    while (live.size() >= maxSessions) {
      live.values().stream()
          .min(Comparator.comparingLong(s -> s.lastSeenMillis))
          .ifPresent(s -> end(s, Reason.EVICTED));
    }
  }
}
