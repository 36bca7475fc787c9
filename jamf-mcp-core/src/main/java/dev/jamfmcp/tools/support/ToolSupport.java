package dev.jamfmcp.tools.support;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.audit.AuditSink;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.tools.ComplianceBaseline;
import java.time.Clock;
import java.util.Objects;

/**
 * What every Jamf tool may use: the Jamf client, the confirmation gate and audit sink for writes, a
 * clock (for "days since last check-in"), links into the Jamf Pro web interface, and the default
 * compliance baseline.
 */
public record ToolSupport(
    JamfClient jamf,
    ConfirmationGate gate,
    AuditSink audit,
    Clock clock,
    JamfLinks links,
    ComplianceBaseline baseline) {
  public ToolSupport {
    Objects.requireNonNull(jamf, "jamf");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(baseline, "baseline");
  }

  /** With the default compliance baseline. */
  public ToolSupport(
      JamfClient jamf, ConfirmationGate gate, AuditSink audit, Clock clock, JamfLinks links) {
    this(jamf, gate, audit, clock, links, ComplianceBaseline.DEFAULT);
  }
}
