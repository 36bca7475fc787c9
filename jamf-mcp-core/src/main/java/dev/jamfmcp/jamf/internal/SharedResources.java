package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.Credentials;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * What a client and its {@code newBuilder()} variants share: connection pool and cookie store, the
 * request limit of the Jamf Pro instance, the page threads, and the cached tokens (one per set of
 * credentials, so a variant with a longer timeout does not authenticate again).
 */
public final class SharedResources {

  private final HttpClient http;
  private final Semaphore permits;
  private final ExecutorService pageExecutor;
  private final PageBuffers pageBuffers;
  private final Map<TokenKey, TokenCache> tokens = new ConcurrentHashMap<>();
  private final ServerVersion serverVersion = new ServerVersion();

  private record TokenKey(Credentials credentials, Clock clock) {}

  public SharedResources(HttpClient http, Semaphore permits, ExecutorService pageExecutor) {
    this(http, permits, pageExecutor, new PageBuffers(2 * Math.max(1, permits.availablePermits())));
  }

  public SharedResources(
      HttpClient http, Semaphore permits, ExecutorService pageExecutor, PageBuffers pageBuffers) {
    this.http = http;
    this.permits = permits;
    this.pageExecutor = pageExecutor;
    this.pageBuffers = pageBuffers;
  }

  /**
   * Page threads, and pages a listing fetches ahead of its consumer, for a request limit: twice the
   * limit (at most {@code Integer.MAX_VALUE}), since a page thread parses its page after giving its
   * request permit back (see {@code PageIterator}).
   */
  public static int pagesAhead(int maxConcurrentRequests) {
    return (int) Math.min(Integer.MAX_VALUE, 2L * maxConcurrentRequests);
  }

  /** The arrays listing pages are received into and parsed from. */
  public PageBuffers pageBuffers() {
    return pageBuffers;
  }

  public HttpClient http() {
    return http;
  }

  public Semaphore permits() {
    return permits;
  }

  public ExecutorService pageExecutor() {
    return pageExecutor;
  }

  /** The Jamf Pro version, read once for the client and its variants (the same server). */
  public ServerVersion serverVersion() {
    return serverVersion;
  }

  TokenCache tokenCache(Credentials credentials, Clock clock, Supplier<TokenCache> create) {
    return tokens.computeIfAbsent(new TokenKey(credentials, clock), key -> create.get());
  }
}
