package dev.jamfmcp.simulator.faults;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Which faults to inject into Jamf API requests (never into {@code /__sim/} admin routes).
 *
 * @param latency added before every affected response
 * @param errorRates probability (0..1) per HTTP status, e.g. {@code Map.of(503, 0.2)}; rolled in
 *     order
 * @param retryAfterSeconds value of the {@code Retry-After} header sent with injected 503s
 * @param resetRate probability of aborting the connection midway through the body
 * @param pathPrefix only requests whose path starts with this are affected
 */
public record FaultSettings(
    Duration latency,
    Map<Integer, Double> errorRates,
    int retryAfterSeconds,
    double resetRate,
    String pathPrefix) {

  public FaultSettings {
    Objects.requireNonNull(latency, "latency");
    errorRates = Map.copyOf(errorRates);
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    errorRates.forEach(
        (status, rate) -> {
          if (status < 400 || status > 599 || rate < 0 || rate > 1) {
            throw new IllegalArgumentException("bad error rate " + status + "=" + rate);
          }
        });
    if (resetRate < 0 || resetRate > 1) {
      throw new IllegalArgumentException("bad reset rate " + resetRate);
    }
  }

  /** No faults: the default. */
  public static FaultSettings none() {
    return new FaultSettings(Duration.ZERO, Map.of(), 1, 0, "/");
  }

  public FaultSettings withLatency(Duration value) {
    return new FaultSettings(value, errorRates, retryAfterSeconds, resetRate, pathPrefix);
  }

  public FaultSettings withErrorRate(int status, double rate) {
    java.util.Map<Integer, Double> rates = new java.util.TreeMap<>(errorRates);
    rates.put(status, rate);
    return new FaultSettings(latency, rates, retryAfterSeconds, resetRate, pathPrefix);
  }

  public FaultSettings withRetryAfterSeconds(int value) {
    return new FaultSettings(latency, errorRates, value, resetRate, pathPrefix);
  }

  public FaultSettings withResetRate(double value) {
    return new FaultSettings(latency, errorRates, retryAfterSeconds, value, pathPrefix);
  }

  public FaultSettings withPathPrefix(String value) {
    return new FaultSettings(latency, errorRates, retryAfterSeconds, resetRate, value);
  }
}
