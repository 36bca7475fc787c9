package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.approval.ApprovalRequest;
import dev.jamfmcp.mcp.approval.ApprovalState;
import dev.jamfmcp.mcp.approval.ApprovalStore;
import dev.jamfmcp.mcp.approval.ApprovalTarget;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.approval.Approvals.Outcome;
import dev.jamfmcp.mcp.approval.Approvals.RedeemStatus;
import dev.jamfmcp.mcp.approval.PendingApproval;
import dev.jamfmcp.mcp.approval.SecretReveal;
import dev.jamfmcp.mcp.approval.SecretReveals;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.confirm.PendingAction;
import dev.jamfmcp.mcp.confirm.PendingActionStore;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.redis.testing.RequireRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Approvals and pending actions shared through one real redis-server by two instances (two {@link
 * RedisClusterState}s): opened on one, shown, decided and redeemed on the other, decided once,
 * expired by Redis, refused cleanly while Redis is stopped.
 */
class RedisApprovalStoreTest {
  private static final Principal ALICE = Principal.of("alice", "write:jamf");
  private static final Principal BOB = Principal.of("bob", "approve:jamf");

  private RedisServerProcess redis;
  private RedisClusterState a;
  private RedisClusterState b;

  @BeforeEach
  void start() throws Exception {
    redis = RequireRedis.startOrSkip();
    RedisSettings settings =
        RedisSettings.of(redis.url()).withKeyPrefix("test-" + UUID.randomUUID() + ":");
    a = RedisClusterState.connect(settings);
    b = RedisClusterState.connect(settings);
  }

  @AfterEach
  void stop() throws Exception {
    if (a != null) {
      a.close();
      b.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static Approvals approvals(ApprovalStore store, Clock clock, Duration ttl) {
    return Approvals.builder("https://mcp.example.com").store(store).clock(clock).ttl(ttl).build();
  }

  private static ApprovalRequest request(String secret) {
    return new ApprovalRequest(
        "alice",
        "eraseDevice",
        "Erase",
        "Erase MBP-1",
        List.of(new ApprovalTarget("computer", "1", "m-1", "MBP-1", "C02", "MacBook Pro", "al")),
        "This cannot be undone.",
        "ERASE MBP-1",
        secret,
        "digest-1");
  }

  @Test
  void openedOnOneInstanceIsShownDecidedAndRedeemedOnTheOther() {
    Clock clock = Clock.systemUTC();
    Approvals onA =
        approvals(a.approvalStore(clock, Duration.ofMinutes(1)), clock, Duration.ofMinutes(10));
    Approvals onB =
        approvals(b.approvalStore(clock, Duration.ofMinutes(1)), clock, Duration.ofMinutes(10));

    Approvals.Opened opened = onA.open(request("123456"));
    PendingApproval shown = onB.find(opened.id()).orElseThrow();
    assertThat(shown.state()).isEqualTo(ApprovalState.PENDING);
    assertThat(shown.request()).isEqualTo(request("123456"));
    assertThat(shown.request().secret()).isEqualTo("123456");
    assertThat(shown.request().targets().get(0).serial()).isEqualTo("C02");
    assertThat(shown.expiresAt()).isEqualTo(opened.expiresAt());

    assertThat(onB.redeem(opened.id(), "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.PENDING);
    assertThat(onB.decide(opened.id(), BOB, Approvals.Verdict.APPROVE, "erase  mbp-1"))
        .isEqualTo(Outcome.APPROVED);
    // Decided once: a second decision, on either instance, records nothing.
    assertThat(onA.decide(opened.id(), ALICE, Approvals.Verdict.DECLINE, null))
        .isEqualTo(Outcome.ALREADY_DECIDED);
    assertThat(onB.decide(opened.id(), BOB, Approvals.Verdict.APPROVE, "ERASE MBP-1"))
        .isEqualTo(Outcome.ALREADY_DECIDED);
    assertThat(onA.find(opened.id()).orElseThrow().approvedBy()).containsExactly("bob");

    assertThat(onA.redeem(opened.id(), "mallory", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.MISMATCH);
    Approvals.Redemption redeemed = onA.redeem(opened.id(), "alice", "eraseDevice", "digest-1");
    assertThat(redeemed.status()).isEqualTo(RedeemStatus.REDEEMED);
    assertThat(redeemed.request().secret()).isEqualTo("123456");
    assertThat(onB.redeem(opened.id(), "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.ALREADY_USED);
    assertThat(onB.find(opened.id()).orElseThrow().state()).isEqualTo(ApprovalState.USED);
  }

  @Test
  void racingDecisionsAndRedemptionsOnBothInstancesWinOnce() throws Exception {
    Clock clock = Clock.systemUTC();
    Approvals onA = approvals(a.approvalStore(clock, Duration.ZERO), clock, Duration.ofMinutes(10));
    Approvals onB = approvals(b.approvalStore(clock, Duration.ZERO), clock, Duration.ofMinutes(10));
    String id = onA.open(request(null)).id();
    int n = 16;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Outcome>> decisions = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Approvals on = i % 2 == 0 ? onA : onB;
        Approvals.Verdict verdict =
            i % 3 == 0 ? Approvals.Verdict.DECLINE : Approvals.Verdict.APPROVE;
        Callable<Outcome> decide =
            () -> {
              go.await();
              return on.decide(id, BOB, verdict, "ERASE MBP-1");
            };
        decisions.add(pool.submit(decide));
      }
      go.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : decisions) {
        outcomes.add(f.get());
      }
      assertThat(outcomes.stream().filter(o -> o != Outcome.ALREADY_DECIDED)).hasSize(1);
      if (!outcomes.contains(Outcome.APPROVED)) {
        return; // a decline won: nothing to redeem
      }
      CountDownLatch again = new CountDownLatch(1);
      List<Future<RedeemStatus>> redemptions = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Approvals on = i % 2 == 0 ? onA : onB;
        redemptions.add(
            pool.submit(
                () -> {
                  again.await();
                  return on.redeem(id, "alice", "eraseDevice", "digest-1").status();
                }));
      }
      again.countDown();
      List<RedeemStatus> statuses = new ArrayList<>();
      for (Future<RedeemStatus> f : redemptions) {
        statuses.add(f.get());
      }
      assertThat(statuses.stream().filter(s -> s == RedeemStatus.REDEEMED)).hasSize(1);
      assertThat(statuses.stream().filter(s -> s == RedeemStatus.ALREADY_USED)).hasSize(n - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anApprovalPastItsTimeIsExpiredAndRedisForgetsIt() {
    MutableClock clock = new MutableClock(Instant.now());
    Approvals onA = approvals(a.approvalStore(clock, Duration.ZERO), clock, Duration.ofSeconds(1));
    Approvals onB = approvals(b.approvalStore(clock, Duration.ZERO), clock, Duration.ofSeconds(1));
    String id = onA.open(request(null)).id();
    clock.advance(Duration.ofSeconds(2));
    assertThat(onB.decide(id, BOB, Approvals.Verdict.APPROVE, "ERASE MBP-1"))
        .isEqualTo(Outcome.EXPIRED);
    assertThat(onA.redeem(id, "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.EXPIRED);
    // The key's own expiry (Redis's clock): it goes with the approval's lifetime.
    await().atMost(Duration.ofSeconds(30)).until(() -> onB.find(id).isEmpty());
  }

  @Test
  void aPendingActionMintedOnOneInstanceIsReadOnTheOtherUntilItExpires() {
    MutableClock clock = new MutableClock(Instant.now());
    PendingActionStore onA = a.pendingActions(clock);
    PendingActionStore onB = b.pendingActions(clock);
    PendingAction action =
        new PendingAction(
            "c-1",
            "alice",
            "lockDevice",
            ApprovalClass.CONFIRM,
            List.of("computer:1"),
            new Preview("Lock MBP-1", "Locked.", List.of("MBP-1"), false, "LOCK"),
            Map.of("pin", "654321"),
            clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(onA.put(action)).isTrue();
    PendingAction read = onB.get("c-1").orElseThrow();
    assertThat(read).isEqualTo(action);
    assertThat(read.generatedSecrets()).containsEntry("pin", "654321");
    clock.advance(Duration.ofMinutes(6));
    assertThat(onB.get("c-1")).isEmpty();
    clock.advance(Duration.ofMinutes(-6));
    onB.remove("c-1");
    assertThat(onA.get("c-1")).isEmpty();
  }

  @Test
  void aConfirmationIsConsumedAndItsActionTakenOnceOfManyInstancesRacing() throws Exception {
    Clock clock = Clock.systemUTC();
    PendingAction action = lockAction("c-race", clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(a.pendingActions(clock).put(action)).isTrue();
    List<RedisClusterState> instances = List.of(a, b, a, b, a, b, a, b);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(instances.size());
    try {
      List<Future<PendingActionStore.Taken>> all = new ArrayList<>();
      for (RedisClusterState on : instances) {
        all.add(
            pool.submit(
                () -> {
                  go.await();
                  return on.pendingActions(clock)
                      .consumeAndTake(on.consumedTokens(clock), "c-race", action.expiresAt());
                }));
      }
      go.countDown();
      List<PendingActionStore.Taken> taken = new ArrayList<>();
      for (Future<PendingActionStore.Taken> f : all) {
        taken.add(f.get());
      }
      assertThat(taken).filteredOn(PendingActionStore.Taken::consumed).hasSize(1);
      assertThat(taken).filteredOn(t -> t.action() != null).hasSize(1);
      assertThat(taken.stream().filter(t -> t.action() != null).findFirst().orElseThrow())
          .isEqualTo(new PendingActionStore.Taken(true, action));
    } finally {
      pool.shutdownNow();
    }
    assertThat(b.pendingActions(clock).get("c-race")).as("taken, so gone").isEmpty();
    assertThat(b.consumedTokens(clock).markConsumed("c-race", action.expiresAt())).isFalse();
  }

  @Test
  void withAnotherLedgerTheTwoStepsRunInTurnWithTheSameOutcome() {
    Clock clock = Clock.systemUTC();
    PendingAction action = lockAction("c-mixed", clock.instant().plus(Duration.ofMinutes(5)));
    PendingActionStore store = a.pendingActions(clock);
    assertThat(store.put(action)).isTrue();
    ConsumedTokens inMemory = ConsumedTokens.inMemory(clock);
    assertThat(store.consumeAndTake(inMemory, "c-mixed", action.expiresAt()))
        .isEqualTo(new PendingActionStore.Taken(true, action));
    assertThat(store.consumeAndTake(inMemory, "c-mixed", action.expiresAt()))
        .isEqualTo(new PendingActionStore.Taken(false, null));
    assertThat(store.consumeAndTake(b.consumedTokens(clock), "c-none", action.expiresAt()))
        .as("a confirmation with no action kept: used, nothing taken")
        .isEqualTo(new PendingActionStore.Taken(true, null));
  }

  private static PendingAction lockAction(String id, Instant expiresAt) {
    return new PendingAction(
        id,
        "alice",
        "lockDevice",
        ApprovalClass.CONFIRM,
        List.of("computer:1"),
        new Preview("Lock MBP-1", "Locked.", List.of("MBP-1"), false, "LOCK"),
        Map.of("pin", "654321"),
        expiresAt);
  }

  @Test
  void aSecretHandedToThePageOnOneInstanceIsShownOnceOnAnother() {
    SecretReveals onA = a.secretReveals(Clock.systemUTC());
    SecretReveals onB = b.secretReveals(Clock.systemUTC());
    Instant readAt = Instant.parse("2026-12-07T10:00:00Z");
    onA.put(
        new SecretReveal("ap_1", "FileVault key of MBP-1", "ABCD-EFGH", readAt),
        Instant.now().plus(Duration.ofMinutes(10)));
    SecretReveal shown = onB.take("ap_1").orElseThrow();
    assertThat(shown.secret()).isEqualTo("ABCD-EFGH");
    assertThat(shown.label()).isEqualTo("FileVault key of MBP-1");
    assertThat(shown.readAt()).isEqualTo(readAt);
    assertThat(onA.take("ap_1")).as("taken once, fleet-wide").isEmpty();
    assertThat(onB.take("ap_1")).isEmpty();

    onA.put(new SecretReveal("ap_2", "PIN", "123456", readAt), Instant.now().plusMillis(200));
    await().atMost(Duration.ofSeconds(30)).until(() -> onB.take("ap_2").isEmpty());
  }

  @Test
  void throughTheGateAnApprovalAndAConfirmedSecretCrossInstances() {
    try (GatedServer one = new GatedServer(a, "246810");
        GatedServer two = new GatedServer(b, "999999")) {
      JsonNode asked = one.call("wipe", "{\"id\":\"7\"}");
      assertThat(asked.at("/structuredContent/status").asString("")).isEqualTo("approval_required");
      String id = asked.at("/structuredContent/approval/id").asString();
      assertThat(two.approvals.decide(id, BOB, Approvals.Verdict.APPROVE, "APPROVE"))
          .isEqualTo(Outcome.APPROVED);
      JsonNode ran = two.call("wipe", "{\"id\":\"7\",\"approvalId\":\"" + id + "\"}");
      assertThat(ran.at("/structuredContent/status").asString("")).isEqualTo("executed");
      JsonNode again = one.call("wipe", "{\"id\":\"7\",\"approvalId\":\"" + id + "\"}");
      assertThat(again.at("/content/0/text").asString("")).contains("already been used");
      assertThat(one.wiped.get() + two.wiped.get()).isEqualTo(1);

      // A confirm-class write with a PIN generated on instance one, confirmed on instance two:
      // the PIN that runs is the one generated with the preview, not two's own.
      JsonNode preview = one.call("lock", "{\"id\":\"8\"}");
      String token = preview.at("/structuredContent/confirmation/token").asString();
      JsonNode locked = two.call("lock", "{\"id\":\"8\",\"confirmationToken\":\"" + token + "\"}");
      assertThat(locked.at("/structuredContent/status").asString("")).isEqualTo("executed");
      assertThat(two.lockPins).containsExactly("246810");
    }
  }

  @Test
  void withRedisStoppedApprovalsAreRefusedClearlyAndNothingRuns() throws Exception {
    try (GatedServer one = new GatedServer(a, "246810")) {
      String id =
          one.call("wipe", "{\"id\":\"7\"}").at("/structuredContent/approval/id").asString();
      ApprovalStore store = a.approvalStore(Clock.systemUTC(), Duration.ZERO);
      redis.stop();
      await().atMost(Duration.ofSeconds(30)).until(() -> !a.available());

      assertThatThrownBy(() -> store.find(id))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("approval store is unavailable");
      assertThatThrownBy(() -> one.approvals.decide(id, BOB, Approvals.Verdict.APPROVE, "APPROVE"))
          .isInstanceOf(StoreUnavailableException.class);
      for (String call :
          List.of("{\"id\":\"9\"}", "{\"id\":\"7\",\"approvalId\":\"" + id + "\"}")) {
        JsonNode refused = one.call("wipe", call);
        assertThat(refused.path("isError").asBoolean()).isTrue();
        assertThat(refused.at("/content/0/text").asString(""))
            .contains("confirmation store is unavailable")
            .contains("nothing was done");
      }
      JsonNode lock = one.call("lock", "{\"id\":\"8\"}");
      assertThat(lock.at("/content/0/text").asString(""))
          .contains("confirmation store is unavailable");
      assertThat(one.wiped.get()).isZero();
      assertThat(one.lockPins).isEmpty();
    }
  }
}
