package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's workload at test scale: 100,000 computers streamed as 50 pages of 2,000, five
 * requests in flight, inside the module's 1 GiB test heap. No timing is asserted.
 */
class LargeFleetTest {
  private static final int COMPUTERS = 100_000;
  private static SimulatedJamfPro jamf;
  private static SimClient client;

  @BeforeAll
  static void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(COMPUTERS)));
    client = new SimClient(jamf).login();
  }

  @AfterAll
  static void stop() {
    jamf.stop();
  }

  @Test
  void fullScanInPagesOf2000WithFiveConcurrentRequests() throws Exception {
    assertThat(scan("id:asc", "")).isEqualTo(COMPUTERS);
  }

  @Test
  void theDefaultNameSortPagesWithoutOverlapOrGaps() throws Exception {
    assertThat(scan("", "")).isEqualTo(COMPUTERS);
  }

  @Test
  void filteredScansMatchGroundTruth() throws Exception {
    String filter =
        "operatingSystem.version==15.*;general.lastContactTime<"
            + jamf.fleet().now().minusSeconds(30L * 86400);
    assertThat(scan("id:desc", filter)).isEqualTo(jamf.fleet().countComputers(filter));
  }

  /**
   * Scans every page concurrently; returns how many distinct computers came back, failing on
   * duplicates.
   */
  private int scan(String sort, String filter) throws Exception {
    String query =
        "/api/v3/computers-inventory?section=GENERAL&page-size=2000"
            + (sort.isEmpty() ? "" : "&sort=" + sort)
            + (filter.isEmpty() ? "" : "&filter=" + SimClient.encode(filter));
    JsonNode first = client.get(query + "&page=0").json();
    int total = first.path("totalCount").asInt();
    int pages = (total + 1999) / 2000;
    BitSet seen = new BitSet();
    record(first, seen);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<JsonNode>> futures = new ArrayList<>();
      for (int page = 1; page < pages; page++) {
        String url = query + "&page=" + page;
        futures.add(pool.submit(() -> client.get(url).json()));
      }
      for (Future<JsonNode> future : futures) {
        JsonNode page = future.get();
        assertThat(page.path("totalCount").asInt()).isEqualTo(total);
        record(page, seen);
      }
    } finally {
      pool.shutdownNow();
    }
    return seen.cardinality();
  }

  private static void record(JsonNode page, BitSet seen) {
    for (JsonNode computer : page.path("results")) {
      int id = Integer.parseInt(computer.path("id").asString());
      assertThat(seen.get(id)).as("computer %d on two pages", id).isFalse();
      JsonNode general = computer.path("general");
      if (general.path("remoteManagement").path("managed").asBoolean()) {
        assertThat(general.path("managementId").asString()).isNotBlank();
      } else {
        assertThat(general.path("managementId").isNull()).isTrue(); // an unmanaged Mac
      }
      seen.set(id);
    }
  }
}
