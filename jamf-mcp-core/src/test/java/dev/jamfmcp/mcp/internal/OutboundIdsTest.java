package dev.jamfmcp.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.SessionState;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Server-to-client request ids: two runtimes serving one session (two instances) must never send
 * the same id, and no id may be guessed from another.
 */
class OutboundIdsTest {
  private static final int REQUESTS = 10_000;

  @Test
  void twoRuntimesNeverProduceTheSameIdAndEachIsAFull128RandomBits() {
    SessionRuntime first = new SessionRuntime(SessionState.fresh());
    SessionRuntime second = new SessionRuntime(SessionState.fresh());
    List<String> ids = new ArrayList<>(2 * REQUESTS);
    for (int i = 0; i < REQUESTS; i++) {
      ids.add(first.awaitClient(new CompletableFuture<>()));
      ids.add(second.awaitClient(new CompletableFuture<>()));
    }

    assertThat(new HashSet<>(ids)).hasSize(2 * REQUESTS);
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{22}"));

    // Every one of the 128 bits is a fair coin: over 20,000 ids each bit position is set about
    // half the time (a counter, a timestamp or a short random part would leave positions fixed),
    // and so are the bits overall. The bounds are over 14 standard deviations wide.
    int[] setAt = new int[128];
    long setBits = 0;
    for (String id : ids) {
      byte[] bytes = Base64.getUrlDecoder().decode(id);
      assertThat(bytes).hasSize(16);
      for (int bit = 0; bit < 128; bit++) {
        if ((bytes[bit / 8] >> (bit % 8) & 1) == 1) {
          setAt[bit]++;
          setBits++;
        }
      }
    }
    for (int bit = 0; bit < 128; bit++) {
      assertThat(setAt[bit] / (double) ids.size()).as("bit %d", bit).isBetween(0.45, 0.55);
    }
    assertThat(setBits / (128.0 * ids.size())).isBetween(0.495, 0.505);
  }

  @Test
  void anAnswerIsTakenOnlyByTheRuntimeThatAskedAndOnlyOnce() {
    SessionRuntime asking = new SessionRuntime(SessionState.fresh());
    SessionRuntime other = new SessionRuntime(SessionState.fresh());
    CompletableFuture<JsonNode> mine = new CompletableFuture<>();
    CompletableFuture<JsonNode> theirs = new CompletableFuture<>();
    String id = asking.awaitClient(mine);
    other.awaitClient(theirs);
    JsonNode answer = Json.object().put("action", "accept");

    assertThat(other.completeClientRequest(Json.nodes().stringNode(id), answer, null)).isFalse();
    assertThat(theirs).isNotDone();
    assertThat(mine).isNotDone();

    assertThat(asking.completeClientRequest(Json.nodes().stringNode(id), answer, null)).isTrue();
    assertThat(mine).isCompletedWithValue(answer);
    // A replay finds nothing waiting.
    assertThat(asking.completeClientRequest(Json.nodes().stringNode(id), answer, null)).isFalse();
    assertThat(asking.awaitingClientCount()).isZero();
    assertThat(other.awaitingClientCount()).isEqualTo(1);
  }

  @Test
  void theWaitLimitsCountPerPrincipalAndInTotalAndReleaseOnce() {
    ClientWaits waits = new ClientWaits(3, 2);
    ClientWaits.Outcome a1 = waits.acquire("alice");
    ClientWaits.Outcome a2 = waits.acquire("alice");
    assertThat(waits.acquire("alice"))
        .isEqualTo(new ClientWaits.Refused(ClientWaits.Refusal.PER_PRINCIPAL));
    assertThat(waits.acquire("bob")).isInstanceOf(ClientWaits.Granted.class);
    assertThat(waits.acquire("carol"))
        .isEqualTo(new ClientWaits.Refused(ClientWaits.Refusal.TOTAL));
    Runnable release = ((ClientWaits.Granted) a1).release();
    release.run();
    release.run(); // a second release gives nothing back twice
    assertThat(waits.open()).isEqualTo(2);
    assertThat(waits.acquire("alice")).isInstanceOf(ClientWaits.Granted.class);
    assertThat(waits.acquire("carol"))
        .isEqualTo(new ClientWaits.Refused(ClientWaits.Refusal.TOTAL));
    assertThat(a2).isInstanceOf(ClientWaits.Granted.class);
  }

  @Test
  void aBoundedPoolKeepsAQuarterOfItsThreadsFromWaiting() {
    var pool = HandlerExecutors.boundedPool(64);
    var small = HandlerExecutors.boundedPool(2);
    var forkJoin = new ForkJoinPool(2);
    try {
      assertThat(ClientWaits.totalFor(pool)).isEqualTo(48);
      assertThat(ClientWaits.totalFor(small)).isEqualTo(1);
      assertThat(ClientWaits.totalFor(forkJoin)).isEqualTo(Integer.MAX_VALUE);
    } finally {
      pool.shutdownNow();
      small.shutdownNow();
      forkJoin.shutdownNow();
    }
  }
}
