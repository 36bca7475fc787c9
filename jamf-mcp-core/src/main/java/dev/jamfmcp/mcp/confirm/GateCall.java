package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.audit.Secrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the gate knows of one call: bound arguments (without token or approval id), their audit
 * form, the token and the approval id.
 */
final class GateCall {
  final GatedWrite write;
  final String subject;
  final ObjectNode bound;
  final ObjectNode audited;
  final JsonNode token;
  final String approvalId;

  GateCall(GatedWrite write, RequestContext ctx) {
    this.write = write;
    this.subject = ctx.principal().subject();
    this.bound = write.arguments().deepCopy();
    this.token = bound.remove(ConfirmationGate.TOKEN_ARGUMENT);
    JsonNode approval = bound.remove(ConfirmationGate.APPROVAL_ARGUMENT);
    this.approvalId = approval == null ? null : approval.asString("");
    this.audited = Secrets.redact(bound, write.inputSchema());
  }
}
