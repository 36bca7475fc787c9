package dev.jamfmcp.jamf;

import dev.jamfmcp.jamf.internal.ClientSettings;
import dev.jamfmcp.jamf.internal.SharedResources;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Configures a {@link JamfClient}. Obtain from {@link JamfClient#builder()}. */
public final class JamfClientBuilder {

  private JamfProVersion pinnedVersion;
  private URI baseUrl;
  private Credentials credentials;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ofMinutes(2);
  private int maxConcurrentRequests = 5;
  private int maxRetries = 3;
  private Duration retryBaseDelay = Duration.ofMillis(500);
  private Duration retryMaxDelay = Duration.ofSeconds(20);
  private Duration maxRetryAfter = Duration.ofSeconds(60);
  private int pageSize = 500;
  private long maxResponseBytes = 64L * 1024 * 1024;
  private String userAgent = "jamf-mcp/0.1";
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private JamfRequestListener requestListener = JamfRequestListener.NONE;
  private SharedResources shared;

  JamfClientBuilder() {}

  JamfClientBuilder(ClientSettings s, SharedResources shared) {
    baseUrl = s.baseUrl();
    credentials = s.credentials();
    connectTimeout = s.connectTimeout();
    requestTimeout = s.requestTimeout();
    callTimeout = s.callTimeout();
    maxConcurrentRequests = s.maxConcurrentRequests();
    maxRetries = s.maxRetries();
    retryBaseDelay = s.retryBaseDelay();
    retryMaxDelay = s.retryMaxDelay();
    maxRetryAfter = s.maxRetryAfter();
    pageSize = s.defaultPageSize();
    maxResponseBytes = s.maxResponseBytes();
    userAgent = s.userAgent();
    clock = s.clock();
    sleeper = s.sleeper();
    requestListener = s.requestListener();
    this.shared = shared;
  }

  /** The Jamf Pro URL, e.g. {@code https://example.jamfcloud.com} (required). */
  /**
   * The Jamf Pro version to assume instead of asking the server once ({@code GET
   * /api/v1/jamf-pro-version}) before the first request whose endpoint depends on it (computer
   * inventory v4 or v3, computer groups v3 or v2). For tests and for callers that already know.
   */
  public JamfClientBuilder jamfProVersion(String version) {
    this.pinnedVersion = JamfProVersion.parse(version);
    return this;
  }

  public JamfClientBuilder baseUrl(String url) {
    return baseUrl(URI.create(Objects.requireNonNull(url, "url")));
  }

  public JamfClientBuilder baseUrl(URI url) {
    String scheme = Objects.requireNonNull(url, "url").getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("baseUrl must be http(s): " + url);
    }
    if (!url.equals(baseUrl)) {
      shared = null; // another Jamf instance gets its own limit and cookies
    }
    this.baseUrl = url;
    return this;
  }

  /** Authenticate as an API client (preferred). */
  public JamfClientBuilder clientCredentials(String clientId, String clientSecret) {
    this.credentials = new Credentials.ApiClient(clientId, clientSecret);
    return this;
  }

  /** Authenticate as a Jamf Pro user account. */
  public JamfClientBuilder userAccount(String username, String password) {
    this.credentials = new Credentials.UserAccount(username, password);
    return this;
  }

  public JamfClientBuilder credentials(Credentials value) {
    this.credentials = Objects.requireNonNull(value, "credentials");
    return this;
  }

  /** Time to open a connection (default 10 s). */
  public JamfClientBuilder connectTimeout(Duration value) {
    this.connectTimeout = positive(value, "connectTimeout");
    shared = null;
    return this;
  }

  /** Time for one attempt, headers and body (default 30 s). */
  public JamfClientBuilder requestTimeout(Duration value) {
    this.requestTimeout = positive(value, "requestTimeout");
    return this;
  }

  /** Time for a whole call including retries and waits (default 2 min); per page when paging. */
  public JamfClientBuilder callTimeout(Duration value) {
    this.callTimeout = positive(value, "callTimeout");
    return this;
  }

  /** Requests in flight to this Jamf Pro at most (default 5, as Jamf asks). */
  public JamfClientBuilder maxConcurrentRequests(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
    }
    if (value != maxConcurrentRequests) {
      shared = null;
    }
    this.maxConcurrentRequests = value;
    return this;
  }

  /** Retries of idempotent requests on connection errors, 408, 502, 503, 504 (default 3). */
  public JamfClientBuilder maxRetries(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative");
    }
    this.maxRetries = value;
    return this;
  }

  /** First backoff (default 500 ms) and its cap (default 20 s); jitter is added. */
  public JamfClientBuilder retryBackoff(Duration base, Duration max) {
    this.retryBaseDelay = positive(base, "base");
    this.retryMaxDelay = positive(max, "max");
    return this;
  }

  /** The longest {@code Retry-After} the client honours (default 60 s). */
  public JamfClientBuilder maxRetryAfter(Duration value) {
    this.maxRetryAfter = positive(value, "maxRetryAfter");
    return this;
  }

  /** Default page size for lists (default 500, at most 2000). */
  public JamfClientBuilder pageSize(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
    this.pageSize = Math.min(value, ListQuery.MAX_PAGE_SIZE);
    return this;
  }

  /** The largest answer body accepted (default 64 MiB). */
  public JamfClientBuilder maxResponseBytes(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
    this.maxResponseBytes = value;
    return this;
  }

  public JamfClientBuilder userAgent(String value) {
    this.userAgent = Objects.requireNonNull(value, "userAgent");
    return this;
  }

  /** The clock for token expiry and deadlines (tests). */
  public JamfClientBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /** What waits between retries (tests). */
  public JamfClientBuilder sleeper(Sleeper value) {
    this.sleeper = Objects.requireNonNull(value, "sleeper");
    return this;
  }

  /**
   * Told about every HTTP exchange with Jamf Pro: each attempt of a call, retries included, and
   * each token request (see {@link JamfExchange}); for metrics. Default: none. A variant made with
   * {@link JamfClient#newBuilder()} keeps it unless replaced; tokens shared between variants are
   * reported to the listener of the client that fetched them.
   */
  public JamfClientBuilder requestListener(JamfRequestListener value) {
    this.requestListener = Objects.requireNonNull(value, "requestListener");
    return this;
  }

  public JamfClient build() {
    if (baseUrl == null) {
      throw new IllegalStateException("baseUrl is required");
    }
    if (credentials == null) {
      throw new IllegalStateException(
          "credentials are required: clientCredentials(..) or userAccount(..)");
    }
    ClientSettings settings =
        new ClientSettings(
            baseUrl,
            credentials,
            connectTimeout,
            requestTimeout,
            callTimeout,
            maxConcurrentRequests,
            maxRetries,
            retryBaseDelay,
            retryMaxDelay,
            maxRetryAfter,
            pageSize,
            maxResponseBytes,
            userAgent,
            clock,
            sleeper,
            requestListener);
    if (shared == null) {
      shared = newShared();
    }
    if (pinnedVersion != null) {
      shared.serverVersion().pin(pinnedVersion);
    }
    return new JamfClient(settings, shared);
  }

  private SharedResources newShared() {
    HttpClient http =
        HttpClient.newBuilder()
            // HTTP/1.1: one connection per in-flight request, which is what Jamf's limit counts.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            // Replays Jamf Cloud's sticky cookies (jpro-ingress, APBALANCEID, JSESSIONID).
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    AtomicInteger n = new AtomicInteger();
    // One page thread for every page a listing fetches ahead: the permits stay in use while
    // pages are parsed.
    int pageThreads = SharedResources.pagesAhead(maxConcurrentRequests);
    ThreadPoolExecutor pages =
        new ThreadPoolExecutor(
            pageThreads,
            pageThreads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "jamf-pages-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pages.allowCoreThreadTimeOut(true);
    return new SharedResources(http, new Semaphore(maxConcurrentRequests, true), pages);
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
