package dev.jamfmcp.tools.secrets;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.approval.SecretReveal;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.GatedWrite;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.DeviceTargets;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One approve-class read of a secret. The first call resolves the Mac and opens an approval (the
 * model gets only the link); after the person approved, the call with {@code approvalId} reads the
 * secret from Jamf Pro and hands it to the approval page, where the person sees it once. The model
 * is told where and when, never the value; the audit line says that it was revealed, never what.
 * Without an approval page the secret is not read at all.
 */
final class RevealSecret {
  static final String USERNAME = "username";

  /** Reads the secret of a resolved Mac; null when Jamf Pro holds none. */
  @FunctionalInterface
  interface Reader {
    String read(Device device, ObjectNode arguments) throws JamfException;
  }

  private final ToolSupport support;
  private final String name;
  private final String title;
  private final String what;
  private final boolean laps;
  private final Reader reader;
  private final ObjectNode inputSchema;

  RevealSecret(
      ToolSupport support, String name, String title, String what, boolean laps, Reader reader) {
    this.support = support;
    this.name = name;
    this.title = title;
    this.what = what;
    this.laps = laps;
    this.reader = reader;
    Schemas input =
        Schemas.object()
            .string(
                "deviceId",
                "The Mac: computer:<id>, a plain id, a serial number or an exact name",
                200);
    if (laps) {
      input =
          input.string(
              USERNAME, "The LAPS-managed admin account, e.g. jamfadmin (see Jamf Pro)", 100);
    }
    this.inputSchema =
        input
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required(laps ? new String[] {"deviceId", USERNAME} : new String[] {"deviceId"})
            .build();
  }

  Tool tool() {
    ObjectNode done =
        Schemas.object()
            .property("device", Schemas.typed("object", "ref, name, serial"))
            .property("shownOn", Schemas.typed("string", "The approval page showing the secret"))
            .property("readAt", Schemas.typed("string", "When it was read from Jamf Pro"))
            .buildOpen();
    return Tool.builder(name)
        .title(title)
        .description(
            "Shows the "
                + what
                + " of one Mac to the person, on the approval page only: never to you. The first"
                + " call returns an approval link for the person; after they approve, call again"
                + " with approvalId: the "
                + what
                + " is then shown once on that page"
                + (laps ? " (viewing it starts Jamf Pro's rotation timer)" : "")
                + ", and you are told when. "
                + ApprovalClass.APPROVE.sentence())
        .inputSchema(inputSchema.deepCopy())
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) done.get("properties")))
        // Not read-only: it hands a secret out (and a LAPS view starts the password's rotation).
        .annotations(laps ? ToolAnnotations.additive(false) : ToolAnnotations.additive(true))
        .approvalClass(ApprovalClass.APPROVE)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    Device device;
    try {
      device =
          new DeviceTargets(support.jamf())
              .resolve(List.of(ToolBodies.text(args, "deviceId")))
              .requireAll()
              .get(0);
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    if (device.kind() != DeviceTargets.Kind.COMPUTER) {
      throw new ToolException(
          device.describe() + " is not a Mac: " + what + " is kept for Macs only.");
    }
    if (laps && device.managementId() == null) {
      throw new ToolException(device.describe() + " has no management id, so no LAPS account.");
    }
    String username = laps ? ToolBodies.text(args, USERNAME) : null;
    String label =
        what + " of " + device.describe() + (username == null ? "" : ", account " + username);
    GatedWrite write =
        GatedWrite.of(
                name,
                ApprovalClass.APPROVE,
                args,
                List.of(device.binding()),
                new Preview(
                    "Reveal the " + label,
                    "Shows the "
                        + what
                        + " to you on this page, once, after you approve; the assistant is told"
                        + " only that it was shown. Anyone who sees it can unlock or administer"
                        + " this Mac.",
                    List.of(device.describe()),
                    false,
                    null))
            .withInputSchema(inputSchema)
            .withApprovalTargets(List.of(device.approvalTarget()));
    ConfirmationGate.Decision decision = support.gate().check(write, ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    String approvalId = ToolBodies.text(args, ConfirmationGate.APPROVAL_ARGUMENT);
    if (approvalId == null || support.gate().approvalUrl(approvalId).isEmpty()) {
      // Approved in a client's dialog: there is no page to show it on, and it must not reach the
      // model, so it is not read at all.
      record(ctx, device, "refused_no_page");
      throw new ToolException(
          "The "
              + what
              + " is shown only on the approval page, and this approval did not go through it;"
              + " nothing was read. Ask for it on a server with the approval page.");
    }
    String secret;
    try {
      secret = reader.read(device, args);
    } catch (JamfException e) {
      record(ctx, device, "failed");
      throw JamfFailures.onRead(e);
    }
    if (secret == null) {
      record(ctx, device, "none_held");
      return ToolResult.error(
          "Jamf Pro holds no " + what + " for " + device.describe() + "; nothing was shown.");
    }
    SecretReveal reveal =
        support.gate().revealOnApprovalPage(approvalId, ctx, label, secret).orElseThrow();
    record(ctx, device, "revealed_on_page");
    String page = support.gate().approvalUrl(approvalId).orElseThrow().toString();
    ObjectNode out =
        Json.object()
            .put("status", "executed")
            .put("shownOn", page)
            .put("readAt", reveal.readAt().toString());
    out.set("device", device.toJson());
    return ToolResult.structured(
        "The "
            + label
            + " was read from Jamf Pro at "
            + reveal.readAt()
            + " and is shown to the person on the approval page ("
            + page
            + "), once, when they reload it. It is not given to you: do not ask for it.",
        out);
  }

  /** One audit line: that the secret was revealed (or not), never the secret. */
  private void record(RequestContext ctx, Device device, String outcome) {
    ObjectNode recorded = Json.object();
    recorded.put("deviceId", device.ref());
    if (laps) {
      recorded.put(USERNAME, "set");
    }
    support
        .audit()
        .record(
            new AuditEvent(
                support.clock().instant(),
                ctx.principal().subject(),
                name,
                recorded,
                List.of(device.ref()),
                outcome,
                Json.object().put("shownOn", "approval page")));
  }
}
