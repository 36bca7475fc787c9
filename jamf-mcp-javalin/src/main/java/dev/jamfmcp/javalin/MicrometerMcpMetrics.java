package dev.jamfmcp.javalin;

import dev.jamfmcp.mcp.McpMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link McpMetrics} on Micrometer. In Prometheus text: {@code mcp_sse_connections_active}, {@code
 * mcp_sse_connection_duration_seconds}, {@code mcp_request_duration_seconds{method,tool}}, {@code
 * mcp_errors_total{kind}} and {@code jamf_request_duration_seconds{method,endpoint,status}} (the
 * endpoint is Jamf's path template, the status an HTTP status or a failure kind such as {@code
 * timeout}).
 */
public final class MicrometerMcpMetrics implements McpMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger activeStreams = new AtomicInteger();
  private final Timer streamDuration;

  // Meters by label values, so a request does not build and look up its meter's id every time.
  // Bounded: labels come only from the server's own methods, tools and error kinds.
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> errorCounters = new ConcurrentHashMap<>();

  public MicrometerMcpMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("mcp.sse.connections.active", activeStreams, AtomicInteger::get)
        .description("SSE streams open now (GET, legacy and POST response streams)")
        .register(registry);
    this.streamDuration =
        Timer.builder("mcp.sse.connection.duration")
            .description("How long SSE streams stayed open")
            .register(registry);
  }

  @Override
  public void streamOpened() {
    activeStreams.incrementAndGet();
  }

  @Override
  public void streamClosed(Duration openFor) {
    activeStreams.decrementAndGet();
    streamDuration.record(openFor);
  }

  @Override
  public void requestCompleted(String method, String tool, Duration latency, String errorKind) {
    requestTimers
        .computeIfAbsent(
            method + '\n' + tool,
            key ->
                Timer.builder("mcp.request.duration")
                    .description("Time from a JSON-RPC request's arrival to its answer")
                    .tags("method", method, "tool", tool)
                    .publishPercentileHistogram()
                    .register(registry))
        .record(latency);
    if (errorKind != null) {
      errorCounters
          .computeIfAbsent(
              errorKind,
              kind ->
                  Counter.builder("mcp.errors")
                      .description("Requests answered with an error, by kind")
                      .tag("kind", kind)
                      .register(registry))
          .increment();
    }
  }

  @Override
  public void jamfRequest(String method, String endpoint, String status, Duration latency) {
    Timer.builder("jamf.request.duration")
        .description(
            "HTTP exchanges with Jamf Pro (each retry and token request counts), by method, path"
                + " template and status or failure kind")
        .tags("method", method, "endpoint", endpoint, "status", status)
        .register(registry)
        .record(latency);
  }
}
