package dev.jamfmcp.server;

import dev.jamfmcp.jamf.JamfExchange;
import dev.jamfmcp.jamf.JamfRequestListener;
import dev.jamfmcp.mcp.McpMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwards the Jamf client's exchanges to the HTTP plugin's metrics ({@code
 * jamf_request_duration_seconds{method,endpoint,status}}). The client exists, and checks the
 * connection (a token request, a version request), before the plugin and its registry do: those
 * first exchanges are kept, up to {@link #EARLY_LIMIT}, and recorded once the metrics are attached.
 */
final class JamfRequestMetrics implements JamfRequestListener {
  static final int EARLY_LIMIT = 64;

  private volatile McpMetrics metrics;
  private final List<JamfExchange> early = new ArrayList<>();

  @Override
  public void exchanged(JamfExchange exchange) {
    McpMetrics target = metrics;
    if (target == null) {
      synchronized (early) {
        target = metrics;
        if (target == null) {
          if (early.size() < EARLY_LIMIT) {
            early.add(exchange);
          }
          return;
        }
      }
    }
    record(target, exchange);
  }

  /** From now on exchanges go to {@code target}; the early ones are recorded there first. */
  void attach(McpMetrics target) {
    synchronized (early) {
      early.forEach(exchange -> record(target, exchange));
      early.clear();
      metrics = target;
    }
  }

  private static void record(McpMetrics target, JamfExchange e) {
    target.jamfRequest(e.method(), e.endpoint(), e.outcome(), e.duration());
  }
}
