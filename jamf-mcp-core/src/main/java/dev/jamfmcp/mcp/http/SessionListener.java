package dev.jamfmcp.mcp.http;

/**
 * Told when a Streamable HTTP session this instance holds in memory ends, and why, e.g. to log it.
 * Called on the thread that ended it (a request, the idle sweeper, or shutdown); it should return
 * quickly. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface SessionListener {
  /** Listens to nothing (the default). */
  SessionListener NONE = (sessionId, reason) -> {};

  /** Why a session ended on this instance. */
  enum Reason {
    /** The client sent DELETE; its id is refused from now on. */
    DELETED,
    /** Unused for longer than the idle timeout; its id is refused from now on. */
    EXPIRED,
    /** Dropped from memory to make room ({@code maxSessions}); its signed id can resume it. */
    EVICTED,
    /** The transport was closed (server shutdown). */
    SHUTDOWN
  }

  /**
   * @param sessionId the session's stable id: the same for every {@code Mcp-Session-Id} the session
   *     is given (the {@code s} claim of a signed id)
   */
  void sessionEnded(String sessionId, Reason reason);
}
