package dev.jamfmcp.simulator.http;

/**
 * A test hook: code the simulator runs inside each Jamf API request that needs a bearer token, at a
 * chosen point, so that a test can stage a race (hold requests on a latch, revoke tokens while they
 * are in flight) without sleeping or relying on thread timing. Set it with {@code
 * SimulatedJamfPro.onRequest}; it runs on the server's request threads and may block.
 */
@FunctionalInterface
public interface RequestHook {

  /** The hook that does nothing. */
  RequestHook NONE = (point, request) -> {};

  /** Where in the request the hook runs. */
  enum Point {
    /** Before the bearer token is checked: a token revoked here refuses this request. */
    BEFORE_TOKEN_CHECK,
    /** After the token was accepted, before the route answers. */
    AFTER_TOKEN_CHECK
  }

  /**
   * What a hook sees of a request.
   *
   * @param page the {@code page} query parameter of a listing, -1 when there is none
   */
  record Seen(String method, String path, int page) {}

  void at(Point point, Seen request) throws Exception;
}
