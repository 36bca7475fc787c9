package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.JamfExchange;
import dev.jamfmcp.jamf.JamfRequestListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bottom of the chain: one exchange on java.net.http. The timeout covers headers and body
 * (java.net.http's own request timeout stops counting once headers arrive, so a body that stalls
 * would otherwise hang the caller). Each exchange is reported to the {@link JamfRequestListener}.
 */
final class HttpSender implements Layer.Next {

  private static final Logger log = LoggerFactory.getLogger(HttpSender.class);

  private final HttpClient http;
  private final URI baseUrl;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final String userAgent;
  private final Clock clock;
  private final JamfRequestListener listener;
  private final PageBuffers pages;

  HttpSender(
      HttpClient http,
      URI baseUrl,
      Duration requestTimeout,
      long maxResponseBytes,
      String userAgent,
      Clock clock,
      JamfRequestListener listener,
      PageBuffers pages) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.userAgent = userAgent;
    this.clock = clock;
    this.listener = listener;
    this.pages = pages;
  }

  @Override
  public JamfResponse send(JamfRequest request) throws IOException {
    // A call whose deadline already passed sends nothing, so there is no exchange to report.
    Duration timeout = attemptTimeout(request.deadline());
    int attempt = request.nextAttempt();
    long started = System.nanoTime();
    try {
      JamfResponse response = exchange(request, timeout);
      report(request, response.status(), null, started, attempt);
      return response;
    } catch (IOException e) {
      report(request, 0, failureKind(e), started, attempt);
      throw e;
    }
  }

  private void report(
      JamfRequest request, int status, String failure, long startedNanos, int attempt) {
    Endpoint endpoint = request.endpoint();
    try {
      listener.exchanged(
          new JamfExchange(
              endpoint.method(),
              endpoint.template(),
              status,
              failure,
              Duration.ofNanos(System.nanoTime() - startedNanos),
              attempt));
    } catch (RuntimeException e) {
      log.warn("The Jamf request listener failed on {}; ignored", endpoint, e);
    }
  }

  static String failureKind(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return JamfExchange.CONNECT_TIMEOUT;
    }
    if (e instanceof HttpTimeoutException) {
      return JamfExchange.TIMEOUT;
    }
    if (e instanceof BoundedBodySubscriber.ResponseTooLargeException) {
      return JamfExchange.TOO_LARGE;
    }
    if (e instanceof InterruptedIOException) {
      return JamfExchange.INTERRUPTED;
    }
    return JamfExchange.IO_ERROR;
  }

  private JamfResponse exchange(JamfRequest request, Duration timeout) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(resolve(request)).timeout(timeout).header("User-Agent", userAgent);
    request.headers().forEach(builder::header);
    if (request.body() != null) {
      builder.header("Content-Type", request.contentType());
      builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    PageBuffers pool = request.pooledBody() ? pages : null;
    CompletableFuture<HttpResponse<PooledBodySubscriber.Body>> future =
        http.sendAsync(builder.build(), info -> subscriber(info.statusCode(), pool));
    try {
      HttpResponse<PooledBodySubscriber.Body> response =
          future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      PooledBodySubscriber.Body body = response.body();
      return new JamfResponse(
          response.statusCode(),
          response.headers().map(),
          body.bytes(),
          body.length(),
          body.release());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for Jamf Pro");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "request failed" : cause.getMessage(), cause);
    }
  }

  /** A pooled array for a successful page, an array of its own for anything else. */
  private HttpResponse.BodySubscriber<PooledBodySubscriber.Body> subscriber(
      int status, PageBuffers pool) {
    if (pool != null && status / 100 == 2) {
      return new PooledBodySubscriber(maxResponseBytes, pool);
    }
    return HttpResponse.BodySubscribers.mapping(
        new LimitedBodySubscriber(maxResponseBytes), PooledBodySubscriber.Body::of);
  }

  private Duration attemptTimeout(Instant deadline) throws HttpTimeoutException {
    if (deadline == null) {
      return requestTimeout;
    }
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new HttpTimeoutException("call deadline passed");
    }
    return left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
  }

  private URI resolve(JamfRequest request) {
    String base = baseUrl.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String url = base + request.pathAndQuery();
    if (url.length() > Transport.MAX_URL_LENGTH) {
      // A programming error, not a Jamf one: lists of values must be split (Transport.listAnyIn).
      throw new IllegalStateException(
          request.operation()
              + ": request URL of "
              + url.length()
              + " characters exceeds "
              + Transport.MAX_URL_LENGTH);
    }
    return URI.create(url);
  }
}
