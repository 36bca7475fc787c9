package dev.jamfmcp.redis;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the shared Redis is and how long a command may take.
 *
 * @param url {@code redis://[:password@]host[:port][/db]} or {@code rediss://...} (TLS, the server
 *     certificate checked against the JVM's trust store); the password may be in the URL
 * @param keyPrefix put before every key and channel name, so several servers can share one Redis
 * @param commandTimeout how long one command may take before the caller gets {@code
 *     StoreUnavailableException}
 */
public record RedisSettings(String url, String keyPrefix, Duration commandTimeout) {
  public static final String DEFAULT_KEY_PREFIX = "jamf-mcp:";
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

  public RedisSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive");
    }
    url = url.trim();
    String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
    String lower = scheme.toLowerCase(Locale.ROOT);
    // Never echo the URL: it may hold the password.
    if (!lower.equals("redis") && !lower.equals("rediss")) {
      throw new IllegalArgumentException(
          "the Redis URL must start with redis:// or rediss:// (TLS), e.g."
              + " redis://:password@redis:6379/0");
    }
    try {
      RedisURI.create(url);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the Redis URL is not valid (expected redis[s]://[:password@]host[:port][/db])", null);
    }
  }

  /** The URL with the default key prefix and command timeout. */
  public static RedisSettings of(String url) {
    return new RedisSettings(url, DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT);
  }

  /** The URL read from a file (a mounted secret), surrounding whitespace ignored. */
  public static RedisSettings fromFile(Path file) {
    try {
      return of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Redis URL file " + file, e);
    }
  }

  public RedisSettings withKeyPrefix(String prefix) {
    return new RedisSettings(url, prefix, commandTimeout);
  }

  public RedisSettings withCommandTimeout(Duration timeout) {
    return new RedisSettings(url, keyPrefix, timeout);
  }

  /** Whether the connection uses TLS ({@code rediss://}). */
  public boolean tls() {
    return redisUri().isSsl();
  }

  /** The URL without its password or user name, for logs. */
  public String redactedUrl() {
    RedisURI uri = redisUri();
    return (uri.isSsl() ? "rediss://" : "redis://")
        + uri.getHost()
        + ":"
        + uri.getPort()
        + "/"
        + uri.getDatabase();
  }

  RedisURI redisUri() {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(commandTimeout);
    return uri;
  }

  @Override
  public String toString() {
    return "RedisSettings[" + redactedUrl() + ", keyPrefix=" + keyPrefix + "]";
  }
}
