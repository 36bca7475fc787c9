package dev.jamfmcp.tools.support;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.audit.AuditSink;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import java.time.Clock;
import java.util.Objects;

/**
 * What every Jamf tool may use: the Jamf client, the confirmation gate and audit sink for writes, a
 * clock (for "days since last check-in"), and links into the Jamf Pro web interface.
 */
public record ToolSupport(
    JamfClient jamf, ConfirmationGate gate, AuditSink audit, Clock clock, JamfLinks links) {
  public ToolSupport {
    Objects.requireNonNull(jamf, "jamf");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(links, "links");
  }
}
