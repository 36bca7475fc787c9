package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.computers.Computer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pages received into pooled arrays over real HTTP: a page cut mid-body is fetched again and its
 * records come out once; pages of different sizes through the same arrays never leak bytes from one
 * page into the next.
 */
@Timeout(60)
class PooledPagesTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();

  @BeforeEach
  void serve() {
    server.setDispatcher(jamf);
  }

  /** Page {@code page} of {@code total} computers; names padded to {@code pad} characters. */
  static String page(RecordedRequest r, int total, int pad) {
    int page = Integer.parseInt(r.getUrl().queryParameter("page"));
    int size = Integer.parseInt(r.getUrl().queryParameter("page-size"));
    StringJoiner results = new StringJoiner(",");
    for (int i = page * size; i < Math.min(total, (page + 1) * size); i++) {
      String name = "mac-" + i + "-" + "x".repeat(pad);
      results.add("{\"id\":\"" + i + "\",\"general\":{\"name\":\"" + name + "\"}}");
    }
    return "{\"totalCount\":" + total + ",\"results\":[" + results + "]}";
  }

  static List<String> ids(Iterable<Computer> computers) {
    List<String> ids = new ArrayList<>();
    computers.forEach(c -> ids.add(c.id()));
    return ids;
  }

  static List<String> range(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  @Test
  void aPageCutMidBodyIsFetchedAgainAndItsRecordsComeOutOnce() {
    AtomicInteger cuts = new AtomicInteger();
    jamf.handler =
        r -> {
          String body = page(r, 4000, 200);
          if ("2".equals(r.getUrl().queryParameter("page")) && cuts.getAndIncrement() == 0) {
            return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true))
                .build();
          }
          return json(200, body);
        };
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      List<String> ids = ids(client.computers().list(ListQuery.all().withPageSize(500)));
      assertThat(ids).isEqualTo(range(4000));
    }
    assertThat(cuts.get()).isEqualTo(2); // the cut page was asked for twice
  }

  @Test
  void pagesOfDifferentSizesThroughTheSameArraysKeepTheirOwnBytes() {
    // Large pages first (the pooled arrays grow), then short ones read from the same arrays:
    // anything left over from an earlier, longer page would break the JSON or the records.
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      for (int pad : new int[] {3000, 10, 1500, 0}) {
        jamf.handler = r -> json(200, page(r, 120, pad));
        List<Computer> all = client.computers().list(ListQuery.all().withPageSize(40)).toList();
        assertThat(ids(all)).isEqualTo(range(120));
        assertThat(all)
            .allSatisfy(
                c ->
                    assertThat(c.general().name()).hasSize(("mac-" + c.id() + "-").length() + pad));
      }
    }
  }
}
