package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.Credentials;
import dev.jamfmcp.mcp.approval.SecondPersonPolicy;
import dev.jamfmcp.tools.Toolset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every setting takes effect, or stops start-up with one line naming it and the fix. */
class ServerConfigTest {
  static final String KEY = "0123456789abcdef0123456789abcdef-key";

  @TempDir Path dir;

  static Map<String, String> production(String... more) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "JAMF_URL", "https://example.jamfcloud.com",
                "JAMF_CLIENT_ID", "id",
                "JAMF_CLIENT_SECRET", "secret",
                "MCP_CONFIRMATION_KEY", KEY));
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) {
        env.remove(more[i]);
      } else {
        env.put(more[i], more[i + 1]);
      }
    }
    return env;
  }

  /** Production with JWT and the OAuth front. */
  static Map<String, String> front(String... more) {
    Map<String, String> env =
        production(
            "MCP_OAUTH_ISSUER",
            "https://i.example.com/",
            "MCP_PUBLIC_URL",
            "https://m.example.com",
            "MCP_OAUTH_CLIENT_ID",
            "upstream",
            "MCP_OAUTH_CLIENT_SECRET",
            "s3cret",
            "MCP_OAUTH_AUTHORIZE_URL",
            "https://i.example.com/authorize",
            "MCP_OAUTH_TOKEN_URL",
            "https://i.example.com/oauth/token");
    return production(env, more);
  }

  static Map<String, String> production(Map<String, String> env, String... more) {
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) {
        env.remove(more[i]);
      } else {
        env.put(more[i], more[i + 1]);
      }
    }
    return env;
  }

  static ServerConfig config(Map<String, String> env, String... args) {
    ServerConfig config = ServerConfig.from(RawSettings.parse(args, env).settings());
    return config;
  }

  static String failure(Map<String, String> env, String... args) {
    try {
      config(env, args);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n").contains("Fix: ");
      return e.getMessage();
    }
    throw new AssertionError("expected start-up to fail");
  }

  String file(String content) {
    try {
      Path path = Files.createTempFile(dir, "secret", ".txt");
      Files.writeString(path, content);
      return path.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final Map<Setting, Runnable> checks = new EnumMap<>(Setting.class);

  private void check(Setting setting, Runnable check) {
    checks.put(setting, check);
  }

  @TestFactory
  Stream<DynamicTest> everySettingTakesEffectOrFailsClearly() {
    check(
        Setting.MCP_DEMO,
        () -> {
          assertThat(config(Map.of(), "--demo").demo()).isTrue();
          assertThat(failure(Map.of("JAMF_URL", "https://x.example.com"), "--demo"))
              .startsWith("JAMF_URL (--jamf-url): --demo starts its own");
          assertThat(config(Map.of(), "--demo").developmentAuth()).isTrue();
          // With an issuer the demo's simulated Jamf Pro is served behind that provider.
          ServerConfig behindIssuer =
              config(
                  Map.of(
                      "MCP_OAUTH_ISSUER",
                      "https://i.example.com/",
                      "MCP_PUBLIC_URL",
                      "https://mcp.example.com",
                      "MCP_BIND",
                      "0.0.0.0"),
                  "--demo");
          assertThat(behindIssuer.demo()).isTrue();
          assertThat(behindIssuer.developmentAuth()).isFalse();
          assertThat(behindIssuer.security().jwt()).isTrue();
          assertThat(failure(Map.of("MCP_OAUTH_ISSUER", "https://i.example.com/"), "--demo"))
              .startsWith("MCP_PUBLIC_URL (--public-url): OAuth needs the URL clients use");
        });
    check(
        Setting.MCP_STDIO,
        () -> {
          assertThat(config(production(), "--stdio").stdio()).isTrue();
          assertThat(config(production("MCP_STDIO", "true")).stdio()).isTrue();
          assertThat(failure(production("MCP_STDIO", "maybe")))
              .startsWith("MCP_STDIO (--stdio): 'maybe'");
        });
    check(
        Setting.JAMF_URL,
        () -> {
          assertThat(failure(production("JAMF_URL", null)))
              .startsWith("JAMF_URL (--jamf-url): no Jamf Pro URL is set")
              .contains("--demo");
          assertThat(config(production(), "--jamf-url", "https://other.example.com").jamf().url())
              .isEqualTo(URI.create("https://other.example.com"));
          assertThat(failure(production("JAMF_URL", "http://jamf.example.com")))
              .contains("use https");
          assertThat(config(production("JAMF_URL", "http://127.0.0.1:9000")).jamf().url().getPort())
              .isEqualTo(9000);
        });
    check(
        Setting.JAMF_WEB_URL,
        () ->
            assertThat(
                    config(production("JAMF_WEB_URL", "https://web.example.com")).jamf().webUrl())
                .isEqualTo(URI.create("https://web.example.com")));
    check(
        Setting.JAMF_CLIENT_ID,
        () -> {
          assertThat(failure(production("JAMF_CLIENT_ID", null)))
              .startsWith("JAMF_CLIENT_ID (--jamf-client-id): missing");
          assertThat(failure(production("JAMF_CLIENT_ID", null, "JAMF_CLIENT_SECRET", null)))
              .startsWith("JAMF_CLIENT_ID (--jamf-client-id): no Jamf Pro credentials");
        });
    check(
        Setting.JAMF_CLIENT_SECRET,
        () -> {
          assertThat(failure(production("JAMF_CLIENT_SECRET", null)))
              .startsWith("JAMF_CLIENT_SECRET (--jamf-client-secret): missing");
          String path = file("from-a-file\n");
          assertThat(
                  config(production("JAMF_CLIENT_SECRET", null, "JAMF_CLIENT_SECRET_FILE", path))
                      .jamf()
                      .credentials())
              .isEqualTo(new Credentials.ApiClient("id", "from-a-file"));
          assertThat(failure(production("JAMF_CLIENT_SECRET_FILE", path)))
              .startsWith("JAMF_CLIENT_SECRET and JAMF_CLIENT_SECRET_FILE: both are set");
          assertThat(
                  failure(
                      production(
                          "JAMF_CLIENT_SECRET",
                          null,
                          "JAMF_CLIENT_SECRET_FILE",
                          dir.resolve("nope").toString())))
              .startsWith("JAMF_CLIENT_SECRET_FILE: cannot read");
        });
    check(
        Setting.JAMF_USERNAME,
        () -> {
          assertThat(failure(production("JAMF_USERNAME", "admin", "JAMF_PASSWORD", "pw")))
              .startsWith("JAMF_USERNAME (--jamf-username): both an API client and a user account");
          assertThat(
                  config(
                          production(
                              "JAMF_CLIENT_ID",
                              null,
                              "JAMF_CLIENT_SECRET",
                              null,
                              "JAMF_USERNAME",
                              "admin",
                              "JAMF_PASSWORD",
                              "pw"))
                      .jamf()
                      .credentials())
              .isEqualTo(new Credentials.UserAccount("admin", "pw"));
        });
    check(
        Setting.JAMF_PASSWORD,
        () -> {
          assertThat(
                  failure(
                      production(
                          "JAMF_CLIENT_ID",
                          null,
                          "JAMF_CLIENT_SECRET",
                          null,
                          "JAMF_USERNAME",
                          "admin")))
              .startsWith("JAMF_PASSWORD (--jamf-password): missing");
          assertThat(
                  config(
                          production(
                              "JAMF_CLIENT_ID",
                              null,
                              "JAMF_CLIENT_SECRET",
                              null,
                              "JAMF_USERNAME",
                              "admin",
                              "JAMF_PASSWORD_FILE",
                              file("pw\n")))
                      .jamf()
                      .credentials())
              .isEqualTo(new Credentials.UserAccount("admin", "pw"));
        });
    check(
        Setting.JAMF_MAX_CONCURRENT_REQUESTS,
        () -> {
          assertThat(
                  config(production(), "--jamf-max-concurrent-requests", "7")
                      .jamf()
                      .maxConcurrentRequests())
              .isEqualTo(7);
          assertThat(failure(production("JAMF_MAX_CONCURRENT_REQUESTS", "0")))
              .contains("out of range");
        });
    check(
        Setting.JAMF_CONNECT_TIMEOUT,
        () -> {
          assertThat(config(production("JAMF_CONNECT_TIMEOUT", "3s")).jamf().connectTimeout())
              .isEqualTo(Duration.ofSeconds(3));
          assertThat(failure(production("JAMF_CONNECT_TIMEOUT", "soon")))
              .startsWith(
                  "JAMF_CONNECT_TIMEOUT (--jamf-connect-timeout): 'soon' is not a duration");
        });
    check(
        Setting.JAMF_REQUEST_TIMEOUT,
        () ->
            assertThat(config(production("JAMF_REQUEST_TIMEOUT", "250ms")).jamf().requestTimeout())
                .isEqualTo(Duration.ofMillis(250)));
    check(
        Setting.JAMF_CALL_TIMEOUT,
        () -> {
          assertThat(config(production("JAMF_CALL_TIMEOUT", "PT1M")).jamf().callTimeout())
              .isEqualTo(Duration.ofMinutes(1));
          assertThat(failure(production("JAMF_CALL_TIMEOUT", "0s"))).contains("must be positive");
        });
    check(
        Setting.MCP_BIND,
        () -> {
          assertThat(failure(production("MCP_BIND", "0.0.0.0")))
              .startsWith("MCP_BIND (--bind): serving on 0.0.0.0 without authentication");
          assertThat(failure(Map.of("MCP_BIND", "0.0.0.0"), "--demo")).startsWith("MCP_BIND");
          assertThat(config(production(), "--bind", "::1").http().bind()).isEqualTo("::1");
        });
    check(
        Setting.MCP_PORT,
        () -> {
          assertThat(config(production("MCP_PORT", "9090")).http().port()).isEqualTo(9090);
          assertThat(config(production()).http().port()).isEqualTo(8080);
          assertThat(failure(production(), "--port", "70000"))
              .startsWith("MCP_PORT (--port): 70000");
        });
    check(
        Setting.MCP_PUBLIC_URL,
        () -> {
          assertThat(
                  config(production("MCP_PUBLIC_URL", "https://mcp.example.com"))
                      .http()
                      .publicUrl())
              .isEqualTo(URI.create("https://mcp.example.com"));
          assertThat(failure(production("MCP_PUBLIC_URL", "https://mcp.example.com/")))
              .contains("trailing slash");
        });
    check(Setting.MCP_TLS_CERT, this::tlsCertificate);
    check(Setting.MCP_TLS_KEY, this::tlsKey);
    check(
        Setting.MCP_ALLOWED_ORIGINS,
        () ->
            assertThat(
                    config(
                            production(
                                "MCP_ALLOWED_ORIGINS",
                                "https://a.example.com, https://b.example.com"))
                        .http()
                        .allowedOrigins())
                .containsExactly("https://a.example.com", "https://b.example.com"));
    check(
        Setting.MCP_SESSION_KEY,
        () -> {
          assertThat(
                  config(production("MCP_SESSION_KEY_FILE", file(KEY + "\n"))).http().sessionKey())
              .isEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
          assertThat(failure(production("MCP_SESSION_KEY", "short")))
              .startsWith("MCP_SESSION_KEY (--session-key): the key has 5 bytes");
          byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
          assertThat(SecurityWiring.stateKey(key))
              .as("the front's state key: derived, same everywhere")
              .hasSize(32)
              .isEqualTo(SecurityWiring.stateKey(key.clone()))
              .isNotEqualTo(key);
          assertThat(config(production()).http().sessionKey()).isNull();
        });
    check(
        Setting.MCP_REDIS_URL,
        () -> {
          assertThat(config(production()).cluster().redis()).isNull();
          assertThat(
                  config(production("MCP_REDIS_URL", "rediss://:pw@cache.example.com:6380/1"))
                      .cluster()
                      .redis()
                      .redactedUrl())
              .isEqualTo("rediss://cache.example.com:6380/1");
          String path = file("redis://:from-a-file@redis:6379/0\n");
          assertThat(config(production("MCP_REDIS_URL_FILE", path)).cluster().redis().redactedUrl())
              .isEqualTo("redis://redis:6379/0");
          assertThat(failure(production("MCP_REDIS_URL", "http://:s3cret@redis:6379")))
              .startsWith("MCP_REDIS_URL (--redis-url): the Redis URL must start with redis://")
              .doesNotContain("s3cret");
          assertThat(config(production(), "--redis-url", "redis://redis").cluster().redis().url())
              .isEqualTo("redis://redis");
        });
    check(
        Setting.MCP_PING_INTERVAL,
        () -> {
          assertThat(config(production("MCP_PING_INTERVAL", "10s")).http().pingInterval())
              .isEqualTo(Duration.ofSeconds(10));
          assertThat(failure(production("MCP_PING_INTERVAL", "1h")))
              .startsWith("MCP_PING_INTERVAL (--ping-interval): the ping interval");
        });
    check(
        Setting.MCP_SESSION_IDLE_TIMEOUT,
        () ->
            assertThat(
                    config(production("MCP_SESSION_IDLE_TIMEOUT", "5m"))
                        .http()
                        .sessionIdleTimeout())
                .isEqualTo(Duration.ofMinutes(5)));
    check(
        Setting.MCP_MAX_BODY_BYTES,
        () -> {
          assertThat(config(production("MCP_MAX_BODY_BYTES", "2048")).http().maxBodyBytes())
              .isEqualTo(2048);
          assertThat(failure(production("MCP_MAX_BODY_BYTES", "10"))).contains("out of range");
        });
    check(
        Setting.MCP_ACCEPT_QUEUE_SIZE,
        () -> {
          assertThat(config(production()).http().acceptQueueSize()).isEqualTo(1024);
          assertThat(config(production("MCP_ACCEPT_QUEUE_SIZE", "4096")).http().acceptQueueSize())
              .isEqualTo(4096);
          assertThat(config(production("MCP_ACCEPT_QUEUE_SIZE", "0")).http().acceptQueueSize())
              .isZero();
          assertThat(failure(production("MCP_ACCEPT_QUEUE_SIZE", "-1"))).contains("out of range");
        });
    check(
        Setting.MCP_SHUTDOWN_GRACE,
        () ->
            assertThat(config(production("MCP_SHUTDOWN_GRACE", "3s")).http().shutdownGrace())
                .isEqualTo(Duration.ofSeconds(3)));
    check(
        Setting.MCP_AUTH_DISABLED,
        () -> {
          assertThat(
                  config(production("MCP_BIND", "0.0.0.0"), "--auth-disabled")
                      .security()
                      .authDisabled())
              .isTrue();
          assertThat(
                  failure(
                      production(
                          "MCP_AUTH_DISABLED",
                          "true",
                          "MCP_OAUTH_ISSUER",
                          "https://issuer.example.com/")))
              .startsWith("MCP_AUTH_DISABLED (--auth-disabled): authentication is both");
        });
    check(
        Setting.MCP_OAUTH_ISSUER,
        () -> {
          assertThat(failure(production("MCP_OAUTH_ISSUER", "https://issuer.example.com/")))
              .startsWith("MCP_PUBLIC_URL (--public-url): OAuth needs the URL");
          ServerConfig.Security s =
              config(
                      production(
                          "MCP_OAUTH_ISSUER",
                          "https://issuer.example.com/",
                          "MCP_PUBLIC_URL",
                          "https://mcp.example.com",
                          "MCP_BIND",
                          "0.0.0.0"))
                  .security();
          assertThat(s.jwt()).isTrue();
          assertThat(s.front()).isFalse();
          assertThat(s.oauthIssuer()).hasToString("https://issuer.example.com/");
          assertThat(s.requiredScopes()).containsExactly("read:jamf");
        });
    for (Setting oauthOnly :
        Set.of(
            Setting.MCP_OAUTH_JWKS_URL, Setting.MCP_OAUTH_AUDIENCE, Setting.MCP_REQUIRED_SCOPES)) {
      check(
          oauthOnly,
          () -> {
            String value =
                oauthOnly == Setting.MCP_OAUTH_JWKS_URL ? "https://i.example.com/jwks" : "x";
            assertThat(failure(production(oauthOnly.env(), value)))
                .startsWith(oauthOnly.label() + ": it only applies to OAuth");
            RawSettings raw =
                RawSettings.parse(
                        new String[0],
                        production(
                            oauthOnly.env(),
                            value,
                            "MCP_OAUTH_ISSUER",
                            "https://i.example.com/",
                            "MCP_PUBLIC_URL",
                            "https://m.example.com"))
                    .settings();
            ServerConfig.Security s = ServerConfig.from(raw).security();
            Object seen =
                switch (oauthOnly) {
                  case MCP_OAUTH_JWKS_URL -> s.jwksUrl().toString();
                  case MCP_OAUTH_AUDIENCE -> s.audience();
                  default -> String.join(",", s.requiredScopes());
                };
            assertThat(seen).isEqualTo(value);
          });
    }
    for (Setting tokenRule :
        List.of(Setting.MCP_OAUTH_MAX_TOKEN_LIFETIME, Setting.MCP_OAUTH_TOKEN_TYPE)) {
      check(
          tokenRule,
          () -> {
            String value = tokenRule == Setting.MCP_OAUTH_TOKEN_TYPE ? "at+jwt" : "2h";
            assertThat(failure(production(tokenRule.env(), value)))
                .startsWith(tokenRule.label() + ": it only applies to OAuth");
            Map<String, String> oauth =
                production(
                    "MCP_OAUTH_ISSUER",
                    "https://i.example.com/",
                    "MCP_PUBLIC_URL",
                    "https://m.example.com");
            ServerConfig.Security defaults = config(oauth).security();
            assertThat(defaults.maxTokenLifetime()).isEqualTo(Duration.ofHours(24));
            assertThat(defaults.tokenType()).isNull();
            Map<String, String> set = new HashMap<>(oauth);
            set.put(tokenRule.env(), value);
            ServerConfig.Security s = config(set).security();
            if (tokenRule == Setting.MCP_OAUTH_TOKEN_TYPE) {
              assertThat(s.tokenType()).isEqualTo("at+jwt");
            } else {
              assertThat(s.maxTokenLifetime()).isEqualTo(Duration.ofHours(2));
              set.put(tokenRule.env(), "forever");
              assertThat(failure(set)).startsWith(tokenRule.label() + ": 'forever' is not a");
            }
          });
    }
    check(
        Setting.MCP_OAUTH_CLIENT_ID,
        () -> {
          assertThat(
                  failure(
                      production(
                          "MCP_OAUTH_ISSUER",
                          "https://i.example.com/",
                          "MCP_PUBLIC_URL",
                          "https://m.example.com",
                          "MCP_OAUTH_CLIENT_ID",
                          "upstream")))
              .startsWith(
                  "MCP_OAUTH_CLIENT_SECRET (--oauth-client-secret): the OAuth front needs both");
          assertThat(
                  failure(
                      production(
                          "MCP_OAUTH_ISSUER",
                          "https://i.example.com/",
                          "MCP_PUBLIC_URL",
                          "https://m.example.com",
                          "MCP_OAUTH_CLIENT_ID",
                          "upstream",
                          "MCP_OAUTH_CLIENT_SECRET",
                          "s")))
              .startsWith("MCP_OAUTH_AUTHORIZE_URL (--oauth-authorize-url): the OAuth front");
          assertThat(
                  failure(
                      production(
                          "MCP_OAUTH_CLIENT_ID", "upstream", "MCP_OAUTH_CLIENT_SECRET", "s")))
              .startsWith("MCP_OAUTH_CLIENT_ID (--oauth-client-id): it only applies to OAuth");
          ServerConfig.Security s = config(front()).security();
          assertThat(s.front()).isTrue();
          assertThat(s.oauthClientId()).isEqualTo("upstream");
        });
    check(
        Setting.MCP_OAUTH_AUTHORIZE_URL,
        () -> {
          assertThat(config(front()).security().authorizeUrl())
              .hasToString("https://i.example.com/authorize");
          assertThat(failure(front("MCP_OAUTH_CLIENT_ID", null, "MCP_OAUTH_CLIENT_SECRET", null)))
              .startsWith(
                  "MCP_OAUTH_AUTHORIZE_URL (--oauth-authorize-url): it only applies to the"
                      + " OAuth front");
          assertThat(failure(front("MCP_OAUTH_AUTHORIZE_URL", "http://i.example.com/authorize")))
              .contains("use https");
        });
    check(
        Setting.MCP_OAUTH_TOKEN_URL,
        () -> {
          assertThat(config(front()).security().tokenUrl())
              .hasToString("https://i.example.com/oauth/token");
          assertThat(failure(front("MCP_OAUTH_TOKEN_URL", null)))
              .startsWith("MCP_OAUTH_TOKEN_URL (--oauth-token-url): the OAuth front");
        });
    check(
        Setting.MCP_OAUTH_CLIENT_SECRET,
        () -> {
          assertThat(
                  config(
                          front(
                              "MCP_OAUTH_CLIENT_SECRET",
                              null,
                              "MCP_OAUTH_CLIENT_SECRET_FILE",
                              file("from-a-file\n")))
                      .security()
                      .oauthClientSecret())
              .isEqualTo("from-a-file");
        });
    check(
        Setting.MCP_OAUTH_REDIRECT_URIS,
        () -> {
          assertThat(config(front()).security().redirectUris())
              .containsExactlyInAnyOrder(
                  "https://chatgpt.com/connector/oauth/{id}",
                  "https://chatgpt.com/connector_platform_oauth_redirect",
                  "https://claude.ai/api/mcp/auth_callback");
          assertThat(
                  config(front("MCP_OAUTH_REDIRECT_URIS", "https://a.example.com/cb/{id}"))
                      .security()
                      .redirectUris())
              .containsExactly("https://a.example.com/cb/{id}");
          assertThat(failure(front("MCP_OAUTH_REDIRECT_URIS", "http://evil.example.com/cb")))
              .startsWith(
                  "MCP_OAUTH_REDIRECT_URIS (--oauth-redirect-uris): Redirect URI"
                      + " 'http://evil.example.com/cb' is not https");
          // V10: parsed, not a prefix.
          assertThat(failure(front("MCP_OAUTH_REDIRECT_URIS", "http://localhost.evil.example/cb")))
              .contains("is not https");
          assertThat(failure(front("MCP_OAUTH_REDIRECT_URIS", "http://127.0.0.1@evil.example/cb")))
              .contains("has user-info");
          assertThat(
                  failure(
                      front("MCP_OAUTH_REDIRECT_URIS", "https://chatgpt.com/connector/oauth/*")))
              .contains("has a wildcard")
              .contains("{id}");
          assertThat(
                  failure(
                      front(
                          "MCP_OAUTH_CLIENT_ID",
                          null,
                          "MCP_OAUTH_CLIENT_SECRET",
                          null,
                          "MCP_OAUTH_AUTHORIZE_URL",
                          null,
                          "MCP_OAUTH_TOKEN_URL",
                          null,
                          "MCP_OAUTH_REDIRECT_URIS",
                          "https://a.example.com/cb")))
              .startsWith(
                  "MCP_OAUTH_REDIRECT_URIS (--oauth-redirect-uris): it only applies to the"
                      + " OAuth front");
        });
    check(
        Setting.MCP_RATE_LIMIT,
        () -> {
          assertThat(config(production("MCP_RATE_LIMIT", "60")).security().rateLimitPerMinute())
              .isEqualTo(60);
          assertThat(failure(production("MCP_RATE_LIMIT", "-1"))).contains("out of range");
          assertThat(config(production()).security().rateLimitPerMinute()).isZero();
        });
    check(
        Setting.MCP_TRUSTED_PROXY_HEADER,
        () -> {
          assertThat(
                  config(
                          production("MCP_RATE_LIMIT", "60"),
                          "--trusted-proxy-header",
                          "X-Forwarded-For")
                      .security()
                      .trustedProxyHeader())
              .isEqualTo("X-Forwarded-For");
          assertThat(config(production()).security().trustedProxyHeader()).isNull();
          assertThat(failure(production("MCP_TRUSTED_PROXY_HEADER", "X-Forwarded-For")))
              .startsWith(
                  "MCP_TRUSTED_PROXY_HEADER (--trusted-proxy-header): it only applies to rate"
                      + " limits");
          assertThat(
                  failure(production("MCP_RATE_LIMIT", "60", "MCP_TRUSTED_PROXY_HEADER", "X: y")))
              .contains("is not a header name");
        });
    check(
        Setting.JAMF_HEALTH_CHECK_INTERVAL,
        () -> {
          assertThat(config(production()).jamf().healthCheck().interval())
              .isEqualTo(Duration.ofSeconds(15));
          assertThat(
                  config(production(), "--jamf-health-check-interval", "1m")
                      .jamf()
                      .healthCheck()
                      .interval())
              .isEqualTo(Duration.ofMinutes(1));
          assertThat(failure(production("JAMF_HEALTH_CHECK_INTERVAL", "0s")))
              .startsWith("JAMF_HEALTH_CHECK_INTERVAL (--jamf-health-check-interval)");
        });
    check(
        Setting.JAMF_HEALTH_CHECK_TIMEOUT,
        () -> {
          assertThat(config(production()).jamf().healthCheck().timeout())
              .isEqualTo(Duration.ofSeconds(5));
          assertThat(
                  config(production("JAMF_HEALTH_CHECK_TIMEOUT", "2s"))
                      .jamf()
                      .healthCheck()
                      .timeout())
              .isEqualTo(Duration.ofSeconds(2));
          assertThat(failure(production("JAMF_HEALTH_CHECK_TIMEOUT", "soon")))
              .contains("is not a duration");
        });
    check(
        Setting.MCP_METRICS,
        () -> {
          assertThat(config(production(), "--metrics").security().metrics()).isTrue();
          assertThat(config(production()).security().metrics()).isFalse();
        });
    check(
        Setting.MCP_READ_ONLY,
        () -> {
          assertThat(
                  config(production("MCP_CONFIRMATION_KEY", null), "--read-only")
                      .tools()
                      .readOnly())
              .isTrue();
          assertThat(config(production(), "--read-only=false").tools().readOnly()).isFalse();
        });
    check(
        Setting.MCP_TOOLSETS,
        () -> {
          assertThat(config(production("MCP_TOOLSETS", "devices, Mobile")).tools().toolsets())
              .containsExactly(Toolset.DEVICES, Toolset.MOBILE);
          assertThat(config(production()).tools().toolsets()).isEqualTo(Toolset.defaults());
          assertThat(config(production("MCP_TOOLSETS", "all")).tools().toolsets())
              .isEqualTo(EnumSet.allOf(Toolset.class));
          assertThat(config(Map.of(), "--demo").tools().toolsets())
              .isEqualTo(EnumSet.allOf(Toolset.class));
          assertThat(config(production("MCP_TOOLSETS", "default, mdm")).tools().toolsets())
              .contains(Toolset.MDM)
              .containsAll(Toolset.defaults());
          assertThat(failure(production("MCP_TOOLSETS", "devices,nope")))
              .startsWith("MCP_TOOLSETS (--toolsets): 'nope' is not a toolset");
        });
    check(
        Setting.MCP_TOOLSETS_AVAILABLE,
        () -> {
          assertThat(config(production()).tools().available())
              .isEqualTo(EnumSet.allOf(Toolset.class));
          assertThat(config(production("MCP_TOOLSETS_AVAILABLE", "none")).tools().available())
              .isEmpty();
          assertThat(
                  config(production("MCP_TOOLSETS_AVAILABLE", "mdm, Policies")).tools().available())
              .containsExactly(Toolset.POLICIES, Toolset.MDM);
          assertThat(failure(production("MCP_TOOLSETS_AVAILABLE", "mdm,nope")))
              .startsWith("MCP_TOOLSETS_AVAILABLE (--toolsets-available): 'nope' is not a toolset");
        });
    check(
        Setting.MCP_COMPLIANCE_BASELINE,
        () -> {
          assertThat(config(production()).tools().complianceBaseline())
              .isEqualTo(dev.jamfmcp.tools.ComplianceBaseline.DEFAULT);
          var baseline =
              config(production("MCP_COMPLIANCE_BASELINE", "checkInDays=14,sip=false"))
                  .tools()
                  .complianceBaseline();
          assertThat(baseline.checkInDays()).isEqualTo(14);
          assertThat(baseline.sip()).isFalse();
          assertThat(failure(production("MCP_COMPLIANCE_BASELINE", "colour=red")))
              .startsWith("MCP_COMPLIANCE_BASELINE (--compliance-baseline)")
              .contains("unknown compliance check 'colour'");
        });
    check(
        Setting.MCP_CONFIRMATION_KEY,
        () -> {
          assertThat(failure(production("MCP_CONFIRMATION_KEY", null)))
              .startsWith(
                  "MCP_CONFIRMATION_KEY (--confirmation-key): write tools need a confirmation key")
              .contains("MCP_READ_ONLY=true");
          assertThat(failure(production("MCP_CONFIRMATION_KEY", "short"))).contains("openssl rand");
          assertThat(config(production()).tools().confirmationKey())
              .isEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
        });
    check(
        Setting.MCP_LOG_LEVEL,
        () -> {
          assertThat(config(production("MCP_LOG_LEVEL", "DEBUG")).logs().level())
              .isEqualTo("debug");
          assertThat(failure(production(), "--log-level", "loud")).startsWith("MCP_LOG_LEVEL");
        });
    check(
        Setting.MCP_LOG_FORMAT,
        () -> {
          assertThat(config(production("MCP_LOG_FORMAT", "json")).logs().json()).isTrue();
          assertThat(config(production()).logs().json()).isFalse();
          assertThat(failure(production("MCP_LOG_FORMAT", "xml"))).startsWith("MCP_LOG_FORMAT");
        });
    check(
        Setting.MCP_MAX_REQUEST_BYTES,
        () -> {
          assertThat(config(production()).limits().maxRequestBytes()).isEqualTo(4 * 1024 * 1024);
          assertThat(
                  config(production("MCP_MAX_REQUEST_BYTES", "65536")).limits().maxRequestBytes())
              .isEqualTo(65536);
          assertThat(failure(production("MCP_MAX_REQUEST_BYTES", "10"))).contains("out of range");
        });
    check(
        Setting.MCP_MIN_BODY_RATE,
        () -> {
          assertThat(config(production()).limits().minBodyBytesPerSecond()).isEqualTo(1024);
          assertThat(config(production("MCP_MIN_BODY_RATE", "0")).limits().minBodyBytesPerSecond())
              .isZero();
          assertThat(failure(production("MCP_MIN_BODY_RATE", "-1"))).contains("out of range");
        });
    check(
        Setting.MCP_HEADER_TIMEOUT,
        () ->
            assertThat(config(production("MCP_HEADER_TIMEOUT", "3s")).limits().headerTimeout())
                .isEqualTo(Duration.ofSeconds(3)));
    check(
        Setting.MCP_MAX_CONNECTIONS_PER_ADDRESS,
        () -> {
          assertThat(config(production()).limits().maxConnectionsPerAddress()).isEqualTo(1000);
          assertThat(
                  config(production("MCP_MAX_CONNECTIONS_PER_ADDRESS", "0"))
                      .limits()
                      .maxConnectionsPerAddress())
              .isZero();
        });
    check(
        Setting.MCP_MAX_RUNNING_PER_ADDRESS,
        () ->
            assertThat(
                    config(production("MCP_MAX_RUNNING_PER_ADDRESS", "8"))
                        .limits()
                        .maxRunningPerAddress())
                .isEqualTo(8));
    check(
        Setting.MCP_MAX_WAITING_PER_ADDRESS,
        () ->
            assertThat(
                    config(production("MCP_MAX_WAITING_PER_ADDRESS", "9"))
                        .limits()
                        .maxWaitingPerAddress())
                .isEqualTo(9));
    check(
        Setting.MCP_MAX_BUFFERED_BYTES,
        () -> {
          assertThat(config(production()).limits().maxBufferedBytes()).isEqualTo(64 << 20);
          assertThat(config(production("MCP_MAX_BUFFERED_BYTES", "0")).limits().maxBufferedBytes())
              .isZero();
        });
    check(
        Setting.MCP_RATE_LIMIT_ANONYMOUS,
        () -> {
          assertThat(config(production()).limits().anonymousPerMinute()).isZero();
          assertThat(
                  config(production("MCP_RATE_LIMIT", "60", "MCP_RATE_LIMIT_ANONYMOUS", "20"))
                      .limits()
                      .anonymousPerMinute())
              .isEqualTo(20);
          assertThat(failure(production("MCP_RATE_LIMIT_ANONYMOUS", "20")))
              .startsWith("MCP_RATE_LIMIT_ANONYMOUS")
              .contains("MCP_RATE_LIMIT is 0");
        });
    check(
        Setting.MCP_CONFIRMATION_TTL,
        () -> {
          assertThat(config(production()).limits().confirmationTtl())
              .isEqualTo(Duration.ofMinutes(5));
          assertThat(config(production("MCP_CONFIRMATION_TTL", "2m")).limits().confirmationTtl())
              .isEqualTo(Duration.ofMinutes(2));
          assertThat(failure(production("MCP_CONFIRMATION_TTL", "30s")))
              .startsWith("MCP_CONFIRMATION_TTL")
              .contains("1m to 1h");
          assertThat(failure(production("MCP_CONFIRMATION_TTL", "2h"))).contains("1m to 1h");
        });
    check(
        Setting.MCP_OAUTH_MAX_REGISTRATION_BYTES,
        () -> {
          assertThat(config(production()).limits().front().maxRegistrationBytes()).isEqualTo(4096);
          assertThat(
                  config(production("MCP_OAUTH_MAX_REGISTRATION_BYTES", "2048"))
                      .limits()
                      .front()
                      .maxRegistrationBytes())
              .isEqualTo(2048);
          assertThat(failure(production("MCP_OAUTH_MAX_REGISTRATION_BYTES", "10")))
              .startsWith("MCP_OAUTH_MAX_REGISTRATION_BYTES");
        });
    check(
        Setting.MCP_OAUTH_REGISTRATIONS_PER_HOUR,
        () -> {
          assertThat(config(production()).limits().front().registrationsPerHour()).isEqualTo(30);
          assertThat(
                  config(production("MCP_OAUTH_REGISTRATIONS_PER_HOUR", "500"))
                      .limits()
                      .front()
                      .registrationsPerHour())
              .isEqualTo(500);
          assertThat(failure(production("MCP_OAUTH_REGISTRATIONS_PER_HOUR", "0")))
              .startsWith("MCP_OAUTH_REGISTRATIONS_PER_HOUR");
        });
    check(
        Setting.MCP_OAUTH_UNUSED_REGISTRATION_TTL,
        () -> {
          assertThat(config(production()).limits().front().unusedRegistrationTtl())
              .isEqualTo(Duration.ofHours(24));
          assertThat(
                  config(production("MCP_OAUTH_UNUSED_REGISTRATION_TTL", "2h"))
                      .limits()
                      .front()
                      .unusedRegistrationTtl())
              .isEqualTo(Duration.ofHours(2));
        });
    check(
        Setting.MCP_OAUTH_REFRESH_TOKEN_TTL,
        () -> {
          assertThat(config(production()).limits().front().refreshTokenTtl())
              .isEqualTo(Duration.ofDays(30));
          assertThat(failure(production("MCP_OAUTH_REFRESH_TOKEN_TTL", "soon")))
              .startsWith("MCP_OAUTH_REFRESH_TOKEN_TTL");
        });
    check(
        Setting.MCP_APPROVAL,
        () -> {
          assertThat(config(production()).approval().mode())
              .isEqualTo(ServerConfig.ApprovalMode.BROWSER);
          assertThat(config(production(), "--stdio").approval().mode())
              .isEqualTo(ServerConfig.ApprovalMode.ELICITATION);
          assertThat(config(production("MCP_APPROVAL", "Browser"), "--stdio").approval().mode())
              .isEqualTo(ServerConfig.ApprovalMode.BROWSER);
          assertThat(config(production("MCP_APPROVAL", "elicitation")).approval().mode())
              .isEqualTo(ServerConfig.ApprovalMode.ELICITATION);
          assertThat(failure(production("MCP_APPROVAL", "model")))
              .startsWith("MCP_APPROVAL (--approval): 'model' is not an approval mode");
        });
    check(
        Setting.MCP_APPROVAL_SECOND_PERSON,
        () -> {
          assertThat(config(production()).approval().secondPerson())
              .isEqualTo(SecondPersonPolicy.none());
          SecondPersonPolicy policy =
              config(
                      production(
                          "MCP_APPROVAL_SECOND_PERSON", "tools=eraseDevice,lockDevice;devices>10"))
                  .approval()
                  .secondPerson();
          assertThat(policy.tools()).containsExactlyInAnyOrder("eraseDevice", "lockDevice");
          assertThat(policy.maxDevices()).isEqualTo(10);
          assertThat(failure(production("MCP_APPROVAL_SECOND_PERSON", "everyone")))
              .startsWith("MCP_APPROVAL_SECOND_PERSON (--approval-second-person): unknown clause");
        });
    check(
        Setting.MCP_APPROVAL_TTL,
        () -> {
          assertThat(config(production()).approval().ttl()).isEqualTo(Duration.ofMinutes(10));
          assertThat(config(production("MCP_APPROVAL_TTL", "5m")).approval().ttl())
              .isEqualTo(Duration.ofMinutes(5));
          assertThat(failure(production("MCP_APPROVAL_TTL", "30s")))
              .startsWith("MCP_APPROVAL_TTL (--approval-ttl): an approval lasts from 1m to 24h");
        });
    check(
        Setting.MCP_APPROVAL_APPROVER_SCOPE,
        () -> {
          assertThat(config(production()).approval().approverScope()).isEqualTo("approve:jamf");
          assertThat(
                  config(production("MCP_APPROVAL_APPROVER_SCOPE", "jamf:approver"))
                      .approval()
                      .approverScope())
              .isEqualTo("jamf:approver");
          assertThat(failure(production("MCP_APPROVAL_APPROVER_SCOPE", "a b")))
              .startsWith("MCP_APPROVAL_APPROVER_SCOPE");
        });
    check(
        Setting.MCP_APPROVAL_CLIENT_ID,
        () -> {
          assertThat(config(production()).approval().clientId()).isNull();
          assertThat(config(front("MCP_APPROVAL_CLIENT_ID", "approval-page")).approval().clientId())
              .isEqualTo("approval-page");
          assertThat(failure(production("MCP_APPROVAL_CLIENT_ID", "page")))
              .startsWith("MCP_APPROVAL_CLIENT_ID (--approval-client-id): the approval page signs");
        });
    check(
        Setting.MCP_APPROVAL_CLIENT_SECRET,
        () -> {
          assertThat(
                  config(
                          front(
                              "MCP_APPROVAL_CLIENT_ID",
                              "approval-page",
                              "MCP_APPROVAL_CLIENT_SECRET_FILE",
                              file("page-secret\n")))
                      .approval()
                      .clientSecret())
              .isEqualTo("page-secret");
          assertThat(failure(production("MCP_APPROVAL_CLIENT_SECRET", "x")))
              .startsWith("MCP_APPROVAL_CLIENT_SECRET (--approval-client-secret)");
        });
    check(
        Setting.MCP_APPROVAL_PORT,
        () -> {
          assertThat(config(production(), "--stdio").approval().stdioPagePort()).isZero();
          assertThat(
                  config(production("MCP_APPROVAL_PORT", "8765"), "--stdio")
                      .approval()
                      .stdioPagePort())
              .isEqualTo(8765);
          assertThat(failure(production("MCP_APPROVAL_PORT", "70000")))
              .startsWith("MCP_APPROVAL_PORT (--approval-port)");
        });
    check(
        Setting.MCP_DEMO_COMPUTERS,
        () -> {
          assertThat(config(Map.of(), "--demo").demoFleet().computers()).isEqualTo(500);
          assertThat(config(Map.of(), "--demo", "--demo-computers", "100000").demoFleet())
              .isEqualTo(new ServerConfig.DemoFleet(100_000, 150));
          assertThat(failure(Map.of(), "--demo", "--demo-computers", "100001"))
              .startsWith("MCP_DEMO_COMPUTERS (--demo-computers)");
          assertThat(failure(production("MCP_DEMO_COMPUTERS", "1000")))
              .startsWith("MCP_DEMO_COMPUTERS (--demo-computers): sizes the demo's");
        });
    check(
        Setting.MCP_DEMO_MOBILE_DEVICES,
        () -> {
          assertThat(
                  config(Map.of("MCP_DEMO_MOBILE_DEVICES", "0"), "--demo")
                      .demoFleet()
                      .mobileDevices())
              .isZero();
          assertThat(failure(Map.of(), "--demo", "--demo-mobile-devices", "-1"))
              .startsWith("MCP_DEMO_MOBILE_DEVICES (--demo-mobile-devices)");
        });
    assertThat(checks.keySet())
        .as("every setting has a check")
        .isEqualTo(EnumSet.allOf(Setting.class));
    return checks.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey().env(), e.getValue()::run));
  }

  @Test
  void flagsWinOverEnvironment() {
    assertThat(config(production("MCP_PORT", "1111"), "--port=2222").http().port()).isEqualTo(2222);
  }

  @Test
  void unknownFlagIsOneClearLine() {
    assertThat(failure(production(), "--jamf-urll", "x"))
        .startsWith("command line: ")
        .contains("--help");
  }

  @Test
  void commandLineEdgesAreRefusedOrReadAsWritten() {
    assertThat(failure(production(), "--port", "1", "--port", "2"))
        .isEqualTo("command line: --port is given more than once. Fix: give it once");
    assertThat(failure(production(), "stray"))
        .startsWith("command line: unexpected argument 'stray'")
        .endsWith("Fix: see --help");
    // no abbreviations: --read would be a guess at --read-only
    assertThat(failure(production(), "--read")).startsWith("command line: ");
    // a switch followed by another flag does not swallow it
    ServerConfig config = config(production(), "--read-only", "--port", "4444");
    assertThat(config.tools().readOnly()).isTrue();
    assertThat(config.http().port()).isEqualTo(4444);
    // values are taken as written, quotes included: a quoted URL is not a URL
    assertThat(failure(production(), "--jamf-url=\"https://q.example.com\""))
        .startsWith("JAMF_URL");
  }

  @Test
  void shortHelpAndVersionFlags() {
    assertThat(RawSettings.parse(new String[] {"-h"}, Map.of()).action())
        .isEqualTo(RawSettings.Action.HELP);
    assertThat(RawSettings.parse(new String[] {"-V"}, Map.of()).action())
        .isEqualTo(RawSettings.Action.VERSION);
  }

  @Test
  void mainExitsWithTwoAndOneLineOnBadSettings() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ServerMain.run(
            new String[0],
            Map.of(),
            System.in,
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "jamf-mcp-server: JAMF_URL"
                + " (--jamf-url): no Jamf Pro URL is set. Fix: set JAMF_URL=https://your.jamfcloud.com,"
                + " or try --demo"
                + System.lineSeparator());
  }

  @Test
  void helpListsEveryFlagAndVariable() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            ServerMain.run(
                new String[] {"--help"},
                Map.of(),
                System.in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err))
        .isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    for (Setting s : Setting.values()) {
      assertThat(help).contains(s.flag()).contains(s.env());
    }
    out.reset();
    assertThat(
            ServerMain.run(
                new String[] {"--version"},
                Map.of(),
                System.in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("jamf-mcp-server ");
  }

  private SelfSignedCertificate certificate(String algorithm) {
    try {
      return SelfSignedCertificate.create(dir, algorithm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void tlsCertificate() {
    SelfSignedCertificate rsa = certificate("RSA");
    ServerConfig.Http http =
        config(
                production(
                    "MCP_TLS_CERT", rsa.certFile().toString(),
                    "MCP_TLS_KEY", rsa.keyFile().toString()))
            .http();
    assertThat(http.scheme()).isEqualTo("https");
    assertThat(http.tls().certFile()).isEqualTo(rsa.certFile());
    assertThat(config(production()).http().scheme()).isEqualTo("http");
    assertThat(failure(production("MCP_TLS_KEY", rsa.keyFile().toString())))
        .startsWith("MCP_TLS_CERT (--tls-cert): TLS needs both");
    assertThat(
            failure(
                production(
                    "MCP_TLS_CERT", dir.resolve("missing.pem").toString(),
                    "MCP_TLS_KEY", rsa.keyFile().toString())))
        .startsWith("MCP_TLS_CERT (--tls-cert): cannot read");
    assertThat(
            failure(
                production(
                    "MCP_TLS_CERT", rsa.keyFile().toString(),
                    "MCP_TLS_KEY", rsa.keyFile().toString())))
        .startsWith("MCP_TLS_CERT (--tls-cert): ")
        .contains("holds no -----BEGIN CERTIFICATE----- block");
    assertThat(
            failure(
                Map.of(
                    "MCP_TLS_CERT", rsa.certFile().toString(),
                    "MCP_TLS_KEY", rsa.keyFile().toString(),
                    "MCP_READ_ONLY", "true"),
                "--demo",
                "--stdio"))
        .startsWith("MCP_TLS_CERT (--tls-cert): TLS applies to HTTP");
  }

  private void tlsKey() {
    SelfSignedCertificate rsa = certificate("RSA");
    SelfSignedCertificate ec = certificate("EC");
    assertThat(
            config(
                    production(
                        "MCP_TLS_CERT", ec.certFile().toString(),
                        "MCP_TLS_KEY", ec.keyFile().toString()))
                .http()
                .tls())
        .isNotNull();
    assertThat(failure(production("MCP_TLS_CERT", rsa.certFile().toString())))
        .startsWith("MCP_TLS_KEY (--tls-key): TLS needs both");
    assertThat(
            failure(
                production(
                    "MCP_TLS_CERT", rsa.certFile().toString(),
                    "MCP_TLS_KEY", ec.keyFile().toString())))
        .startsWith("MCP_TLS_KEY (--tls-key): the key in")
        .contains("does not belong to the first certificate");
    assertThat(
            failure(
                production(
                    "MCP_TLS_CERT", rsa.certFile().toString(),
                    "MCP_TLS_KEY",
                        file(
                            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END"
                                + " ENCRYPTED PRIVATE KEY-----\n"))))
        .startsWith("MCP_TLS_KEY (--tls-key): ")
        .contains("holds an encrypted key");
    // certbot's RSA keys may be PKCS#1 (BEGIN RSA PRIVATE KEY): accepted as well.
    try {
      byte[] pkcs8 =
          java.util.Base64.getMimeDecoder()
              .decode(Files.readString(rsa.keyFile()).replaceAll("-----[A-Z ]+-----", "").strip());
      String pkcs1 = SelfSignedCertificate.pem("RSA PRIVATE KEY", pkcs1Of(pkcs8));
      assertThat(
              config(
                      production(
                          "MCP_TLS_CERT", rsa.certFile().toString(),
                          "MCP_TLS_KEY", file(pkcs1)))
                  .http()
                  .tls())
          .isNotNull();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PKCS#1 key inside a PKCS#8 RSA key: the OCTET STRING after version and algorithm. */
  private static byte[] pkcs1Of(byte[] pkcs8) {
    int at = contentStart(pkcs8, 0); // into the outer SEQUENCE
    at += 3; // INTEGER 0
    at = contentStart(pkcs8, at) + 13; // the algorithm SEQUENCE's 13 content bytes
    int start = contentStart(pkcs8, at);
    return java.util.Arrays.copyOfRange(pkcs8, start, pkcs8.length);
  }

  private static int contentStart(byte[] der, int tagAt) {
    int length = der[tagAt + 1] & 0xff;
    return tagAt + 2 + (length < 0x80 ? 0 : length & 0x7f);
  }

  @Test
  void configurationDocumentHasOneRowPerSetting() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "CONFIGURATION.md"));
    for (Setting s : Setting.values()) {
      assertThat(doc).as(s.env()).contains("| `" + s.env() + "` | `" + s.flag() + "` |");
    }
  }
}
