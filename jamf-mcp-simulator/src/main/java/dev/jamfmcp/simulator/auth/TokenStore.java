package dev.jamfmcp.simulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Issues and checks bearer tokens against the simulator's clock, so tokens really expire and a
 * {@link dev.jamfmcp.simulator.ManualClock} can expire them in a test without sleeping.
 */
public final class TokenStore {
  private final Clock clock;
  private final Duration clientLifetime;
  private final Duration userLifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile IntConsumer onIssue = n -> {};
  private volatile boolean credentialsRefused;

  public TokenStore(Clock clock, Duration clientLifetime, Duration userLifetime) {
    this.clock = clock;
    this.clientLifetime = clientLifetime;
    this.userLifetime = userLifetime;
  }

  public Token issueClientToken(String clientId) {
    return issue(Token.Kind.API_CLIENT, clientId, clientLifetime);
  }

  public Token issueUserToken(String username) {
    return issue(Token.Kind.USER, username, userLifetime);
  }

  public Duration clientLifetime() {
    return clientLifetime;
  }

  /** The live token behind an {@code Authorization: Bearer ...} header, if any. */
  public Optional<Token> validate(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    Token token = tokens.get(authorizationHeader.substring(7).trim());
    if (token == null) {
      return Optional.empty();
    }
    if (!token.validAt(clock.instant())) {
      tokens.remove(token.value());
      return Optional.empty();
    }
    return Optional.of(token);
  }

  public void invalidate(Token token) {
    tokens.remove(token.value());
  }

  /** Fault injection: every token issued so far stops working at once. */
  public void revokeAll() {
    tokens.clear();
  }

  /**
   * Fault injection: the configured credentials stop working (as when an admin deletes the API
   * client or disables the account); tokens already issued are not touched.
   */
  public void refuseCredentials() {
    credentialsRefused = true;
  }

  /** Whether the token routes must refuse even the configured credentials. */
  public boolean credentialsRefused() {
    return credentialsRefused;
  }

  /**
   * Test hook: runs with the number of tokens issued so far each time one is issued, before the
   * client receives it; a hook that calls {@link #revokeAll()} makes the new token dead on arrival.
   */
  public void onIssue(IntConsumer hook) {
    onIssue = hook;
  }

  /** How many tokens are currently valid. */
  public long liveTokens() {
    Instant now = clock.instant();
    tokens.values().removeIf(t -> !t.validAt(now));
    return tokens.size();
  }

  private Token issue(Token.Kind kind, String subject, Duration lifetime) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Token token = new Token(value, kind, subject, clock.instant().plus(lifetime));
    if (tokens.size() > 100_000) {
      liveTokens(); // bound the map: clients that never reuse tokens must not grow it forever
    }
    tokens.put(value, token);
    onIssue.accept(issued.incrementAndGet());
    return token;
  }
}
