package dev.jamfmcp.mcp.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.approval.Approvals.Outcome;
import dev.jamfmcp.mcp.approval.Approvals.RedeemStatus;
import dev.jamfmcp.mcp.approval.Approvals.Verdict;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApprovalsTest {
  private static final Principal ALICE = Principal.of("alice", "read:jamf", "write:jamf");
  private static final Principal BOB = Principal.of("bob", "read:jamf");
  private static final Principal CAROL = Principal.of("carol", Approvals.DEFAULT_APPROVER_SCOPE);
  private static final Principal DAVE = Principal.of("dave", Approvals.DEFAULT_APPROVER_SCOPE);

  private final MutableClock clock = new MutableClock();

  private Approvals approvals(SecondPersonPolicy policy) {
    return Approvals.builder("https://mcp.example.com/").clock(clock).secondPerson(policy).build();
  }

  private Approvals approvals() {
    return approvals(SecondPersonPolicy.none());
  }

  static ApprovalRequest erase(String subject, int devices) {
    List<ApprovalTarget> targets = new ArrayList<>();
    for (int i = 1; i <= devices; i++) {
      targets.add(
          new ApprovalTarget(
              "computer", "" + i, "mid-" + i, "Mac " + i, "C02X" + i, "MacBook Pro", "user" + i));
    }
    return new ApprovalRequest(
        subject,
        "eraseDevice",
        "Erase",
        "Erase " + devices + " computer(s)",
        targets,
        "All data on the devices is lost.",
        "ERASE " + devices + " DEVICES",
        "123456",
        "digest-1");
  }

  @Test
  void anApprovalOpensWithAnUnguessableIdAndItsPageUrl() {
    Approvals approvals = approvals();
    Approvals.Opened a = approvals.open(erase("alice", 1));
    Approvals.Opened b = approvals.open(erase("alice", 1));
    assertThat(a.id()).matches("ap_[0-9a-f]{32}").isNotEqualTo(b.id());
    assertThat(a.url()).hasToString("https://mcp.example.com/approve/" + a.id());
    assertThat(a.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(approvals.find(a.id()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    // A confirmation token or anything else of another form is not even looked up.
    assertThat(approvals.find("c1.abc.def")).isEmpty();
    assertThat(approvals.find(a.id().toUpperCase(java.util.Locale.ROOT))).isEmpty();
    assertThat(approvals.find("ap_" + "0".repeat(32))).isEmpty();
  }

  @Test
  void theSubjectWhoAskedApprovesWithThePhraseAndTheGateRedeemsOnce() {
    Approvals approvals = approvals();
    String id = approvals.open(erase("alice", 2)).id();
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.PENDING);
    assertThat(approvals.decide(id, ALICE, Verdict.APPROVE, "erase 2 device"))
        .isEqualTo(Outcome.WRONG_PHRASE);
    assertThat(approvals.decide(id, ALICE, Verdict.APPROVE, null)).isEqualTo(Outcome.WRONG_PHRASE);
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    assertThat(approvals.decide(id, ALICE, Verdict.APPROVE, "  erase 2   devices "))
        .isEqualTo(Outcome.APPROVED);
    assertThat(approvals.decide(id, ALICE, Verdict.DECLINE, null))
        .isEqualTo(Outcome.ALREADY_DECIDED);

    // Bound to subject, tool and digest: a mismatch changes nothing.
    assertThat(approvals.redeem(id, "bob", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.MISMATCH);
    assertThat(approvals.redeem(id, "alice", "lockDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.MISMATCH);
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-2").status())
        .isEqualTo(RedeemStatus.MISMATCH);
    assertThat(approvals.redeem(id, "alice", "eraseDevice", null).status())
        .isEqualTo(RedeemStatus.MISMATCH);

    Approvals.Redemption redeemed = approvals.redeem(id, "alice", "eraseDevice", "digest-1");
    assertThat(redeemed.redeemed()).isTrue();
    assertThat(redeemed.request().secret()).isEqualTo("123456");
    assertThat(redeemed.request().targets()).hasSize(2);
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.ALREADY_USED);
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.USED);
  }

  @Test
  void anotherUserIsRefusedAndAnApproverIsAccepted() {
    Approvals approvals = approvals();
    String id = approvals.open(erase("alice", 1)).id();
    assertThat(approvals.decide(id, BOB, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.NOT_ALLOWED);
    assertThat(approvals.decide(id, BOB, Verdict.DECLINE, null)).isEqualTo(Outcome.NOT_ALLOWED);
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    assertThat(approvals.decide(id, CAROL, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.APPROVED);
    assertThat(approvals.find(id).orElseThrow().approvedBy()).containsExactly("carol");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-1").redeemed()).isTrue();
  }

  @Test
  void aDeclineIsFinalAndNeedsNoPhrase() {
    Approvals approvals = approvals();
    String id = approvals.open(erase("alice", 1)).id();
    assertThat(approvals.decide(id, ALICE, Verdict.DECLINE, null)).isEqualTo(Outcome.DECLINED);
    assertThat(approvals.decide(id, CAROL, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.ALREADY_DECIDED);
    PendingApproval declined = approvals.find(id).orElseThrow();
    assertThat(declined.state()).isEqualTo(ApprovalState.DECLINED);
    assertThat(declined.declinedBy()).isEqualTo("alice");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.DECLINED);
  }

  @Test
  void anApprovalExpiresUndecidedOrUnredeemed() {
    Approvals approvals = approvals();
    String undecided = approvals.open(erase("alice", 1)).id();
    String approved = approvals.open(erase("alice", 1)).id();
    assertThat(approvals.decide(approved, ALICE, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.APPROVED);
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(approvals.find(undecided).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(approvals.decide(undecided, ALICE, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.EXPIRED);
    assertThat(approvals.redeem(approved, "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.EXPIRED);
    assertThat(approvals.find(undecided).orElseThrow().state()).isEqualTo(ApprovalState.EXPIRED);
    // Kept an hour so the page can say "expired", then forgotten.
    clock.advance(Duration.ofMinutes(61));
    approvals.sweep();
    assertThat(approvals.find(undecided)).isEmpty();
  }

  @Test
  void aCustomLifetimeApplies() {
    Approvals approvals =
        Approvals.builder("http://127.0.0.1:8080").clock(clock).ttl(Duration.ofMinutes(2)).build();
    String id = approvals.open(erase("alice", 1)).id();
    clock.advance(Duration.ofMinutes(2));
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.EXPIRED);
    assertThatThrownBy(() -> Approvals.builder("http://h").ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Approvals.builder("javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fourEyesNeedTwoDifferentPeople() {
    Approvals approvals = approvals(SecondPersonPolicy.parse("tools=eraseDevice"));
    Approvals.Opened opened = approvals.open(erase("alice", 1));
    assertThat(opened.secondPersonRequired()).isTrue();
    String id = opened.id();
    assertThat(approvals.decide(id, ALICE, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.AWAITING_SECOND_PERSON);
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.PENDING);
    assertThat(approvals.decide(id, ALICE, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.SAME_PERSON);
    assertThat(approvals.decide(id, BOB, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.NOT_ALLOWED);
    assertThat(approvals.decide(id, CAROL, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.APPROVED);
    assertThat(approvals.find(id).orElseThrow().approvedBy()).containsExactly("alice", "carol");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-1").redeemed()).isTrue();
  }

  @Test
  void fourEyesAboveADeviceCountAndASecondPersonMayDecline() {
    Approvals approvals = approvals(SecondPersonPolicy.parse("devices>2"));
    assertThat(approvals.open(erase("alice", 2)).secondPersonRequired()).isFalse();
    String id = approvals.open(erase("alice", 3)).id();
    assertThat(approvals.decide(id, CAROL, Verdict.APPROVE, "ERASE 3 DEVICES"))
        .isEqualTo(Outcome.AWAITING_SECOND_PERSON);
    assertThat(approvals.decide(id, DAVE, Verdict.DECLINE, null)).isEqualTo(Outcome.DECLINED);
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-1").status())
        .isEqualTo(RedeemStatus.DECLINED);
  }

  /**
   * A store that holds every reader until all of them have read, so that the racing redeems all see
   * the approval APPROVED before any of them writes: only compare-and-set keeps it to one.
   */
  private static final class RacingStore implements ApprovalStore {
    private final InMemoryApprovalStore delegate = new InMemoryApprovalStore();
    volatile CountDownLatch allRead;

    @Override
    public void create(PendingApproval approval) {
      delegate.create(approval);
    }

    @Override
    public java.util.Optional<PendingApproval> find(String id) {
      java.util.Optional<PendingApproval> found = delegate.find(id);
      CountDownLatch latch = allRead;
      if (latch != null) {
        latch.countDown();
        try {
          latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return found;
    }

    @Override
    public boolean compareAndSet(String id, long expectedVersion, PendingApproval next) {
      return delegate.compareAndSet(id, expectedVersion, next);
    }

    @Override
    public void purgeExpiredBefore(java.time.Instant cutoff) {
      delegate.purgeExpiredBefore(cutoff);
    }
  }

  @Test
  void ofManyConcurrentRedeemsExactlyOneWins() throws Exception {
    RacingStore store = new RacingStore();
    Approvals approvals = Approvals.builder("https://a").clock(clock).store(store).build();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String id = approvals.open(erase("alice", 1)).id();
        assertThat(approvals.decide(id, ALICE, Verdict.APPROVE, "ERASE 1 DEVICES"))
            .isEqualTo(Outcome.APPROVED);
        store.allRead = new CountDownLatch(threads);
        List<Future<RedeemStatus>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(
              pool.submit(() -> approvals.redeem(id, "alice", "eraseDevice", "digest-1").status()));
        }
        List<RedeemStatus> statuses = new ArrayList<>();
        for (Future<RedeemStatus> result : results) {
          statuses.add(result.get(30, TimeUnit.SECONDS));
        }
        store.allRead = null;
        assertThat(statuses).filteredOn(s -> s == RedeemStatus.REDEEMED).hasSize(1);
        assertThat(statuses)
            .filteredOn(s -> s != RedeemStatus.REDEEMED)
            .containsOnly(RedeemStatus.ALREADY_USED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentDecisionsRecordOnlyOne() throws Exception {
    Approvals approvals = approvals();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        String id = approvals.open(erase("alice", 1)).id();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          Verdict verdict = t % 2 == 0 ? Verdict.APPROVE : Verdict.DECLINE;
          Principal who = t % 2 == 0 ? CAROL : DAVE;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return approvals.decide(id, who, verdict, "ERASE 1 DEVICES");
                  }));
        }
        start.countDown();
        Set<Outcome> finals = new HashSet<>();
        int decisive = 0;
        for (Future<Outcome> result : results) {
          Outcome outcome = result.get(30, TimeUnit.SECONDS);
          if (outcome == Outcome.APPROVED || outcome == Outcome.DECLINED) {
            decisive++;
            finals.add(outcome);
          } else {
            assertThat(outcome).isEqualTo(Outcome.ALREADY_DECIDED);
          }
        }
        assertThat(decisive).isEqualTo(1);
        ApprovalState state = approvals.find(id).orElseThrow().state();
        assertThat(finals)
            .containsExactly(state == ApprovalState.APPROVED ? Outcome.APPROVED : Outcome.DECLINED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void awaitDecisionCompletesOnTheDecisionOrOnExpiry() throws Exception {
    Approvals approvals = approvals(SecondPersonPolicy.parse("devices>1"));
    String id = approvals.open(erase("alice", 2)).id();
    CompletableFuture<PendingApproval> waiting = approvals.awaitDecision(id);
    assertThat(waiting).isNotDone();
    approvals.decide(id, ALICE, Verdict.APPROVE, "ERASE 2 DEVICES");
    assertThat(waiting).as("the first of four eyes is not the decision").isNotDone();
    approvals.decide(id, CAROL, Verdict.APPROVE, "ERASE 2 DEVICES");
    assertThat(waiting).isCompleted();
    assertThat(waiting.get().state()).isEqualTo(ApprovalState.APPROVED);
    // Already decided: completed at once.
    assertThat(approvals.awaitDecision(id)).isCompleted();

    String declined = approvals.open(erase("alice", 1)).id();
    CompletableFuture<PendingApproval> waitingDecline = approvals.awaitDecision(declined);
    approvals.decide(declined, ALICE, Verdict.DECLINE, null);
    assertThat(waitingDecline.get().state()).isEqualTo(ApprovalState.DECLINED);

    String expiring = approvals.open(erase("alice", 1)).id();
    CompletableFuture<PendingApproval> waitingExpiry = approvals.awaitDecision(expiring);
    approvals.sweep();
    assertThat(waitingExpiry).isNotDone();
    clock.advance(Duration.ofMinutes(10));
    approvals.sweep();
    assertThat(waitingExpiry.get().state()).isEqualTo(ApprovalState.EXPIRED);

    assertThat(approvals.awaitDecision("ap_" + "1".repeat(32))).isCompletedExceptionally();
  }

  @Test
  void awaitDecisionSeesADecisionMadeByAnotherInstanceOnTheSharedStore() throws Exception {
    InMemoryApprovalStore shared = new InMemoryApprovalStore();
    Approvals here = Approvals.builder("https://a").clock(clock).store(shared).build();
    Approvals there = Approvals.builder("https://a").clock(clock).store(shared).build();
    String id = here.open(erase("alice", 1)).id();
    CompletableFuture<PendingApproval> waiting = here.awaitDecision(id);
    assertThat(there.decide(id, ALICE, Verdict.APPROVE, "ERASE 1 DEVICES"))
        .isEqualTo(Outcome.APPROVED);
    assertThat(waiting).isNotDone();
    here.sweep();
    assertThat(waiting.get().state()).isEqualTo(ApprovalState.APPROVED);
  }

  @Test
  void theSecretNeverShowsInToString() {
    ApprovalRequest request = erase("alice", 1);
    assertThat(request.toString()).doesNotContain("123456").contains("secret=set");
    Approvals approvals = approvals();
    String id = approvals.open(request).id();
    assertThat(approvals.find(id).orElseThrow().toString()).doesNotContain("123456");
  }

  @Test
  void theStoreIsBoundedAndRefusesADuplicateId() {
    InMemoryApprovalStore store = new InMemoryApprovalStore(1);
    Approvals approvals = Approvals.builder("https://a").clock(clock).store(store).build();
    PendingApproval first = approvals.find(approvals.open(erase("alice", 1)).id()).orElseThrow();
    assertThatThrownBy(() -> approvals.open(erase("alice", 1)))
        .isInstanceOf(IllegalStateException.class);
    InMemoryApprovalStore other = new InMemoryApprovalStore();
    other.create(first);
    assertThatThrownBy(() -> other.create(first)).isInstanceOf(IllegalStateException.class);
    assertThat(other.compareAndSet(first.id(), 5, first)).isFalse();
  }

  @Test
  void aRequestNeedsAPhrase() {
    assertThatThrownBy(() -> new ApprovalRequest("a", "t", "A", "s", List.of(), "", " ", null, "d"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
