package dev.jamfmcp.jamf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that plays Jamf's token endpoint by itself (tokens "tok-1", "tok-2",
 * ...) and answers every other request from a queue or a handler, recording them.
 */
final class FakeJamf extends Dispatcher {

  static final String CLIENT_ID = "client-1234";
  static final String SECRET = "S3cr3t-d0-n0t-l0g";

  final AtomicInteger tokenRequests = new AtomicInteger();
  final List<RecordedRequest> apiRequests = Collections.synchronizedList(new ArrayList<>());
  final BlockingQueue<MockResponse> queue = new LinkedBlockingQueue<>();
  volatile long expiresIn = 600;
  volatile Duration tokenDelay = Duration.ZERO;

  /** Token requests answered with a token; the ones after these are refused (invalid_client). */
  volatile int tokensGranted = Integer.MAX_VALUE;

  volatile Function<RecordedRequest, MockResponse> handler;

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    String path = request.getUrl().encodedPath();
    if (path.equals("/api/oauth/token") || path.equals("/api/v1/oauth/token")) {
      int n = tokenRequests.incrementAndGet();
      if (!tokenDelay.isZero()) {
        Thread.sleep(tokenDelay.toMillis());
      }
      if (n > tokensGranted) {
        return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad client\"}");
      }
      return json(
          200,
          "{\"access_token\":\"tok-"
              + n
              + "\",\"token_type\":\"Bearer\",\"expires_in\":"
              + expiresIn
              + ",\"scope\":\"api-role:2\"}");
    }
    apiRequests.add(request);
    Function<RecordedRequest, MockResponse> h = handler;
    if (h != null) {
      return h.apply(request);
    }
    MockResponse next = queue.poll();
    return next != null ? next : json(404, "{\"httpStatus\":404,\"errors\":[]}");
  }

  void enqueue(MockResponse response) {
    queue.add(response);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static String bearer(RecordedRequest request) {
    return request.getHeaders().get("Authorization");
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  /** A client with fast, recorded retries and no real sleeping. */
  static JamfClientBuilder clientFor(MockWebServer server) {
    return JamfClient.builder()
        .baseUrl(server.url("/").toString())
        .clientCredentials(CLIENT_ID, SECRET)
        // pinned, so that scripted answers need no version exchange first
        .jamfProVersion("11.30.1")
        .sleeper(d -> {})
        .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
  }
}
