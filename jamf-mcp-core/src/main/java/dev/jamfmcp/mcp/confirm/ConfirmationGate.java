package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.audit.AuditSink;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.mcp.confirm.ConfirmationTokens.Kind;
import dev.jamfmcp.mcp.confirm.ConfirmationTokens.Path;
import dev.jamfmcp.mcp.confirm.ConfirmationTokens.Redemption;
import dev.jamfmcp.mcp.confirm.ConfirmationTokens.Refusal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Content;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one gate every destructive tool goes through. The first call of a write tool changes nothing:
 * the user sees a preview and must confirm, in the strongest way the client supports:
 *
 * <ol>
 *   <li>2026-07-28 clients that declare elicitation: an input-required result carrying an
 *       elicitation request; the retry carries the answer and the signed request state.
 *   <li>2025-06-18+ clients that declare elicitation: an {@code elicitation/create} request sent
 *       while the call waits.
 *   <li>Any other client: a normal result carrying a signed {@code confirmationToken} that the
 *       caller passes back unchanged with the same arguments.
 * </ol>
 *
 * There is no {@code confirm: true} shortcut: only a token this server signed, of the right kind,
 * on the path of this session, for this principal, tool, exact arguments and the same resolved
 * targets, unexpired and unused, or the user's own answer, opens it. "Unused" is kept by a {@link
 * ConsumedTokens} ledger (for tokens and 2026-07-28 request states alike): per instance by default,
 * across instances when they share one.
 *
 * <p>Each call states its {@link ApprovalClass}: {@code none} passes at once, {@code confirm} takes
 * the confirmation above, {@code approve} needs a person's approval on the approval page ({@link
 * #withApprovals}), or, where the operator trusts it ({@link ApprovalMode#ELICITATION}) or no page
 * is configured, the dialog of a client that declares elicitation; nothing the model receives
 * completes it. Every preview, confirmation, approval, decline and refusal (with its reason) is
 * recorded on the {@link AuditSink} given by {@link #withAudit}.
 */
public final class ConfirmationGate {
  /** The argument that carries a confirmation token back; write tools declare it. */
  public static final String TOKEN_ARGUMENT = "confirmationToken";

  /** The argument that carries an approval id back; approve-class tools declare it. */
  public static final String APPROVAL_ARGUMENT = "approvalId";

  private static final String INPUT_KEY = "confirm";

  /** How {@code approve} actions are approved ({@code MCP_APPROVAL}). */
  public enum ApprovalMode {
    /** Always the approval page (the default). */
    BROWSER,
    /** The dialog of a client that declares elicitation; the approval page for any other. */
    ELICITATION
  }

  private final ConfirmationTokens tokens;
  private final PendingActionStore pending;
  private final AuditSink audit;
  private final Clock clock;
  private final Approvals approvals;
  private final ApprovalMode mode;
  private final String noPageNote;
  private final GateAudit gateAudit;
  private final ApprovalFlow approvalFlow;

  private ConfirmationGate(
      ConfirmationTokens tokens,
      PendingActionStore pending,
      AuditSink audit,
      Clock clock,
      Approvals approvals,
      ApprovalMode mode,
      String noPageNote) {
    this.tokens = tokens;
    this.pending = pending;
    this.audit = audit;
    this.clock = clock;
    this.approvals = approvals;
    this.mode = mode;
    this.noPageNote = noPageNote;
    this.gateAudit = new GateAudit(audit, clock);
    this.approvalFlow =
        new ApprovalFlow(tokens, approvals, mode, noPageNote, gateAudit, this::confirm);
  }

  /**
   * @param key the HMAC key shared by every instance (at least 32 bytes)
   * @param ttl how long a confirmation stays valid (default 5 minutes)
   */
  public static ConfirmationGate create(byte[] key, Duration ttl, Clock clock) {
    // The ledger must judge expiry on the gate's clock, or it could forget a live token.
    return create(key, ttl, clock, ConsumedTokens.inMemory(clock));
  }

  /**
   * @param consumed the ledger of used confirmations; single use holds across exactly the instances
   *     that share it. {@link ConsumedTokens#inMemory()} (the default) is this instance only, so
   *     behind several instances a token could be replayed on another one until it expires: give
   *     them all one shared ledger.
   */
  public static ConfirmationGate create(
      byte[] key, Duration ttl, Clock clock, ConsumedTokens consumed) {
    return new ConfirmationGate(
        new ConfirmationTokens(key, ttl, clock, consumed),
        new PendingActions(clock),
        event -> {},
        clock,
        null,
        ApprovalMode.BROWSER,
        "");
  }

  public static ConfirmationGate create(byte[] key) {
    return create(key, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /**
   * This gate (same key, ledger and pending actions) recording every preview, confirmation, decline
   * and refusal on {@code sink}.
   */
  public ConfirmationGate withAudit(AuditSink sink) {
    return new ConfirmationGate(
        tokens,
        pending,
        java.util.Objects.requireNonNull(sink),
        clock,
        approvals,
        mode,
        noPageNote);
  }

  /**
   * This gate keeping its pending actions in {@code store} (shared by every instance, so a
   * confirmation of an action with generated secrets can come back to any of them).
   */
  public ConfirmationGate withPendingActions(PendingActionStore store) {
    return new ConfirmationGate(
        tokens,
        java.util.Objects.requireNonNull(store, "store"),
        audit,
        clock,
        approvals,
        mode,
        noPageNote);
  }

  /**
   * This gate opening {@code approve} actions on the approval page of {@code service}; {@code mode}
   * says whether the dialog of a client that declares elicitation is trusted instead.
   */
  public ConfirmationGate withApprovals(Approvals service, ApprovalMode how) {
    return new ConfirmationGate(
        tokens,
        pending,
        audit,
        clock,
        java.util.Objects.requireNonNull(service, "service"),
        java.util.Objects.requireNonNull(how, "how"),
        noPageNote);
  }

  /**
   * This gate without an approval page: {@code approve} actions take the dialog of a client that
   * declares elicitation and are refused for any other, with {@code why} (e.g. "the page is not
   * served on stdio yet") added to the refusal.
   */
  public ConfirmationGate withoutApprovalPage(String why) {
    return new ConfirmationGate(
        tokens,
        pending,
        audit,
        clock,
        null,
        ApprovalMode.ELICITATION,
        why == null || why.isBlank() ? "" : " (" + why.strip() + ")");
  }

  /** Either go ahead, or stop and return {@link Stop#result()} to the client instead. */
  public sealed interface Decision {
    /**
     * The user confirmed this exact call.
     *
     * @param generatedSecrets the secrets the server generated for the action the user confirmed
     *     (from its pending action, not the ones offered by this call): use these
     */
    record Proceed(Map<String, String> generatedSecrets) implements Decision {
      public Proceed {
        generatedSecrets = Map.copyOf(generatedSecrets);
      }

      public Proceed() {
        this(Map.of());
      }

      @Override
      public String toString() {
        return "Proceed[generatedSecrets=" + generatedSecrets.keySet() + "]";
      }
    }

    /** Not (yet) confirmed: return this result; nothing has been done. */
    record Stop(ToolResult result) implements Decision {}
  }

  /** The schema of the {@code confirmationToken} argument, for write tools' input schemas. */
  public static ObjectNode tokenArgumentSchema() {
    return Json.object()
        .put("type", "string")
        .put("maxLength", 2048)
        .put(
            "description",
            "Only when a previous call of this tool returned status confirmation_required: the"
                + " confirmationToken it returned, passed back unchanged with exactly the same other"
                + " arguments, after the user agreed. Never invent one.");
  }

  /** The schema of the {@code approvalId} argument, for approve-class tools' input schemas. */
  public static ObjectNode approvalArgumentSchema() {
    return Json.object()
        .put("type", "string")
        .put("maxLength", 64)
        .put(
            "description",
            "Only when a previous call of this tool returned status approval_required: the"
                + " approval id it returned, passed back with exactly the same other arguments"
                + " after the person approved on the approval page. Never invent one.");
  }

  /**
   * Shows a secret (read after the person approved {@code approvalId}) on that approval's page,
   * once, to the person; the caller tells the model only where and when. Empty when this gate has
   * no approval page (the secret must then not be read at all).
   */
  public Optional<dev.jamfmcp.mcp.approval.SecretReveal> revealOnApprovalPage(
      String approvalId, RequestContext ctx, String label, String secret) {
    if (approvals == null || approvalId == null) {
      return Optional.empty();
    }
    return Optional.of(approvals.reveal(approvalId, ctx.principal().subject(), label, secret));
  }

  /** The page of an approval id; empty without an approval page. */
  public Optional<java.net.URI> approvalUrl(String approvalId) {
    return approvals == null ? Optional.empty() : Optional.of(approvals.urlOf(approvalId));
  }

  /**
   * The pending action a confirmation id stands for, while it is live and unconfirmed: what the
   * person must see, with the secrets the server generated for it. Only actions with generated
   * secrets are kept (empty for any other). Never for the model.
   */
  public Optional<PendingAction> pendingAction(String id) {
    return pending.get(id);
  }

  /**
   * Decides whether a call of class {@code confirm} may run, binding it to its arguments only.
   * {@code arguments} are the call's arguments as received (the token, if any, among them).
   */
  public Decision check(String tool, ObjectNode arguments, Preview preview, RequestContext ctx)
      throws InterruptedException {
    return check(GatedWrite.of(tool, ApprovalClass.CONFIRM, arguments, List.of(), preview), ctx);
  }

  /** Decides whether this write may run. */
  public Decision check(GatedWrite write, RequestContext ctx) throws InterruptedException {
    try {
      return switch (write.approval()) {
        case NONE -> new Decision.Proceed(write.generatedSecrets());
        case CONFIRM -> confirm(write, ctx);
        case APPROVE -> approvalFlow.approve(write, ctx);
      };
    } catch (StoreUnavailableException e) {
      // A shared approval or pending-action store is away: refuse rather than guess.
      gateAudit.record(new GateCall(write, ctx), AuditEvent.REFUSED, "store_unavailable");
      return new Decision.Stop(
          ToolResult.error(
              "The confirmation store is unavailable ("
                  + e.getMessage()
                  + "); nothing was done. Try again in a moment."));
    }
  }

  private Decision confirm(GatedWrite write, RequestContext ctx) throws InterruptedException {
    GateCall call = new GateCall(write, ctx);
    ProtocolVersion version = ctx.protocolVersion();
    boolean elicits = version.hasElicitation() && ctx.clientCapabilities().has("elicitation");
    Path path = elicits ? Path.ELICITATION : Path.NO_ELICITATION;
    if (call.token != null) {
      Ledger ledger = new Ledger(call);
      Redemption r = redeem(call, call.token.asString(""), Kind.CONFIRMATION, path, ledger);
      if (!r.accepted()) {
        return refused(call, r.refusal(), path, elicits, version.isStateless());
      }
      return proceed(call, ledger, "confirmation token");
    }
    if (version.isStateless()) {
      String state = ctx.requestState();
      if (state != null) {
        Ledger ledger = new Ledger(call);
        Redemption r = redeem(call, state, Kind.REQUEST_STATE, path, ledger);
        if (!r.accepted()) {
          return refused(call, r.refusal(), path, elicits, true);
        }
        Decision answered = answered(call, ctx.inputResponses().path(INPUT_KEY));
        return answered instanceof Decision.Proceed ? proceed(call, ledger, "dialog") : answered;
      }
      if (elicits) {
        return askWithInputRequest(call, null);
      }
      return askForToken(call, null);
    }
    if (elicits) {
      return elicit(call, ctx);
    }
    return askForToken(call, null);
  }

  private Redemption redeem(GateCall call, String token, Kind kind, Path path, Ledger ledger) {
    return tokens.redeem(
        token,
        kind,
        path,
        call.subject,
        call.write.tool(),
        call.bound,
        call.write.targets(),
        ledger);
  }

  /**
   * Where one redemption records the use of its confirmation: the ledger itself, or, for a write
   * with generated secrets, the pending-action store, which takes the action kept for it in the
   * same step (one round trip where both live on one server, as in Redis).
   */
  private final class Ledger implements ConsumedTokens {
    private final boolean takesAction;
    private PendingAction taken;

    Ledger(GateCall call) {
      this.takesAction = !call.write.generatedSecrets().isEmpty();
    }

    @Override
    public boolean markConsumed(String tokenId, java.time.Instant expiresAt) {
      if (!takesAction) {
        return tokens.ledger().markConsumed(tokenId, expiresAt);
      }
      PendingActionStore.Taken t = pending.consumeAndTake(tokens.ledger(), tokenId, expiresAt);
      taken = t.action();
      return t.consumed();
    }
  }

  /** Accepted: hands back the secrets of the pending action the user confirmed. */
  private Decision proceed(GateCall call, Ledger ledger, String how) {
    Map<String, String> secrets = Map.of();
    if (ledger.takesAction) {
      if (ledger.taken == null) {
        gateAudit.record(call, AuditEvent.REFUSED, "pending_action_lost");
        return askForToken(
            call,
            "The secrets the server generated for the confirmed action are no longer held here"
                + " (the server restarted, or another instance answered); nothing was done.");
      }
      secrets = ledger.taken.generatedSecrets();
    }
    gateAudit.record(call, AuditEvent.CONFIRMED, how);
    return new Decision.Proceed(secrets);
  }

  private Decision refused(
      GateCall call, Refusal refusal, Path path, boolean elicits, boolean stateless) {
    gateAudit.record(call, AuditEvent.REFUSED, refusal.code());
    if (refusal == Refusal.TARGETS_CHANGED) {
      // What the user saw is not what would run now: show them what would.
      String why = "Not confirmed: " + refusal.message + ". Nothing was done. A new preview:";
      return stateless && elicits ? askWithInputRequest(call, why) : askForToken(call, why);
    }
    String retry =
        path == Path.ELICITATION
            ? " Call the tool again without confirmationToken or requestState: the user will be"
                + " asked to confirm in their client."
            : " Call the tool again without confirmationToken to get a new preview, and ask the"
                + " user to confirm it.";
    return new Decision.Stop(
        ToolResult.error("Not confirmed: " + refusal.message + ". Nothing was done." + retry));
  }

  private Decision elicit(GateCall call, RequestContext ctx) throws InterruptedException {
    gateAudit.record(call, AuditEvent.PREVIEW, "dialog");
    try {
      JsonNode answer =
          ctx.requestFromClient("elicitation/create", elicitation(call.write.preview()))
              .get(tokens.ttl().toMillis(), TimeUnit.MILLISECONDS);
      Decision answered = answered(call, answer);
      if (answered instanceof Decision.Proceed) {
        gateAudit.record(call, AuditEvent.CONFIRMED, "dialog");
        return new Decision.Proceed(call.write.generatedSecrets());
      }
      return answered;
    } catch (TimeoutException e) {
      gateAudit.record(call, AuditEvent.DECLINED, "no_answer");
      return cancelled("No answer came within " + tokens.ttl().toMinutes() + " minutes");
    } catch (ExecutionException | CancellationException e) {
      gateAudit.record(call, AuditEvent.REFUSED, "elicitation_failed");
      // Over the per-person limit of open questions the engine says so: pass its words on.
      return cancelled(
          e.getCause() instanceof McpError refused
              ? refused.getMessage()
              : "The confirmation request failed");
    }
  }

  private Decision answered(GateCall call, JsonNode answer) {
    Preview preview = call.write.preview();
    String action = answer.path("action").asString("");
    if (!"accept".equals(action)) {
      gateAudit.record(call, AuditEvent.DECLINED, action.isEmpty() ? "no_answer" : action);
      return cancelled(
          "The user did not confirm (" + (action.isEmpty() ? "no answer" : action) + ")");
    }
    JsonNode content = answer.path("content");
    if (!content.path("confirm").asBoolean(false)) {
      gateAudit.record(call, AuditEvent.DECLINED, "not_ticked");
      return cancelled("The user did not tick the confirmation");
    }
    if (preview.typedPhrase() != null
        && !preview.typedPhrase().equals(content.path("phrase").asString("").trim())) {
      gateAudit.record(call, AuditEvent.DECLINED, "phrase_mismatch");
      return cancelled("The typed confirmation did not match '" + preview.typedPhrase() + "'");
    }
    return new Decision.Proceed();
  }

  static Decision cancelled(String why) {
    ObjectNode data =
        Json.object().put("status", "cancelled").put("message", why + "; nothing was done.");
    return new Decision.Stop(
        new ToolResult.Complete(List.of(Content.text(why + "; nothing was done.")), data, false));
  }

  /**
   * Mints a confirmation, keeping the pending action only where the confirmed call needs it back:
   * for its generated secrets. Any other confirmation is self-contained (signed, bound to the
   * call), so its preview touches no store.
   */
  private ConfirmationTokens.Issued mint(GateCall call, Kind kind, Path path) {
    GatedWrite w = call.write;
    ConfirmationTokens.Issued issued =
        tokens.issue(kind, path, call.subject, w.tool(), call.bound, w.targets());
    if (!w.generatedSecrets().isEmpty()
        && !pending.put(
            new PendingAction(
                issued.id(),
                call.subject,
                w.tool(),
                w.approval(),
                w.targets(),
                w.preview(),
                w.generatedSecrets(),
                issued.expiresAt()))) {
      return null;
    }
    gateAudit.record(call, AuditEvent.PREVIEW, kind.code);
    return issued;
  }

  private Decision askWithInputRequest(GateCall call, String note) {
    ConfirmationTokens.Issued issued = mint(call, Kind.REQUEST_STATE, Path.ELICITATION);
    if (issued == null) {
      return busy(call);
    }
    ObjectNode requests = Json.object();
    ObjectNode request = requests.putObject(INPUT_KEY).put("method", "elicitation/create");
    request.set("params", elicitation(call.write.preview()));
    if (note != null) {
      ObjectNode params = (ObjectNode) request.get("params");
      params.put("message", note + "\n" + params.path("message").asString(""));
    }
    return new Decision.Stop(new ToolResult.InputRequired(requests, issued.token()));
  }

  private Decision askForToken(GateCall call, String note) {
    ConfirmationTokens.Issued issued = mint(call, Kind.CONFIRMATION, Path.NO_ELICITATION);
    if (issued == null) {
      return busy(call);
    }
    Preview preview = call.write.preview();
    String tool = call.write.tool();
    ObjectNode data = Json.object().put("status", "confirmation_required");
    if (note != null) {
      data.put("message", note);
    }
    ObjectNode confirmation =
        data.putObject("confirmation")
            .put("token", issued.token())
            .put("expiresAt", issued.expiresAt().toString())
            .put("action", preview.action())
            .put("summary", preview.summary())
            .put("irreversible", preview.irreversible());
    preview.targets().forEach(confirmation.putArray("targets")::add);
    String text =
        (note == null ? "" : note + "\n")
            + "Nothing has been done yet. "
            + preview.describe()
            + "\n\nShow this to the user and ask them to confirm. Only if they agree, call "
            + tool
            + " again with exactly the same arguments plus confirmationToken=\""
            + issued.token()
            + "\" (valid until "
            + issued.expiresAt()
            + ", once).";
    return new Decision.Stop(new ToolResult.Complete(List.of(Content.text(text)), data, false));
  }

  private Decision busy(GateCall call) {
    gateAudit.record(call, AuditEvent.REFUSED, "too_many_pending_actions");
    return new Decision.Stop(
        ToolResult.error(
            "Too many actions are waiting for confirmation on this server; nothing was done."
                + " Try again in a few minutes."));
  }

  private static ObjectNode elicitation(Preview preview) {
    ObjectNode params = Json.object().put("message", preview.describe());
    ObjectNode schema = params.putObject("requestedSchema").put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties
        .putObject("confirm")
        .put("type", "boolean")
        .put("title", preview.action())
        .put("description", "Tick to confirm: " + preview.action());
    var required = schema.putArray("required").add("confirm");
    if (preview.typedPhrase() != null) {
      properties
          .putObject("phrase")
          .put("type", "string")
          .put("title", "Type " + preview.typedPhrase() + " to confirm");
      required.add("phrase");
    }
    return params;
  }

  /**
   * The output schema of a write tool: the gate's answers (confirmation_required,
   * approval_required, cancelled) plus the tool's own executed result, whose properties are given.
   */
  public static ObjectNode outputSchema(ObjectNode executedProperties) {
    ObjectNode schema = Json.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties
        .putObject("status")
        .putArray("enum")
        .add("confirmation_required")
        .add("approval_required")
        .add("cancelled")
        .add("executed");
    properties.putObject("message").put("type", "string");
    ObjectNode confirmation = properties.putObject("confirmation").put("type", "object");
    ObjectNode c = confirmation.putObject("properties");
    c.putObject("token").put("type", "string");
    c.putObject("expiresAt").put("type", "string");
    c.putObject("action").put("type", "string");
    c.putObject("summary").put("type", "string");
    c.putObject("irreversible").put("type", "boolean");
    c.putObject("targets").put("type", "array").putObject("items").put("type", "string");
    confirmation.putArray("required").add("token").add("expiresAt").add("action");
    ObjectNode approval = properties.putObject("approval").put("type", "object");
    ObjectNode a = approval.putObject("properties");
    a.putObject("id").put("type", "string");
    a.putObject("url").put("type", "string");
    a.putObject("expiresAt").put("type", "string");
    a.putObject("action").put("type", "string");
    a.putObject("summary").put("type", "string");
    a.putObject("irreversible").put("type", "boolean");
    a.putObject("targets").put("type", "array").putObject("items").put("type", "string");
    approval.putArray("required").add("id").add("url");
    executedProperties.properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
    schema.putArray("required").add("status");
    return schema;
  }
}
