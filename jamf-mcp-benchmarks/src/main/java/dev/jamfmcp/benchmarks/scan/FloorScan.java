package dev.jamfmcp.benchmarks.scan;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: the same pages as the pager (same query, page size and bearer token kind), fetched on
 * java.net.http over HTTP/1.1 with the same number of requests in flight, bodies discarded
 * unparsed. Like the pager, page 0 goes alone first, then the rest concurrently; unlike it, the
 * floor knows the total beforehand and keeps no order, so it can only be faster.
 *
 * <p>With {@code copy}, the bodies are not discarded but copied, as the pager's body subscriber
 * copies them, into reused arrays (a pool, each grown to fit; never parsed): the floor plus the
 * pager's one copy, to tell the copy's cost from the parse's.
 */
final class FloorScan {
  private static final JsonMapper JSON = JsonMapper.shared();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private final int pageSize;
  private final int concurrency;
  private final String authorization;
  private final long total;
  private final boolean copy;

  /** Reused arrays (each in a one-element holder, grown in place), as the pager's pool. */
  private final ConcurrentLinkedDeque<byte[][]> buffers = new ConcurrentLinkedDeque<>();

  FloorScan(String baseUrl, String clientId, String clientSecret, int pageSize, int concurrency)
      throws Exception {
    this(baseUrl, clientId, clientSecret, pageSize, concurrency, false);
  }

  FloorScan(
      String baseUrl,
      String clientId,
      String clientSecret,
      int pageSize,
      int concurrency,
      boolean copy)
      throws Exception {
    this.copy = copy;
    this.baseUrl = baseUrl;
    this.pageSize = pageSize;
    this.concurrency = concurrency;
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    this.authorization = "Bearer " + JSON.readTree(token.body()).path("access_token").asString();
    HttpResponse<String> count = http.send(request(0, 1), HttpResponse.BodyHandlers.ofString());
    JsonNode page = JSON.readTree(count.body());
    this.total = page.path("totalCount").asLong();
  }

  long total() {
    return total;
  }

  private HttpRequest request(int page, int size) {
    return HttpRequest.newBuilder(
            URI.create(
                baseUrl
                    + "/api/v3/computers-inventory?section=GENERAL&page="
                    + page
                    + "&page-size="
                    + size))
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .GET()
        .build();
  }

  private void fetch(int page) throws IOException, InterruptedException {
    HttpResponse<?> response;
    if (copy) {
      byte[][] polled = buffers.pollLast();
      byte[][] buffer = polled != null ? polled : new byte[][] {new byte[0]};
      try {
        response = http.send(request(page, pageSize), info -> new Copying(buffer));
      } finally {
        buffers.addLast(buffer);
      }
    } else {
      response = http.send(request(page, pageSize), HttpResponse.BodyHandlers.discarding());
    }
    if (response.statusCode() != 200) {
      throw new IOException("page " + page + " answered HTTP " + response.statusCode());
    }
  }

  /** Fetches every page once; returns the number of pages. */
  int run() throws Exception {
    int pages = (int) ((total + pageSize - 1) / pageSize);
    fetch(0);
    AtomicInteger next = new AtomicInteger(1);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Void>> workers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int page = next.getAndIncrement();
                      page < pages;
                      page = next.getAndIncrement()) {
                    fetch(page);
                  }
                  return null;
                }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return pages;
  }

  /** Copies a body into {@code buffer[0]} (grown by doubling when too small), as the pager does. */
  private static final class Copying implements HttpResponse.BodySubscriber<Integer> {
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private final byte[][] buffer;
    private int size;

    Copying(byte[][] buffer) {
      this.buffer = buffer;
    }

    @Override
    public CompletionStage<Integer> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if (size + n > buffer[0].length) {
          buffer[0] = Arrays.copyOf(buffer[0], Math.max(size + n, 2 * buffer[0].length));
        }
        item.get(buffer[0], size, n);
        size += n;
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(size);
    }
  }
}
