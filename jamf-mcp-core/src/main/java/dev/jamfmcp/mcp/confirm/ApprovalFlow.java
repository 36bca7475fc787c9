package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.approval.ApprovalRequest;
import dev.jamfmcp.mcp.approval.ApprovalTarget;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.confirm.ConfirmationGate.ApprovalMode;
import dev.jamfmcp.mcp.confirm.ConfirmationGate.Decision;
import dev.jamfmcp.mcp.confirm.ConfirmationTokens.ApprovalRef;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Content;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code approve} path of {@link ConfirmationGate}: a person approves on the approval page
 * (reached by a URL elicitation, an input-required result with an approval request state, or the
 * link in an {@code approval_required} result), and the approval is redeemed exactly once. Where
 * the operator trusts the client's dialog, or no page is configured, a client that declares
 * elicitation confirms in its dialog instead ({@code confirmation}).
 */
final class ApprovalFlow {
  private static final String APPROVAL_INPUT_KEY = "approval";

  /** The gate's own confirmation (the client's dialog), for where the dialog is trusted. */
  interface Confirmation {
    Decision check(GatedWrite write, RequestContext ctx) throws InterruptedException;
  }

  private final ConfirmationTokens tokens;
  private final Approvals approvals;
  private final ApprovalMode mode;
  private final String noPageNote;
  private final GateAudit audit;
  private final Confirmation confirmation;

  /**
   * @param approvals the approvals whose page people approve on; null: no page
   * @param noPageNote why there is no page, added to the refusal ("" or " (...)")
   */
  ApprovalFlow(
      ConfirmationTokens tokens,
      Approvals approvals,
      ApprovalMode mode,
      String noPageNote,
      GateAudit audit,
      Confirmation confirmation) {
    this.tokens = tokens;
    this.approvals = approvals;
    this.mode = mode;
    this.noPageNote = noPageNote;
    this.audit = audit;
    this.confirmation = confirmation;
  }

  /**
   * {@code approve} actions: a person approves on the approval page, and only the approval id (or,
   * for 2026-07-28, a request state of kind approval) comes back; never a token the model could
   * pass on. The dialog of a client that declares elicitation is used instead where the operator
   * chose {@link ApprovalMode#ELICITATION}, or where no page is configured.
   */
  Decision approve(GatedWrite write, RequestContext ctx) throws InterruptedException {
    GateCall call = new GateCall(write, ctx);
    ProtocolVersion version = ctx.protocolVersion();
    boolean elicits = version.hasElicitation() && ctx.clientCapabilities().has("elicitation");
    boolean dialog = approvals == null || mode == ApprovalMode.ELICITATION;
    if (call.approvalId == null && dialog && elicits) {
      return confirmation.check(write, ctx);
    }
    if (approvals == null) {
      audit.record(call, AuditEvent.REFUSED, "no_approval_page");
      return new Decision.Stop(
          ToolResult.error(
              "This action needs a person's approval: configure the approval page (Approvals) or"
                  + " use a client that supports elicitation"
                  + noPageNote
                  + ". Nothing was done."));
    }
    if (call.token != null) {
      audit.record(call, AuditEvent.REFUSED, "token_on_approve");
      return new Decision.Stop(
          ToolResult.error(
              "Not approved: a confirmationToken cannot approve this action; a person approves it"
                  + " on the approval page. Nothing was done. Call the tool again without"
                  + " confirmationToken to get the approval link."));
    }
    String id = call.approvalId;
    if (id == null && version.isStateless() && ctx.requestState() != null) {
      ApprovalRef ref = tokens.approvalRef(ctx.requestState(), call.subject, write.tool());
      if (ref.refusal() != null) {
        audit.record(call, AuditEvent.REFUSED, "approval_state_" + ref.refusal().code());
        return new Decision.Stop(
            ToolResult.error(
                "Not approved: the request state is not that of an approval of this call ("
                    + ref.refusal().code()
                    + "). Nothing was done. Call the tool again without requestState."));
      }
      id = ref.approvalId();
    }
    if (id != null) {
      return redeemApproval(call, id);
    }
    return openApproval(call, ctx, null);
  }

  private Decision redeemApproval(GateCall call, String id) throws InterruptedException {
    Approvals.Redemption r =
        approvals.redeem(id, call.subject, call.write.tool(), previewDigest(call));
    switch (r.status()) {
      case REDEEMED -> {
        Map<String, String> secrets = new LinkedHashMap<>();
        call.write.generatedSecrets().keySet().forEach(k -> secrets.put(k, r.request().secret()));
        if (secrets.values().stream().anyMatch(v -> v == null)) {
          audit.record(call, AuditEvent.REFUSED, "approval_secret_missing");
          return new Decision.Stop(
              ToolResult.error(
                  "The approved action has no generated secret; nothing was done. Call again"
                      + " without approvalId."));
        }
        audit.record(call, AuditEvent.APPROVAL_REDEEMED, "approval_page");
        return new Decision.Proceed(secrets);
      }
      case PENDING -> {
        audit.record(call, AuditEvent.REFUSED, "approval_pending");
        ObjectNode data =
            Json.object()
                .put("status", "approval_required")
                .put("message", "Not approved yet; nothing was done.");
        data.putObject("approval").put("id", id).put("url", approvals.urlOf(id).toString());
        return new Decision.Stop(
            new ToolResult.Complete(
                List.of(
                    Content.text(
                        "Not approved yet; nothing was done. A person must approve at "
                            + approvals.urlOf(id)
                            + "; then call this tool again with approvalId="
                            + id
                            + " and the same arguments.")),
                data,
                false));
      }
      case MISMATCH -> {
        audit.record(call, AuditEvent.REFUSED, "approval_mismatch");
        return openApproval(
            call,
            null,
            "Not approved: that approval was given for another user, another call, or devices"
                + " that resolve differently now (a rename or re-enrollment since). Nothing was"
                + " done. A new approval is needed:");
      }
      case DECLINED -> {
        audit.record(call, AuditEvent.DECLINED, "approval_declined");
        return ConfirmationGate.cancelled("The person declined this action on the approval page");
      }
      default -> {
        String why =
            switch (r.status()) {
              case EXPIRED -> "the approval has expired";
              case ALREADY_USED -> "the approval has already been used (an action runs once)";
              default -> "no approval with this id is held here";
            };
        audit.record(
            call, AuditEvent.REFUSED, "approval_" + r.status().name().toLowerCase(Locale.ROOT));
        return new Decision.Stop(
            ToolResult.error(
                "Not approved: "
                    + why
                    + ". Nothing was done. Call the tool again without approvalId for a new"
                    + " approval."));
      }
    }
  }

  /**
   * Opens an approval and tells the caller where a person approves it, in the way the client
   * supports; {@code ctx} null: as plain text (after a refusal, no new dialog).
   */
  private Decision openApproval(GateCall call, RequestContext ctx, String note)
      throws InterruptedException {
    Approvals.Opened opened = approvals.open(approvalRequest(call));
    audit.record(call, AuditEvent.APPROVAL_OPENED, opened.id());
    Preview preview = call.write.preview();
    String url = opened.url().toString();
    boolean urlElicits =
        ctx != null
            && ctx.protocolVersion().compareTo(ProtocolVersion.V2025_11_25) >= 0
            && ctx.clientCapabilities().path("elicitation").has("url");
    ObjectNode params =
        Json.object()
            .put("mode", "url")
            .put(
                "message",
                "A person must approve this on the approval page: " + preview.action() + ".")
            .put("url", url)
            .put("elicitationId", opened.id());
    if (urlElicits && ctx.protocolVersion().isStateless()) {
      ObjectNode requests = Json.object();
      requests
          .putObject(APPROVAL_INPUT_KEY)
          .put("method", "elicitation/create")
          .set("params", params);
      return new Decision.Stop(
          new ToolResult.InputRequired(
              requests,
              tokens.issueApproval(
                  opened.id(), call.subject, call.write.tool(), opened.expiresAt())));
    }
    if (urlElicits) {
      try {
        JsonNode answer =
            ctx.requestFromClient("elicitation/create", params)
                .get(tokens.ttl().toMillis(), TimeUnit.MILLISECONDS);
        String action = answer.path("action").asString("");
        if (!"accept".equals(action)) {
          audit.record(
              call, AuditEvent.DECLINED, "approval_url_" + (action.isEmpty() ? "none" : action));
          return ConfirmationGate.cancelled(
              "The user did not open the approval page (" + action + ")");
        }
      } catch (TimeoutException | ExecutionException | CancellationException e) {
        // The link is still in the result below: the person can open it from there.
        return approvalRequired(opened, preview, note);
      }
      return awaitApproval(call, ctx, opened, note);
    }
    return approvalRequired(opened, preview, note);
  }

  /**
   * The client opened the page for the person (URL elicitation accepted): this call waits for their
   * decision, at most the approval's lifetime, as one of the principal's client waits, cancelled
   * with the request; then tells the client the elicitation is complete and redeems the approval
   * (approved: the action runs now, once; declined or expired: nothing runs). Where it cannot wait
   * (over the limits, cancelled, no decision in time) the caller gets the link and redeems with its
   * next call.
   */
  private Decision awaitApproval(
      GateCall call, RequestContext ctx, Approvals.Opened opened, String note)
      throws InterruptedException {
    try {
      ctx.awaitOutsideProtocol(approvals.awaitDecision(opened.id()))
          .get(approvals.ttl().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | CancellationException e) {
      return approvalRequired(opened, call.write.preview(), note);
    }
    ctx.sendNotification(
        "notifications/elicitation/complete", Json.object().put("elicitationId", opened.id()));
    return redeemApproval(call, opened.id());
  }

  private static Decision approvalRequired(Approvals.Opened opened, Preview preview, String note) {
    String url = opened.url().toString();
    String message =
        "Nothing has been done yet. A person must approve at "
            + url
            + "; then call this tool again with approvalId="
            + opened.id()
            + " and exactly the same other arguments (valid until "
            + opened.expiresAt()
            + ").";
    ObjectNode data = Json.object().put("status", "approval_required").put("message", message);
    ObjectNode approval =
        data.putObject("approval")
            .put("id", opened.id())
            .put("url", url)
            .put("expiresAt", opened.expiresAt().toString())
            .put("action", preview.action())
            .put("summary", preview.summary())
            .put("irreversible", preview.irreversible());
    preview.targets().forEach(approval.putArray("targets")::add);
    String text =
        (note == null ? "" : note + "\n")
            + preview.describe()
            + "\n\n"
            + message
            + " Give the person the link; only they can approve it.";
    return new Decision.Stop(new ToolResult.Complete(List.of(Content.text(text)), data, false));
  }

  /** What the person sees and what the approval is bound to. */
  private ApprovalRequest approvalRequest(GateCall call) {
    GatedWrite w = call.write;
    Preview preview = w.preview();
    if (w.generatedSecrets().size() > 1) {
      throw new IllegalStateException("an approval carries at most one generated secret");
    }
    String secret = w.generatedSecrets().values().stream().findFirst().orElse(null);
    return new ApprovalRequest(
        call.subject,
        w.tool(),
        preview.action(),
        preview.summary(),
        shownTargets(w),
        preview.irreversible() ? "This cannot be undone." : "",
        preview.typedPhrase() != null ? preview.typedPhrase() : "APPROVE",
        secret,
        previewDigest(call));
  }

  private static List<ApprovalTarget> shownTargets(GatedWrite w) {
    if (!w.approvalTargets().isEmpty()) {
      return w.approvalTargets();
    }
    List<ApprovalTarget> lines = new ArrayList<>();
    List<String> shown = w.preview().targets();
    for (int i = 0; i < shown.size(); i++) {
      lines.add(
          new ApprovalTarget(
              "object", String.valueOf(i + 1), null, shown.get(i), null, null, null));
    }
    return lines;
  }

  /**
   * The digest an approval is bound to: the tool, its arguments without token or approval id, the
   * resolved targets' bindings, and the targets as the person saw them (a rename changes it).
   */
  private static String previewDigest(GateCall call) {
    ObjectNode bound = Json.object().put("tool", call.write.tool());
    bound.set("arguments", call.bound);
    bound.set("targets", Json.mapper().valueToTree(call.write.targets()));
    bound.set("shown", Json.mapper().valueToTree(shownTargets(call.write)));
    return ConfirmationTokens.digest(bound);
  }
}
