package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.javalin.pages.FormGuard;
import dev.jamfmcp.javalin.pages.Pages;
import dev.jamfmcp.javalin.pages.Sealer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consent step of the front: before the browser goes to the provider, the person sees which
 * client asks (its registered name and where its access goes) and for what, and allows or denies.
 * Without it, an authorize link naming someone else's client, opened by a victim who then signs in,
 * handed that client the victim's token (the confused deputy of a proxy with one static provider
 * client).
 *
 * <p>"Per user" here means per browser: the person is not known before the provider's sign-in,
 * which comes after this page, so an answer is remembered in a cookie of this browser, bound to the
 * client id, its redirect URI and the scopes allowed (HMAC under the front's key), for {@link
 * #REMEMBER} at most. A client that asks for more scopes than were allowed is asked about again; a
 * different client or redirect URI never shares an answer.
 */
final class Consent {
  static final Duration REMEMBER = Duration.ofDays(30);
  private static final String REQUEST = "consent-request";

  /** What each scope lets a client do, in the words the page uses. */
  static final Map<String, String> SCOPE_WORDS =
      Map.of(
          "read:jamf", "see your Mac and iPad fleet",
          "write:jamf",
              "change devices, groups and policies (each change still needs your confirmation)",
          "openid", "know who you are",
          "profile", "see your name",
          "email", "see your email address",
          "offline_access", "keep this access while you are away");

  /** The authorization request waiting for an answer, sealed into the consent form. */
  record Request(
      String clientId,
      String redirectUri,
      String clientState,
      String scope,
      String codeChallenge,
      String resource) {
    Set<String> scopes() {
      return scopeSet(scope);
    }
  }

  private final Sealer sealer;
  private final FormGuard guard;
  private final Clock clock;
  private final Duration requestTtl;
  private final boolean secure;

  Consent(Sealer sealer, byte[] formKey, boolean secure, Duration requestTtl, Clock clock) {
    this.sealer = sealer;
    this.guard = new FormGuard(formKey, secure);
    this.secure = secure;
    this.requestTtl = requestTtl;
    this.clock = clock;
  }

  static Set<String> scopeSet(String scope) {
    Set<String> scopes = new TreeSet<>();
    if (scope != null) {
      Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    }
    return scopes;
  }

  /** Whether this browser already allowed this client, at this redirect URI, these scopes. */
  boolean remembered(Context ctx, Request request) {
    return rememberedScopes(ctx, request).containsAll(request.scopes());
  }

  /** Whether this browser allowed this client, at this redirect URI, anything before. */
  boolean known(Context ctx, Request request) {
    return !rememberedScopes(ctx, request).isEmpty();
  }

  private Set<String> rememberedScopes(Context ctx, Request request) {
    String text = sealer.open(cookiePurpose(request), ctx.cookie(cookieName(request.clientId())));
    if (text == null) {
      return Set.of();
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (clock.instant().getEpochSecond() > node.get("e").longValue()) {
        return Set.of();
      }
      Set<String> scopes = new TreeSet<>();
      node.path("s").forEach(s -> scopes.add(s.stringValue()));
      return scopes;
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /** Remembers the answer, adding to what this browser allowed this client before. */
  void remember(Context ctx, Request request) {
    Set<String> scopes = new TreeSet<>(rememberedScopes(ctx, request));
    scopes.addAll(request.scopes());
    ObjectNode node = Json.object().put("e", clock.instant().plus(REMEMBER).getEpochSecond());
    scopes.forEach(node.withArray("s")::add);
    // SameSite=Lax, not Strict: the authorize request is a top-level navigation from the client's
    // site (chatgpt.com, claude.ai), and browsers send Strict cookies on no cross-site request,
    // so a Strict answer would never be found again. Lax is sent on such top-level GETs only, and
    // the cookie only ever skips a page; it grants nothing by itself (the provider sign-in still
    // follows).
    ctx.header(
        "Set-Cookie",
        cookieName(request.clientId())
            + "="
            + sealer.seal(cookiePurpose(request), node.toString())
            + "; Path=/; Max-Age="
            + REMEMBER.toSeconds()
            + "; HttpOnly; SameSite=Lax"
            + (secure ? "; Secure" : ""));
  }

  private String cookieName(String clientId) {
    // __Host-: the browser binds the cookie to this exact origin (https only).
    return (secure ? "__Host-" : "")
        + "jamfmcp-consent-"
        + sealer.digest("consent-cookie-name", clientId);
  }

  private static String cookiePurpose(Request request) {
    return "consent-cookie\0" + request.clientId() + "\0" + request.redirectUri();
  }

  /** Shows the consent page for a request of a registered client. */
  void show(Context ctx, Registrations.Registration client, Request request, String provider) {
    String sealed = seal(request);
    List<String> permissions = new ArrayList<>();
    for (String scope : request.scopes()) {
      permissions.add(SCOPE_WORDS.getOrDefault(scope, "use the permission \"" + scope + "\""));
    }
    if (permissions.isEmpty()) {
      permissions.add("know who you are");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("clientName", client.displayName());
    params.put("redirectHost", URI.create(request.redirectUri()).getHost());
    params.put("redirectUri", request.redirectUri());
    params.put("permissions", permissions);
    params.put("request", sealed);
    params.put("csrf", guard.tokenFor(ctx, purpose(sealed)));
    params.put("rememberDays", REMEMBER.toDays());
    Pages.send(
        ctx,
        200,
        Pages.render("consent-page.jte", params),
        origin(provider),
        origin(request.redirectUri()));
  }

  /** Whether the posted form carries this browser's token for this very request. */
  boolean accepts(Context ctx, String sealedRequest) {
    return sealedRequest != null && guard.accepts(ctx, purpose(sealedRequest));
  }

  private String purpose(String sealedRequest) {
    return "consent:" + sealer.digest("consent-form", sealedRequest);
  }

  String seal(Request request) {
    ObjectNode node =
        Json.object()
            .put("c", request.clientId())
            .put("r", request.redirectUri())
            .put("x", request.codeChallenge())
            .put("e", clock.instant().plus(requestTtl).getEpochSecond());
    if (request.clientState() != null) {
      node.put("s", request.clientState());
    }
    if (request.scope() != null) {
      node.put("o", request.scope());
    }
    if (request.resource() != null) {
      node.put("u", request.resource());
    }
    return sealer.seal(REQUEST, node.toString());
  }

  /** The request behind a consent form, or null when it is forged, altered or expired. */
  Request open(String sealed) {
    String text = sealer.open(REQUEST, sealed);
    if (text == null) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (clock.instant().getEpochSecond() > node.get("e").longValue()) {
        return null;
      }
      return new Request(
          node.get("c").stringValue(),
          node.get("r").stringValue(),
          text(node, "s"),
          text(node, "o"),
          node.get("x").stringValue(),
          text(node, "u"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? null : value.stringValue();
  }

  static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** An error a person reads: no redirect anywhere. */
  static void errorPage(Context ctx, int status, String heading, String message) {
    Pages.send(
        ctx,
        status,
        Pages.render("consent-error.jte", Map.of("heading", heading, "message", message)));
  }
}
