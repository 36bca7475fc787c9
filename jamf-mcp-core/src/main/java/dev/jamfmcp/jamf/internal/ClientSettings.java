package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.Credentials;
import dev.jamfmcp.jamf.JamfRequestListener;
import dev.jamfmcp.jamf.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Everything a {@link Transport} needs to know, validated by {@code JamfClient.Builder}. */
public record ClientSettings(
    URI baseUrl,
    Credentials credentials,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration callTimeout,
    int maxConcurrentRequests,
    int maxRetries,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    Duration maxRetryAfter,
    int defaultPageSize,
    long maxResponseBytes,
    String userAgent,
    Clock clock,
    Sleeper sleeper,
    JamfRequestListener requestListener) {}
