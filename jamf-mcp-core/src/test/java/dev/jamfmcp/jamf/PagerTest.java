package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PagerTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();

  @BeforeEach
  void serve() {
    server.setDispatcher(jamf);
  }

  /**
   * A fleet of {@code total} computers served like Jamf does, clamping page-size to {@code clamp}.
   */
  private static MockResponse fleet(RecordedRequest r, int total, int clamp) {
    int page = Integer.parseInt(r.getUrl().queryParameter("page"));
    int size = Math.min(Integer.parseInt(r.getUrl().queryParameter("page-size")), clamp);
    StringJoiner results = new StringJoiner(",");
    for (int i = page * size; i < Math.min(total, (page + 1) * size); i++) {
      results.add(
          "{\"id\":\"" + i + "\",\"general\":{\"name\":\"mac-" + i + "\"},\"hardware\":null}");
    }
    return json(200, "{\n  \"totalCount\" : " + total + ",\n  \"results\" : [" + results + "]\n}");
  }

  private static List<String> ids(Iterable<Computer> computers) {
    List<String> ids = new ArrayList<>();
    computers.forEach(c -> ids.add(c.id()));
    return ids;
  }

  private static List<String> range(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  @Test
  void pagesUntilTotalCountAndKeepsListOrder() {
    jamf.handler = r -> fleet(r, 23, 2000);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      Listing<Computer> listing = client.computers().list(ListQuery.all().withPageSize(5));
      assertThat(ids(listing)).isEqualTo(range(23));
    }
    assertThat(jamf.apiRequests).hasSize(5);
    assertThat(jamf.apiRequests)
        .extracting(r -> r.getUrl().queryParameter("page"))
        .containsExactlyInAnyOrder("0", "1", "2", "3", "4");
  }

  @Test
  void sendsSectionsRepeatedFilterEncodedAndSort() {
    jamf.handler = r -> fleet(r, 1, 2000);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      Rsql filter =
          Rsql.eq("general.name", "Lab Mac; \"A\"").and(Rsql.contains("hardware.model", "Air"));
      client
          .computers()
          .list(
              ListQuery.all()
                  .withSections(ComputerSection.GENERAL, ComputerSection.HARDWARE)
                  .withFilter(filter)
                  .withSort(Sort.asc("general.name"), Sort.desc("id")))
          .toList();
      RecordedRequest r = jamf.apiRequests.get(0);
      assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v4/computers-inventory");
      assertThat(r.getUrl().queryParameterValues("section")).containsExactly("GENERAL", "HARDWARE");
      assertThat(r.getUrl().queryParameter("filter")).isEqualTo(filter.expression());
      assertThat(r.getUrl().queryParameter("sort")).isEqualTo("general.name:asc,id:desc");
      assertThat(r.getTarget()).doesNotContain(" ", "\"", ";", "+");
      assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    }
  }

  @Test
  void adaptsWhenTheServerClampsThePageSizeSilently() {
    jamf.handler = r -> fleet(r, 10, 3);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThat(ids(client.computers().list(ListQuery.all().withPageSize(5))))
          .isEqualTo(range(10));
    }
    assertThat(jamf.apiRequests).hasSize(4); // 3 + 3 + 3 + 1
  }

  @Test
  void neverAsksForMoreThan2000PerPage() {
    jamf.handler = r -> fleet(r, 4500, 2000);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThat(ids(client.computers().list(ListQuery.all().withPageSize(5000))))
          .isEqualTo(range(4500));
    }
    assertThat(jamf.apiRequests)
        .extracting(r -> r.getUrl().queryParameter("page-size"))
        .containsOnly("2000");
    assertThat(jamf.apiRequests).hasSize(3);
  }

  @Test
  void doesNotStopOnAShortPageBeforeTotalCount() {
    // Page 1 comes back short (a device was deleted mid-scan); page 2 still exists and is read.
    jamf.handler =
        r -> {
          String page = r.getUrl().queryParameter("page");
          return switch (page) {
            case "0" -> json(200, "{\"totalCount\":6,\"results\":[{\"id\":\"0\"},{\"id\":\"1\"}]}");
            case "1" -> json(200, "{\"totalCount\":6,\"results\":[{\"id\":\"2\"}]}");
            default -> json(200, "{\"totalCount\":6,\"results\":[{\"id\":\"4\"},{\"id\":\"5\"}]}");
          };
        };
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThat(ids(client.computers().list(ListQuery.all().withPageSize(2))))
          .containsExactly("0", "1", "2", "4", "5");
    }
  }

  @Test
  void streamsAFleetWithoutFetchingFarAhead() {
    jamf.handler = r -> fleet(r, 100, 2000);
    try (JamfClient client = FakeJamf.clientFor(server).maxConcurrentRequests(2).build()) {
      Iterator<Computer> it = client.computers().list(ListQuery.all().withPageSize(10)).iterator();
      assertThat(it.next().id()).isEqualTo("0");
      // Page 0 plus a window of at most 2 x 2 pages ahead: the rest waits for the consumer.
      assertThat(jamf.apiRequests.size()).isLessThanOrEqualTo(5);
      int seen = 1;
      while (it.hasNext()) {
        it.next();
        seen++;
      }
      assertThat(seen).isEqualTo(100);
    }
    assertThat(jamf.apiRequests).hasSize(10);
  }

  @Test
  void aLimitTooLargeToDoubleStillStreamsTheWholeFleet() {
    // The window and the page threads are twice the limit, which must not overflow.
    jamf.handler = r -> fleet(r, 100, 2000);
    try (JamfClient client =
        FakeJamf.clientFor(server).maxConcurrentRequests(Integer.MAX_VALUE).build()) {
      assertThat(ids(client.computers().list(ListQuery.all().withPageSize(10)))).hasSize(100);
    }
    assertThat(jamf.apiRequests).hasSize(10);
  }

  @Test
  void firstFetchesOnlyThePagesItNeeds() {
    jamf.handler = r -> fleet(r, 10_000, 2000);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      List<Computer> first = client.computers().list(ListQuery.all()).first(3);
      assertThat(first).extracting(Computer::id).containsExactly("0", "1", "2");
      assertThat(client.computers().list(ListQuery.all()).count()).isEqualTo(10_000);
    }
    assertThat(jamf.apiRequests)
        .extracting(r -> r.getUrl().queryParameter("page-size"))
        .containsExactly("3", "1");
  }

  @Test
  void neverExceedsTheConcurrencyLimitAcrossScansAndCalls() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    AtomicBoolean first = new AtomicBoolean(true);
    jamf.handler =
        r -> {
          int now = inFlight.incrementAndGet();
          maxSeen.accumulateAndGet(now, Math::max);
          if (first.getAndSet(false)) {
            // Hold the first request until a second one overlaps it: the lower bound below then
            // does not depend on how the threads happen to be scheduled.
            await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.get() >= 2);
          }
          try {
            Thread.sleep(20); // a slow Jamf, so that a broken limit would show as more overlap
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          return r.getUrl().encodedPath().contains("version")
              ? json(200, "{\"version\":\"v\"}")
              : fleet(r, 40, 2000);
        };
    try (JamfClient client = FakeJamf.clientFor(server).maxConcurrentRequests(3).build()) {
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int i = 0; i < 4; i++) {
        threads.add(
            new Thread(
                () -> {
                  try {
                    assertThat(ids(client.computers().list(ListQuery.all().withPageSize(2))))
                        .hasSize(40);
                    client.jamfProVersion();
                  } catch (Throwable t) {
                    failures.add(t);
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      assertThat(failures).isEmpty();
    }
    assertThat(maxSeen.get()).isBetween(2, 3);
  }

  @Test
  void malformedJsonBecomesAProtocolException() {
    jamf.enqueue(json(200, "{\"totalCount\":3,\"results\":[{\"id\":\"1\"},"));
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThatThrownBy(() -> client.computers().list(ListQuery.all()).toList())
          .isInstanceOf(JamfProtocolException.class)
          .hasMessageContaining("GET /api/v4/computers-inventory");
    }
  }

  @Test
  void aPageWithoutTotalCountIsRefused() {
    jamf.enqueue(json(200, "{\"results\":[]}"));
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThatThrownBy(() -> client.computers().list(ListQuery.all()).toList())
          .isInstanceOf(JamfProtocolException.class)
          .hasMessageContaining("totalCount");
    }
  }

  @Test
  void aFailingLaterPageSurfacesAsTheTypedException() {
    jamf.handler =
        r ->
            "2".equals(r.getUrl().queryParameter("page"))
                ? json(
                    500,
                    "{\"httpStatus\":500,\"errors\":[{\"code\":\"UNEXPECTED\",\"description\":\"boom\"}]}")
                : fleet(r, 10, 2000);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThatThrownBy(() -> client.computers().list(ListQuery.all().withPageSize(2)).toList())
          .isInstanceOf(JamfServerException.class)
          .hasMessageContaining("boom");
    }
  }
}
