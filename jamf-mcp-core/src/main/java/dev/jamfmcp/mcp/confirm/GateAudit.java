package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.audit.AuditSink;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.time.Clock;

/** The gate's audit lines: one per preview, confirmation, approval, decline and refusal. */
record GateAudit(AuditSink sink, Clock clock) {
  void record(GateCall call, String event, String reason) {
    GatedWrite w = call.write;
    try {
      sink.record(
          new AuditEvent(
              clock.instant(),
              call.subject,
              w.tool(),
              call.audited,
              w.targets(),
              event,
              Json.object().put("approvalClass", w.approval().label()),
              event,
              reason));
    } catch (RuntimeException e) {
      // An audit sink must not throw; if one does, the decision stands and the write is not lost.
    }
  }
}
