package dev.jamfmcp.javalin.approval;

import dev.jamfmcp.javalin.pages.FormGuard;
import dev.jamfmcp.javalin.pages.Pages;
import dev.jamfmcp.mcp.LogSafe;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.approval.ApprovalState;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.approval.PendingApproval;
import dev.jamfmcp.mcp.approval.SecretReveal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The approval page, its sign-in (OIDC or, in the demo, the development form) and its answers. */
final class ApprovalRoutes {
  static final String PAGE = Approvals.PATH + "{id}";
  static final String SIGN_IN = "/approval/sign-in";
  static final String DEV_SIGN_IN = "/approval/dev-sign-in";

  private static final Logger log = LoggerFactory.getLogger(ApprovalRoutes.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final Pattern DEV_USER = Pattern.compile("[A-Za-z0-9._@|:-]{1,128}");

  private final ApprovalPageConfig config;
  private final Approvals approvals;
  private final FormGuard forms;
  // The sign-in itself: Strict, so no other site can make a browser act with it.
  private final SignedCookies session;
  // The OIDC transaction must survive the top-level redirect back from the provider, a cross-site
  // navigation on which Strict cookies are not sent: Lax, short-lived, and useless without the
  // provider's code. After the callback the browser takes one same-site step (approval-continue)
  // so the Strict session cookie is sent when the approval page loads.
  private final SignedCookies transaction;
  private final OidcSignIn oidc;

  ApprovalRoutes(ApprovalPageConfig config) {
    this.config = config;
    this.approvals = config.approvals;
    this.forms = new FormGuard(config.signingKey, config.secure());
    this.session =
        new SignedCookies(
            config.signingKey,
            "approval-session",
            "jamfmcp-approver",
            "Strict",
            config.secure(),
            config.clock);
    this.transaction =
        new SignedCookies(
            config.signingKey,
            "approval-oidc",
            "jamfmcp-signin",
            "Lax",
            config.secure(),
            config.clock);
    this.oidc = config.issuer == null ? null : new OidcSignIn(config);
  }

  // ---- the approval page ----

  void show(Context ctx) {
    String id = ctx.pathParam("id");
    if (!Approvals.isWellFormedId(id)) {
      notFound(ctx);
      return;
    }
    Optional<Principal> viewer = viewer(ctx);
    if (viewer.isEmpty()) {
      ctx.redirect(
          config.publicBaseUrl + SIGN_IN + "?id=" + id, io.javalin.http.HttpStatus.SEE_OTHER);
      ctx.header("Cache-Control", "no-store");
      return;
    }
    Optional<PendingApproval> found = approvals.find(id);
    if (found.isEmpty()) {
      notFound(ctx);
      return;
    }
    PendingApproval approval = found.get();
    if (!approvals.mayDecide(approval, viewer.get())) {
      notYours(ctx);
      return;
    }
    if (approval.state() == ApprovalState.USED
        && viewer.get().subject().equals(approval.request().subject())) {
      Optional<SecretReveal> reveal = approvals.takeReveal(id);
      if (reveal.isPresent()) {
        Map<String, Object> params = new HashMap<>();
        params.put("label", reveal.get().label());
        params.put("secret", reveal.get().secret());
        params.put("readAt", TIME.format(reveal.get().readAt()));
        Pages.send(ctx, 200, Pages.render("approval-reveal.jte", params));
        return;
      }
    }
    if (approval.state() != ApprovalState.PENDING) {
      finished(ctx, approval);
      return;
    }
    review(ctx, 200, approval, viewer.get(), null);
  }

  void decide(Context ctx) {
    String id = ctx.pathParam("id");
    if (!Approvals.isWellFormedId(id)) {
      notFound(ctx);
      return;
    }
    if (!forms.accepts(ctx, purpose(id))) {
      message(
          ctx,
          403,
          "Form expired",
          "This form could not be verified, so nothing was decided. Open the request again.",
          config.publicBaseUrl + Approvals.PATH + id,
          "Open the request");
      return;
    }
    Optional<Principal> viewer = viewer(ctx);
    if (viewer.isEmpty()) {
      message(ctx, 403, "Sign in first", "You are not signed in; nothing was decided.", null, null);
      return;
    }
    String decision = ctx.formParam("decision");
    Approvals.Verdict verdict;
    if ("approve".equals(decision)) {
      verdict = Approvals.Verdict.APPROVE;
    } else if ("decline".equals(decision)) {
      verdict = Approvals.Verdict.DECLINE;
    } else {
      message(ctx, 400, "Choose approve or decline", "Nothing was decided.", null, null);
      return;
    }
    Principal person = viewer.get();
    Approvals.Outcome outcome = approvals.decide(id, person, verdict, ctx.formParam("phrase"));
    // Only a prefix of the id: enough to match the audit line, not to open the page.
    log.info(
        "approval {}...: {} by {} -> {}",
        id.substring(0, 11),
        verdict,
        LogSafe.quote(person.subject()),
        outcome);
    switch (outcome) {
      case APPROVED ->
          message(
              ctx,
              200,
              "Approved",
              "Approved. Go back to your assistant: the action runs once, the next time it asks.",
              null,
              null);
      case AWAITING_SECOND_PERSON ->
          message(
              ctx,
              200,
              "Waiting for a second person",
              "Your approval is recorded. A second, different person holding "
                  + approvals.approverScope()
                  + " must approve at this same address before anything runs.",
              null,
              null);
      case DECLINED -> message(ctx, 200, "Declined", "Declined. Nothing will run.", null, null);
      case UNKNOWN -> notFound(ctx);
      case EXPIRED -> expired(ctx);
      case NOT_ALLOWED -> notYours(ctx);
      case SAME_PERSON ->
          message(
              ctx,
              409,
              "Already approved by you",
              "Four eyes: a different person must give the second approval.",
              null,
              null);
      case ALREADY_DECIDED ->
          approvals.find(id).ifPresentOrElse(a -> finished(ctx, a), () -> notFound(ctx));
      case WRONG_PHRASE ->
          approvals
              .find(id)
              .ifPresentOrElse(
                  a ->
                      review(
                          ctx,
                          422,
                          a,
                          person,
                          "The phrase you typed does not match; nothing was decided."),
                  () -> notFound(ctx));
    }
  }

  private void review(
      Context ctx, int status, PendingApproval approval, Principal viewer, String notice) {
    Map<String, Object> params = new HashMap<>();
    params.put("approval", approval);
    params.put("viewer", viewer.subject());
    params.put("approverScope", approvals.approverScope());
    params.put("expiresAt", TIME.format(approval.expiresAt()));
    params.put("csrf", forms.tokenFor(ctx, purpose(approval.id())));
    params.put("notice", notice);
    params.put("viewerApproved", approval.approvedBy().contains(viewer.subject()));
    Pages.send(ctx, status, Pages.render("approval-show.jte", params));
  }

  private void finished(Context ctx, PendingApproval approval) {
    switch (approval.state()) {
      case EXPIRED -> expired(ctx);
      case DECLINED ->
          message(
              ctx, 409, "Already declined", "This request was declined; nothing runs.", null, null);
      case USED ->
          message(ctx, 409, "Already done", "This request was approved and has run.", null, null);
      default ->
          message(
              ctx,
              409,
              "Already approved",
              "This request is approved; it runs once, the next time the assistant asks.",
              null,
              null);
    }
  }

  private void expired(Context ctx) {
    message(
        ctx,
        410,
        "Request expired",
        "This request has expired; nothing will run. Ask your assistant again for a new one.",
        null,
        null);
  }

  private void notYours(Context ctx) {
    message(
        ctx,
        403,
        "Not your request",
        "You did not make this request and you are not an approver, so you cannot see it.",
        null,
        null);
  }

  private void notFound(Context ctx) {
    message(ctx, 404, "Not found", "There is no request at this address.", null, null);
  }

  private static void message(
      Context ctx, int status, String title, String text, String linkUrl, String linkText) {
    Map<String, Object> params = new HashMap<>();
    params.put("title", title);
    params.put("message", text);
    params.put("linkUrl", linkUrl);
    params.put("linkText", linkText);
    Pages.send(ctx, status, Pages.render("approval-message.jte", params));
  }

  private static String purpose(String id) {
    return "approve:" + id;
  }

  // ---- sign-in ----

  void signIn(Context ctx) {
    String id = ctx.queryParam("id");
    if (!Approvals.isWellFormedId(id)) {
      notFound(ctx);
      return;
    }
    if (config.devSignIn) {
      ctx.redirect(
          config.publicBaseUrl + DEV_SIGN_IN + "?id=" + id, io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    OidcSignIn.Transaction tx = OidcSignIn.newTransaction(id);
    URI authorize;
    try {
      authorize = oidc.authorizationUrl(tx);
    } catch (IOException e) {
      log.warn(
          "approval sign-in: identity provider unavailable: {}", LogSafe.escape(e.getMessage()));
      message(
          ctx,
          502,
          "Sign-in unavailable",
          "The identity provider could not be reached.",
          null,
          null);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      message(ctx, 503, "Sign-in unavailable", "Try again.", null, null);
      return;
    }
    ObjectNode payload =
        Json.object()
            .put("state", tx.state())
            .put("nonce", tx.nonce())
            .put("verifier", tx.verifier())
            .put("id", id);
    transaction.set(ctx, payload, java.time.Duration.ofMinutes(10));
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(authorize.toString(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void callback(Context ctx) {
    Optional<JsonNode> stored = transaction.read(ctx);
    transaction.clear(ctx);
    String state = ctx.queryParam("state");
    String code = ctx.queryParam("code");
    if (stored.isEmpty()
        || state == null
        || code == null
        || !java.security.MessageDigest.isEqual(
            state.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            stored
                .get()
                .path("state")
                .asString("")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      message(
          ctx,
          400,
          "Sign-in failed",
          "The sign-in could not be completed (it may have expired). Open the request link again.",
          null,
          null);
      return;
    }
    JsonNode tx = stored.get();
    String id = tx.path("id").asString("");
    Principal person;
    try {
      person =
          oidc.complete(
              new OidcSignIn.Transaction(
                  tx.path("state").asString(""),
                  tx.path("nonce").asString(""),
                  tx.path("verifier").asString(""),
                  id),
              code);
    } catch (IOException e) {
      log.warn("approval sign-in refused: {}", LogSafe.escape(e.getMessage()));
      message(
          ctx,
          401,
          "Sign-in failed",
          "The identity provider's answer was not accepted.",
          null,
          null);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      message(ctx, 503, "Sign-in unavailable", "Try again.", null, null);
      return;
    }
    startSession(ctx, person);
    Map<String, Object> params = new HashMap<>();
    params.put("viewer", person.subject());
    params.put("next", config.publicBaseUrl + Approvals.PATH + id);
    Pages.send(ctx, 200, Pages.render("approval-continue.jte", params));
  }

  void devSignInForm(Context ctx) {
    String id = ctx.queryParam("id");
    if (!Approvals.isWellFormedId(id)) {
      notFound(ctx);
      return;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("approvalId", id);
    params.put("approverScope", approvals.approverScope());
    params.put("csrf", forms.tokenFor(ctx, "dev-sign-in"));
    Pages.send(ctx, 200, Pages.render("approval-dev-sign-in.jte", params));
  }

  void devSignIn(Context ctx) {
    String id = ctx.formParam("id");
    String user = ctx.formParam("user");
    if (!forms.accepts(ctx, "dev-sign-in")) {
      message(
          ctx,
          403,
          "Form expired",
          "This form could not be verified. Open the request again.",
          null,
          null);
      return;
    }
    if (!Approvals.isWellFormedId(id)
        || user == null
        || !DEV_USER.matcher(user.strip()).matches()) {
      message(
          ctx,
          400,
          "Sign-in failed",
          "Type a user name (letters, digits, . _ @ | : -).",
          null,
          null);
      return;
    }
    Set<String> scopes = new LinkedHashSet<>();
    if ("yes".equals(ctx.formParam("approver"))) {
      scopes.add(approvals.approverScope());
    }
    startSession(ctx, new Principal(user.strip(), scopes, Map.of()));
    // a same-site POST, so the redirect chain carries the Strict cookie
    ctx.redirect(config.publicBaseUrl + Approvals.PATH + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void startSession(Context ctx, Principal person) {
    ObjectNode payload = Json.object().put("sub", person.subject());
    ArrayNode scopes = payload.putArray("scp");
    person.scopes().forEach(scopes::add);
    session.set(ctx, payload, config.sessionTtl);
  }

  private Optional<Principal> viewer(Context ctx) {
    return session
        .read(ctx)
        .filter(p -> !p.path("sub").asString("").isEmpty())
        .map(
            p -> {
              Set<String> scopes = new LinkedHashSet<>();
              p.path("scp").forEach(s -> scopes.add(s.asString("")));
              return new Principal(p.path("sub").asString(""), scopes, Map.of());
            });
  }
}
