package dev.jamfmcp.mcp.audit;

/** Where executed writes are recorded. Implementations must be thread-safe and not throw. */
@FunctionalInterface
public interface AuditSink {
  void record(AuditEvent event);
}
