package dev.jamfmcp.javalin.approval;

import dev.jamfmcp.mcp.approval.Approvals;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link ApprovalPlugin}. Required: {@link #approvals}, {@link #publicBaseUrl}, {@link
 * #signingKey}, and a way to sign in: {@link #oidc} (the identity provider the MCP tokens come
 * from) or, for the demo only, {@link #devSignIn}.
 */
public final class ApprovalPageConfig {
  Approvals approvals;
  String publicBaseUrl;
  byte[] signingKey;
  String issuer;
  String clientId;
  String clientSecret;
  String oidcScopes = "openid profile";
  boolean devSignIn;
  Duration sessionTtl = Duration.ofMinutes(15);
  Duration httpTimeout = Duration.ofSeconds(10);
  Clock clock = Clock.systemUTC();

  /** The approvals the pages decide. */
  public ApprovalPageConfig approvals(Approvals approvals) {
    this.approvals = Objects.requireNonNull(approvals);
    return this;
  }

  /**
   * The server's public origin, e.g. {@code https://mcp.example.com} (the same one the approvals
   * build their URLs on). https makes every cookie {@code Secure} and {@code __Host-} prefixed.
   */
  public ApprovalPageConfig publicBaseUrl(String url) {
    URI uri = URI.create(Objects.requireNonNull(url).strip());
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the public base URL must be http(s): " + url);
    }
    String base = uri.toString();
    this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return this;
  }

  /** The key (at least 32 bytes) that signs the sign-in cookies and the forms' CSRF tokens. */
  public ApprovalPageConfig signingKey(byte[] key) {
    if (Objects.requireNonNull(key).length < 32) {
      throw new IllegalArgumentException("the signing key must be at least 32 bytes");
    }
    this.signingKey = key.clone();
    return this;
  }

  /**
   * Sign-in with the identity provider: OpenID Connect authorization code with PKCE against {@code
   * issuer} (its discovery document), as a confidential client when {@code clientSecret} is given.
   * The provider must allow the redirect URI {@code <public base>/approval/callback}.
   */
  public ApprovalPageConfig oidc(String issuer, String clientId, String clientSecret) {
    this.issuer = Objects.requireNonNull(issuer);
    this.clientId = Objects.requireNonNull(clientId);
    this.clientSecret = clientSecret == null || clientSecret.isEmpty() ? null : clientSecret;
    return this;
  }

  /** The scopes asked at sign-in; {@code openid profile} by default. */
  public ApprovalPageConfig oidcScopes(String scopes) {
    this.oidcScopes = Objects.requireNonNull(scopes);
    return this;
  }

  /**
   * Development sign-in: a page where you type a user name, nothing checked. For the demo only; the
   * plugin refuses to start with it on anything but a loopback address.
   */
  public ApprovalPageConfig devSignIn(boolean enabled) {
    this.devSignIn = enabled;
    return this;
  }

  /** How long a sign-in on the page lasts; 15 minutes by default. */
  public ApprovalPageConfig sessionTtl(Duration ttl) {
    this.sessionTtl = Objects.requireNonNull(ttl);
    return this;
  }

  /** Timeout of the calls to the identity provider; 10 seconds by default. */
  public ApprovalPageConfig httpTimeout(Duration timeout) {
    this.httpTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public ApprovalPageConfig clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  boolean secure() {
    return publicBaseUrl.startsWith("https://");
  }
}
