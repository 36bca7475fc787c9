package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
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

/**
 * The bottom of the chain: one exchange on java.net.http. The timeout covers headers and body
 * (java.net.http's own request timeout stops counting once headers arrive, so a body that stalls
 * would otherwise hang the caller).
 */
final class HttpSender implements Layer.Next {

  private final HttpClient http;
  private final URI baseUrl;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final String userAgent;
  private final Clock clock;

  HttpSender(
      HttpClient http,
      URI baseUrl,
      Duration requestTimeout,
      long maxResponseBytes,
      String userAgent,
      Clock clock) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.userAgent = userAgent;
    this.clock = clock;
  }

  @Override
  public JamfResponse send(JamfRequest request) throws IOException {
    Duration timeout = attemptTimeout(request.deadline());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(resolve(request)).timeout(timeout).header("User-Agent", userAgent);
    request.headers().forEach(builder::header);
    if (request.body() != null) {
      builder.header("Content-Type", request.contentType());
      builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(builder.build(), info -> new LimitedBodySubscriber(maxResponseBytes));
    try {
      HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new JamfResponse(response.statusCode(), response.headers().map(), response.body());
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
    return URI.create(base + request.pathAndQuery());
  }
}
