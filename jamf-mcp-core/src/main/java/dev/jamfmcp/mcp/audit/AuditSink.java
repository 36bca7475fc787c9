package dev.jamfmcp.mcp.audit;

/**
 * Where what happens to writes is recorded (see {@link AuditEvent}). Implementations must be
 * thread-safe and not throw.
 */
@FunctionalInterface
public interface AuditSink {
  void record(AuditEvent event);
}
