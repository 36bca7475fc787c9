package dev.jamfmcp.mcp.approval;

import dev.jamfmcp.mcp.Principal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Approvals by a person for actions the model must not complete alone. The gate {@link #open}s an
 * approval and gives the caller only its URL; the person signs in on that page, reviews, types the
 * phrase and {@link #decide}s; the caller's next call {@link #redeem}s it, which succeeds exactly
 * once, and only for the same subject, tool and preview digest. Where the protocol lets the server
 * wait, {@link #awaitDecision} completes when the decision is made or time runs out.
 *
 * <p>Approval ids ({@code ap_} + 32 hex digits, 128 random bits) are a different kind from
 * confirmation tokens and {@code requestState}: they carry nothing and mean something only to this
 * service's store.
 */
public final class Approvals {
  /** The scope that lets a person approve a request someone else made. */
  public static final String DEFAULT_APPROVER_SCOPE = "approve:jamf";

  /** How long an approval can be decided and redeemed. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  /** The path of the approval page, followed by the id. */
  public static final String PATH = "/approve/";

  /** Expired and finished approvals are kept this long, so their page says so instead of 404. */
  static final Duration RETENTION = Duration.ofHours(1);

  private static final Pattern ID = Pattern.compile("ap_[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A person's answer on the page. */
  public enum Verdict {
    APPROVE,
    DECLINE
  }

  /** What came of a decision on the page. */
  public enum Outcome {
    /** Approved: the caller may now redeem it. */
    APPROVED,
    /** This person's approval is recorded; a second, different approver is still needed. */
    AWAITING_SECOND_PERSON,
    /** Declined: nothing will run. */
    DECLINED,
    /** No such approval (or a malformed id). */
    UNKNOWN,
    /** Past its expiry: nothing was recorded. */
    EXPIRED,
    /** Already approved, declined or used: nothing was recorded. */
    ALREADY_DECIDED,
    /** The person neither asked nor holds the approver scope: nothing was recorded. */
    NOT_ALLOWED,
    /** This person already approved; four eyes need someone else. */
    SAME_PERSON,
    /** The typed phrase does not match: nothing was recorded. */
    WRONG_PHRASE
  }

  /** What came of a redemption by the gate. */
  public enum RedeemStatus {
    /** Approved and now used: run the action. */
    REDEEMED,
    UNKNOWN,
    /** Not decided yet (or waiting for the second person). */
    PENDING,
    DECLINED,
    EXPIRED,
    /** Redeemed before: never run twice. */
    ALREADY_USED,
    /** Another subject, tool or preview digest than the approval was opened for. */
    MISMATCH
  }

  /**
   * What the gate gets back from {@link #redeem}.
   *
   * @param status what happened
   * @param request the approved request, only when {@code status} is {@link RedeemStatus#REDEEMED}
   *     (it carries the secret the action needs, e.g. the PIN)
   */
  public record Redemption(RedeemStatus status, ApprovalRequest request) {
    public boolean redeemed() {
      return status == RedeemStatus.REDEEMED;
    }
  }

  /**
   * An opened approval: what the gate passes on (only the URL reaches the caller).
   *
   * @param id the approval id
   * @param url the page the person opens: {@code <public base>/approve/<id>}
   * @param expiresAt when it expires
   * @param secondPersonRequired whether four eyes apply
   */
  public record Opened(String id, URI url, Instant expiresAt, boolean secondPersonRequired) {}

  private final String publicBaseUrl;
  private final Duration ttl;
  private final ApprovalStore store;
  private final Clock clock;
  private final String approverScope;
  private final SecondPersonPolicy secondPerson;
  private final SecretReveals reveals;
  private final ConcurrentMap<String, CompletableFuture<PendingApproval>> waiters =
      new ConcurrentHashMap<>();

  private Approvals(Builder b) {
    this.publicBaseUrl = b.publicBaseUrl;
    this.ttl = b.ttl;
    this.store = b.store;
    this.clock = b.clock;
    this.approverScope = b.approverScope;
    this.secondPerson = b.secondPerson;
    this.reveals = b.reveals != null ? b.reveals : SecretReveals.inMemory(b.clock);
  }

  /**
   * Starts configuring approvals.
   *
   * @param publicBaseUrl the server's public origin (and base path), e.g. {@code
   *     https://mcp.example.com}; approval URLs are built on it
   */
  public static Builder builder(String publicBaseUrl) {
    return new Builder(publicBaseUrl);
  }

  /** Whether {@code id} has the form of an approval id (checked before any store look-up). */
  public static boolean isWellFormedId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public String approverScope() {
    return approverScope;
  }

  public Duration ttl() {
    return ttl;
  }

  public SecondPersonPolicy secondPersonPolicy() {
    return secondPerson;
  }

  /** The page URL of an approval id. */
  public URI urlOf(String id) {
    return URI.create(publicBaseUrl + PATH + id);
  }

  /** Opens an approval for {@code request}; the caller gets only the URL. */
  public Opened open(ApprovalRequest request) {
    Objects.requireNonNull(request, "request");
    Instant now = clock.instant();
    store.purgeExpiredBefore(now.minus(RETENTION));
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = "ap_" + HexFormat.of().formatHex(random);
    boolean fourEyes = secondPerson.requires(request);
    PendingApproval approval =
        new PendingApproval(
            id, request, ApprovalState.PENDING, now, now.plus(ttl), fourEyes, List.of(), null, 0);
    store.create(approval);
    return new Opened(id, urlOf(id), approval.expiresAt(), fourEyes);
  }

  /**
   * The approval with this id as it stands now (an approval past its expiry reads as {@link
   * ApprovalState#EXPIRED}); empty for an unknown or malformed id.
   */
  public Optional<PendingApproval> find(String id) {
    if (!isWellFormedId(id)) {
      return Optional.empty();
    }
    while (true) {
      Optional<PendingApproval> found = store.find(id);
      if (found.isEmpty()) {
        return found;
      }
      PendingApproval approval = found.get();
      boolean live =
          approval.state() == ApprovalState.PENDING || approval.state() == ApprovalState.APPROVED;
      if (live && approval.expiredAt(clock.instant())) {
        PendingApproval expired = approval.withState(ApprovalState.EXPIRED);
        if (!store.compareAndSet(id, approval.version(), expired)) {
          continue;
        }
        approval = expired;
      }
      settle(approval);
      return Optional.of(approval);
    }
  }

  /** Whether {@code person} may decide {@code approval}: the subject who asked, or an approver. */
  public boolean mayDecide(PendingApproval approval, Principal person) {
    return person.subject().equals(approval.request().subject()) || person.hasScope(approverScope);
  }

  /**
   * A person's decision on the page. Approving needs the typed phrase; declining does not. With
   * four eyes, the approval is complete when two different people approved (each the subject who
   * asked or an approver); one decline is final.
   */
  public Outcome decide(String id, Principal person, Verdict verdict, String typedPhrase) {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(verdict, "verdict");
    while (true) {
      Optional<PendingApproval> found = find(id);
      if (found.isEmpty()) {
        return Outcome.UNKNOWN;
      }
      PendingApproval approval = found.get();
      if (approval.state() == ApprovalState.EXPIRED) {
        return Outcome.EXPIRED;
      }
      if (approval.state() != ApprovalState.PENDING) {
        return Outcome.ALREADY_DECIDED;
      }
      if (!mayDecide(approval, person)) {
        return Outcome.NOT_ALLOWED;
      }
      PendingApproval next;
      if (verdict == Verdict.DECLINE) {
        next = approval.declinedBy(person.subject());
      } else {
        if (!phraseMatches(approval.request().phrase(), typedPhrase)) {
          return Outcome.WRONG_PHRASE;
        }
        if (approval.approvedBy().contains(person.subject())) {
          return Outcome.SAME_PERSON;
        }
        next = approval.approvedBy(person.subject());
      }
      if (store.compareAndSet(id, approval.version(), next)) {
        settle(next);
        return switch (next.state()) {
          case DECLINED -> Outcome.DECLINED;
          case APPROVED -> Outcome.APPROVED;
          default -> Outcome.AWAITING_SECOND_PERSON;
        };
      }
    }
  }

  /**
   * The gate's side: succeeds exactly once for an approved approval opened for this subject, tool
   * and preview digest; every other call changes nothing.
   */
  public Redemption redeem(String id, String subject, String tool, String previewDigest) {
    while (true) {
      Optional<PendingApproval> found = find(id);
      if (found.isEmpty()) {
        return new Redemption(RedeemStatus.UNKNOWN, null);
      }
      PendingApproval approval = found.get();
      ApprovalRequest request = approval.request();
      if (!request.subject().equals(subject)
          || !request.tool().equals(tool)
          || previewDigest == null
          || !MessageDigest.isEqual(
              request.previewDigest().getBytes(StandardCharsets.UTF_8),
              previewDigest.getBytes(StandardCharsets.UTF_8))) {
        return new Redemption(RedeemStatus.MISMATCH, null);
      }
      RedeemStatus status =
          switch (approval.state()) {
            case PENDING -> RedeemStatus.PENDING;
            case DECLINED -> RedeemStatus.DECLINED;
            case EXPIRED -> RedeemStatus.EXPIRED;
            case USED -> RedeemStatus.ALREADY_USED;
            case APPROVED ->
                store.compareAndSet(id, approval.version(), approval.withState(ApprovalState.USED))
                    ? RedeemStatus.REDEEMED
                    : null; // someone else changed it: read again
          };
      if (status != null) {
        return new Redemption(status, status == RedeemStatus.REDEEMED ? request : null);
      }
    }
  }

  /**
   * Hands a secret read for a redeemed approval to its page, to be shown once to the person (the
   * subject who asked, or an approver) and never to the model. Held for one approval lifetime.
   *
   * @return when it was handed over
   * @throws IllegalStateException unless the approval is used (approved and redeemed) and was asked
   *     for by {@code subject}
   */
  public SecretReveal reveal(String id, String subject, String label, String secret) {
    PendingApproval approval =
        find(id).orElseThrow(() -> new IllegalStateException("unknown approval"));
    if (approval.state() != ApprovalState.USED || !approval.request().subject().equals(subject)) {
      throw new IllegalStateException("only a redeemed approval of the same subject reveals");
    }
    Instant now = clock.instant();
    SecretReveal reveal = new SecretReveal(id, label, secret, now);
    reveals.put(reveal, now.plus(ttl));
    return reveal;
  }

  /** The secret waiting on this approval's page, removed so that it is shown once. */
  public Optional<SecretReveal> takeReveal(String id) {
    return isWellFormedId(id) ? reveals.take(id) : Optional.empty();
  }

  /**
   * Completes with the approval once it is approved, declined or expired (for protocols where the
   * server waits for the person). Decisions made on this instance complete it at once; {@link
   * #sweep} (run periodically) picks up expiry and decisions made on other instances.
   *
   * @return a failed future ({@link NoSuchElementException}) for an unknown id
   */
  public CompletableFuture<PendingApproval> awaitDecision(String id) {
    Optional<PendingApproval> found = find(id);
    if (found.isEmpty()) {
      return CompletableFuture.failedFuture(new NoSuchElementException("unknown approval"));
    }
    PendingApproval approval = found.get();
    if (approval.state().decided()) {
      return CompletableFuture.completedFuture(approval);
    }
    CompletableFuture<PendingApproval> future =
        waiters.computeIfAbsent(id, key -> new CompletableFuture<>());
    // Re-read: a decision may have landed between the first read and registering the waiter.
    find(id);
    long millis =
        Math.max(0, Duration.between(clock.instant(), approval.expiresAt()).toMillis()) + 50;
    CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> find(id));
    return future;
  }

  /**
   * Completes waiters whose approval was decided elsewhere or expired, and forgets approvals
   * expired for longer than an hour. Cheap; the executable runs it every few seconds.
   */
  public void sweep() {
    waiters.keySet().forEach(id -> find(id).ifPresentOrElse(a -> {}, () -> forget(id)));
    store.purgeExpiredBefore(clock.instant().minus(RETENTION));
  }

  private void forget(String id) {
    CompletableFuture<PendingApproval> future = waiters.remove(id);
    if (future != null) {
      future.completeExceptionally(new NoSuchElementException("approval no longer held"));
    }
  }

  private void settle(PendingApproval approval) {
    if (approval.state().decided()) {
      CompletableFuture<PendingApproval> future = waiters.remove(approval.id());
      if (future != null) {
        future.complete(approval);
      }
    }
  }

  /** Case and runs of white space do not count: the phrase is for attention, not a secret. */
  static boolean phraseMatches(String expected, String typed) {
    if (typed == null) {
      return false;
    }
    return normalize(expected).equals(normalize(typed));
  }

  private static String normalize(String phrase) {
    return phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Configures {@link Approvals}. */
  public static final class Builder {
    private final String publicBaseUrl;
    private Duration ttl = DEFAULT_TTL;
    private ApprovalStore store;
    private Clock clock = Clock.systemUTC();
    private String approverScope = DEFAULT_APPROVER_SCOPE;
    private SecondPersonPolicy secondPerson = SecondPersonPolicy.none();
    private SecretReveals reveals;

    private Builder(String publicBaseUrl) {
      String base = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl").strip();
      URI uri = URI.create(base);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new IllegalArgumentException("the public base URL must be http(s): " + base);
      }
      this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public Builder ttl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("the approval lifetime must be positive");
      }
      this.ttl = ttl;
      return this;
    }

    public Builder store(ApprovalStore store) {
      this.store = Objects.requireNonNull(store);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder approverScope(String scope) {
      if (scope == null || scope.isBlank()) {
        throw new IllegalArgumentException("the approver scope must not be blank");
      }
      this.approverScope = scope;
      return this;
    }

    public Builder secondPerson(SecondPersonPolicy policy) {
      this.secondPerson = Objects.requireNonNull(policy);
      return this;
    }

    /** Where secrets wait for their page (default: this process's memory). */
    public Builder reveals(SecretReveals store) {
      this.reveals = Objects.requireNonNull(store);
      return this;
    }

    public Approvals build() {
      if (store == null) {
        store = new InMemoryApprovalStore();
      }
      return new Approvals(this);
    }
  }
}
