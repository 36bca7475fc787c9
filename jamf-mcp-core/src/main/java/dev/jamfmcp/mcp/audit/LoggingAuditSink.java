package dev.jamfmcp.mcp.audit;

import dev.jamfmcp.mcp.jsonrpc.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default audit sink: one JSON line per event of a write (preview, confirmed, declined, refused
 * with its reason, executed with Jamf's answer) on the logger {@code jamf-mcp.audit}, so an
 * operator can route it to its own file or collector with the logging backend's configuration.
 */
public final class LoggingAuditSink implements AuditSink {
  public static final String LOGGER = "jamf-mcp.audit";
  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  @Override
  public void record(AuditEvent event) {
    ObjectNode line =
        Json.object()
            .put("time", event.time().toString())
            .put("principal", event.principal())
            .put("event", event.event())
            .put("tool", event.tool());
    if (event.reason() != null) {
      line.put("reason", event.reason());
    }
    line.set("arguments", event.arguments());
    event.targets().forEach(line.putArray("targets")::add);
    line.put("outcome", event.outcome());
    line.set("jamfResponse", event.jamfResponse());
    log.info("{}", Json.mapper().writeValueAsString(line));
  }
}
