package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed, single-use, short-lived confirmations bound to one principal, one tool, one exact set of
 * arguments and the resolved targets the user was shown. Each carries, inside the signed payload,
 * its {@link Kind} (a confirmation token, a 2026-07-28 request state, an approval request state)
 * and the {@link Path} that minted it (a session that declares elicitation or one that does not);
 * redeeming names the kind and path expected, so one kind never stands in for another, and a token
 * minted where no dialog was possible never skips the dialog of a session that has one.
 * Self-contained, so any instance that shares the key accepts them; single use is recorded in a
 * {@link ConsumedTokens} ledger, so it holds across the instances that share that ledger.
 */
final class ConfirmationTokens {
  private static final Logger log = LoggerFactory.getLogger(ConfirmationTokens.class);
  // c2: payloads carry kind, path and targets; c1 tokens (no kind) are refused as malformed
  private static final String PREFIX = "c2.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ConsumedTokens consumed;

  /** What a signed confirmation is; each is valid only where its kind is expected. */
  enum Kind {
    /** The {@code confirmationToken} argument, minted for clients without elicitation. */
    CONFIRMATION("confirmation"),
    /** The 2026-07-28 {@code requestState}, minted with an elicitation input request. */
    REQUEST_STATE("request-state"),
    /**
     * The 2026-07-28 {@code requestState} of an approval on the approval page: carries the approval
     * id, so the retry redeems the person's decision. Never accepted as either kind above.
     */
    APPROVAL("approval");

    final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  /** How the session that minted it confirms: through the client's dialog, or not. */
  enum Path {
    ELICITATION("elicitation"),
    NO_ELICITATION("no-elicitation");

    final String code;

    Path(String code) {
      this.code = code;
    }
  }

  /** Why a token was refused; each has a code for the audit log and a message a model can relay. */
  enum Refusal {
    MALFORMED("the confirmation token is not one this server issued (it may have been altered)"),
    WRONG_KIND(
        "this is not a confirmation token (a request state or another kind of id cannot stand in"
            + " for one)"),
    WRONG_PATH(
        "the confirmation was issued for a different way of confirming: this session confirms"
            + " through the user's own dialog"),
    OTHER_PRINCIPAL("the confirmation token was issued to another user"),
    OTHER_CALL(
        "the confirmation token was issued for a different tool or different arguments;"
            + " the arguments must be exactly those of the call that returned it"),
    EXPIRED("the confirmation token has expired"),
    TARGETS_CHANGED(
        "the devices now resolve differently from those the user was shown (a rename, or a"
            + " re-enrollment, since the preview)"),
    REPLAYED("the confirmation token has already been used"),
    UNCHECKED(
        "whether the confirmation was already used could not be checked right now (the"
            + " used-confirmations store did not answer); try again shortly");

    final String message;

    Refusal(String message) {
      this.message = message;
    }

    /** For audit lines: {@code wrong_kind}, {@code targets_changed}, ... */
    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  ConfirmationTokens(byte[] secret, Duration ttl, Clock clock, ConsumedTokens consumed) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the confirmation key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.ttl = ttl;
    this.clock = clock;
    this.consumed = java.util.Objects.requireNonNull(consumed, "consumed");
  }

  Duration ttl() {
    return ttl;
  }

  /** The ledger of used confirmations that {@link #redeem} records in by default. */
  ConsumedTokens ledger() {
    return consumed;
  }

  /**
   * A new token of this kind, minted on this path, for this caller, tool, arguments and resolved
   * targets; also returns its id (the nonce) and when it expires.
   */
  Issued issue(
      Kind kind,
      Path path,
      String subject,
      String tool,
      ObjectNode arguments,
      java.util.List<String> targets) {
    Instant expires = clock.instant().plus(ttl);
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String id = B64.encodeToString(nonce);
    ObjectNode payload =
        Json.object()
            .put("kind", kind.code)
            .put("path", path.code)
            .put("sub", subject)
            .put("tool", tool)
            .put("args", digest(arguments))
            .put("targets", targetsDigest(targets))
            .put("exp", expires.getEpochSecond())
            .put("nonce", id);
    String body = B64.encodeToString(Json.mapper().writeValueAsBytes(payload));
    return new Issued(PREFIX + body + "." + B64.encodeToString(sign(body)), id, expires);
  }

  record Issued(String token, String id, Instant expiresAt) {}

  /**
   * A request state of kind {@link Kind#APPROVAL} carrying {@code approvalId}, for this caller and
   * tool, valid until {@code expires} (the approval's own expiry).
   */
  String issueApproval(String approvalId, String subject, String tool, Instant expires) {
    ObjectNode payload =
        Json.object()
            .put("kind", Kind.APPROVAL.code)
            .put("path", Path.ELICITATION.code)
            .put("sub", subject)
            .put("tool", tool)
            .put("approval", approvalId)
            .put("exp", expires.getEpochSecond());
    String body = B64.encodeToString(Json.mapper().writeValueAsBytes(payload));
    return PREFIX + body + "." + B64.encodeToString(sign(body));
  }

  /**
   * The approval id inside a request state of kind {@link Kind#APPROVAL} minted for this caller and
   * tool; the refusal otherwise. Single use is the approval's own (it is redeemed once).
   */
  ApprovalRef approvalRef(String token, String subject, String tool) {
    JsonNode payload = verified(token);
    if (payload == null) {
      return new ApprovalRef(Refusal.MALFORMED, null);
    }
    if (!Kind.APPROVAL.code.equals(payload.path("kind").asString(""))) {
      return new ApprovalRef(Refusal.WRONG_KIND, null);
    }
    if (!subject.equals(payload.path("sub").asString(""))) {
      return new ApprovalRef(Refusal.OTHER_PRINCIPAL, null);
    }
    if (!tool.equals(payload.path("tool").asString(""))) {
      return new ApprovalRef(Refusal.OTHER_CALL, null);
    }
    if (!clock.instant().isBefore(Instant.ofEpochSecond(payload.path("exp").asLong(0)))) {
      return new ApprovalRef(Refusal.EXPIRED, null);
    }
    return new ApprovalRef(null, payload.path("approval").asString(""));
  }

  /** The approval id of an approval request state, or the refusal (then the id is null). */
  record ApprovalRef(Refusal refusal, String approvalId) {}

  /** The outcome of a redemption: the refusal (null when accepted) and the token's id if known. */
  record Redemption(Refusal refusal, String id) {
    boolean accepted() {
      return refusal == null;
    }
  }

  /**
   * Accepted only if the token is of {@code kind}, was minted on {@code path}, and confirms exactly
   * this call on exactly these resolved targets. Consumes it once it is known to be genuine, live
   * and for this call, so a token refused for changed targets cannot be used again either. The use
   * is recorded in {@code ledger}: {@link #ledger()}, or one that also takes the pending action.
   */
  Redemption redeem(
      String token,
      Kind kind,
      Path path,
      String subject,
      String tool,
      ObjectNode arguments,
      java.util.List<String> targets,
      ConsumedTokens ledger) {
    Refusal refusal = check(token, kind, path, subject, tool, arguments, targets, ledger);
    return new Redemption(refusal, refusal == Refusal.MALFORMED ? null : idOf(token));
  }

  private Refusal check(
      String token,
      Kind kind,
      Path path,
      String subject,
      String tool,
      ObjectNode arguments,
      java.util.List<String> targets,
      ConsumedTokens ledger) {
    JsonNode payload = verified(token);
    if (payload == null) {
      return Refusal.MALFORMED;
    }
    if (!kind.code.equals(payload.path("kind").asString(""))) {
      return Refusal.WRONG_KIND;
    }
    if (!path.code.equals(payload.path("path").asString(""))) {
      return Refusal.WRONG_PATH;
    }
    if (!subject.equals(payload.path("sub").asString(""))) {
      return Refusal.OTHER_PRINCIPAL;
    }
    if (!tool.equals(payload.path("tool").asString(""))
        || !digest(arguments).equals(payload.path("args").asString(""))) {
      return Refusal.OTHER_CALL;
    }
    Instant expires = Instant.ofEpochSecond(payload.path("exp").asLong(0));
    Instant now = clock.instant();
    if (!now.isBefore(expires)) {
      return Refusal.EXPIRED;
    }
    String nonce = payload.path("nonce").asString("");
    if (nonce.isEmpty()) {
      return Refusal.MALFORMED;
    }
    try {
      if (!ledger.markConsumed(nonce, expires)) {
        return Refusal.REPLAYED;
      }
    } catch (RuntimeException e) {
      // Fail closed: an unchecked confirmation could repeat a write.
      log.warn("The consumed-confirmations ledger failed; refusing the confirmation", e);
      return Refusal.UNCHECKED;
    }
    if (!targetsDigest(targets).equals(payload.path("targets").asString(""))) {
      return Refusal.TARGETS_CHANGED;
    }
    return null;
  }

  /** The signed payload, or null when the token is not one this server signed. */
  private JsonNode verified(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 2048) {
      return null;
    }
    int dot = token.indexOf('.', PREFIX.length());
    if (dot < 0) {
      return null;
    }
    String body = token.substring(PREFIX.length(), dot);
    try {
      byte[] signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(body))) {
        return null;
      }
      JsonNode payload = Json.mapper().readTree(B64D.decode(body));
      return payload.isObject() ? payload : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String idOf(String token) {
    JsonNode payload = verified(token);
    return payload == null ? null : payload.path("nonce").asString(null);
  }

  /** SHA-256 of the resolved targets, in order ({@code computer:42=<management id>} ...). */
  static String targetsDigest(java.util.List<String> targets) {
    return digest(Json.mapper().valueToTree(targets));
  }

  private byte[] sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** SHA-256 of the arguments in a canonical form: keys sorted at every level. */
  static String digest(JsonNode arguments) {
    try {
      byte[] canonical = Json.mapper().writeValueAsBytes(canonical(arguments));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static Object canonical(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      return sorted;
    }
    if (node.isArray()) {
      java.util.List<Object> items = new java.util.ArrayList<>();
      node.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return node;
  }
}
