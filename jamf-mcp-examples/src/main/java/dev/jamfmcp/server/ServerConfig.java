package dev.jamfmcp.server;

import static dev.jamfmcp.server.Setting.*;

import dev.jamfmcp.jamf.Credentials;
import dev.jamfmcp.javalin.oauth.RedirectAllowList;
import dev.jamfmcp.mcp.approval.SecondPersonPolicy;
import dev.jamfmcp.redis.RedisSettings;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validated, typed configuration. {@link #from} is the only place settings are checked against
 * each other; it throws a {@link ConfigException} naming the setting and the fix.
 */
public record ServerConfig(
    boolean demo,
    DemoFleet demoFleet,
    boolean stdio,
    Jamf jamf,
    Http http,
    Security security,
    Tools tools,
    Logs logs,
    Cluster cluster,
    Approval approval,
    Limits limits) {

  /**
   * Limits of every route and the confirmation lifetime (issue 19); {@code anonymousPerMinute} 0:
   * derived from {@code MCP_RATE_LIMIT}.
   */
  public record Limits(
      int maxRequestBytes,
      int minBodyBytesPerSecond,
      Duration headerTimeout,
      int maxConnectionsPerAddress,
      int maxRunningPerAddress,
      int maxWaitingPerAddress,
      int maxBufferedBytes,
      int anonymousPerMinute,
      Duration confirmationTtl,
      FrontLimits front) {}

  /** The OAuth front's bounds on client registration and the lifetime of its refresh tokens. */
  public record FrontLimits(
      int maxRegistrationBytes,
      int registrationsPerHour,
      Duration unusedRegistrationTtl,
      Duration refreshTokenTtl) {}

  /** Where Jamf Pro is; url and credentials are null in demo mode until the simulator runs. */
  public record Jamf(
      URI url,
      URI webUrl,
      Credentials credentials,
      int maxConcurrentRequests,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration callTimeout,
      HealthCheck healthCheck) {
    Jamf withTarget(URI newUrl, Credentials newCredentials) {
      return new Jamf(
          newUrl,
          webUrl,
          newCredentials,
          maxConcurrentRequests,
          connectTimeout,
          requestTimeout,
          callTimeout,
          healthCheck);
    }
  }

  /** The background check of Jamf Pro that {@code /health/ready} reports. */
  public record HealthCheck(Duration interval, Duration timeout) {}

  public record Http(
      String bind,
      int port,
      URI publicUrl,
      Set<String> allowedOrigins,
      byte[] sessionKey,
      Duration pingInterval,
      Duration sessionIdleTimeout,
      int maxBodyBytes,
      Duration shutdownGrace,
      int acceptQueueSize,
      Tls tls) {

    /** {@code https} with the server's own TLS, else {@code http}. */
    public String scheme() {
      return tls != null ? "https" : "http";
    }
  }

  /**
   * The server's own TLS ({@code MCP_TLS_CERT}, {@code MCP_TLS_KEY}): the files and the key store
   * read from them at start-up (password {@link PemKeyStore#PASSWORD}, in memory only).
   */
  public record Tls(java.nio.file.Path certFile, java.nio.file.Path keyFile, KeyStore keyStore) {}

  public record Security(
      boolean authDisabled,
      URI oauthIssuer,
      URI jwksUrl,
      String audience,
      String oauthClientId,
      String oauthClientSecret,
      URI authorizeUrl,
      URI tokenUrl,
      Set<String> redirectUris,
      Set<String> requiredScopes,
      int rateLimitPerMinute,
      String trustedProxyHeader,
      boolean metrics,
      Duration maxTokenLifetime,
      String tokenType) {

    /** Whether bearer tokens are checked (an issuer is configured). */
    public boolean jwt() {
      return oauthIssuer != null;
    }

    /** Whether the OAuth front is served (an upstream client id is configured). */
    public boolean front() {
      return oauthClientId != null;
    }
  }

  /**
   * @param available toolsets a session may switch on beyond {@code toolsets} (empty: no switching)
   */
  public record Tools(
      boolean readOnly,
      Set<Toolset> toolsets,
      byte[] confirmationKey,
      dev.jamfmcp.tools.ComplianceBaseline complianceBaseline,
      Set<Toolset> available) {
    public Tools(boolean readOnly, Set<Toolset> toolsets, byte[] confirmationKey) {
      this(readOnly, toolsets, confirmationKey, dev.jamfmcp.tools.ComplianceBaseline.DEFAULT);
    }

    public Tools(
        boolean readOnly,
        Set<Toolset> toolsets,
        byte[] confirmationKey,
        dev.jamfmcp.tools.ComplianceBaseline complianceBaseline) {
      this(readOnly, toolsets, confirmationKey, complianceBaseline, EnumSet.allOf(Toolset.class));
    }
  }

  public record Logs(String level, boolean json) {}

  /** State shared by the instances: the Redis to use, or null (per instance). */
  public record Cluster(RedisSettings redis) {}

  /**
   * Who approves destructive actions (issue 14): the mode, four eyes, the lifetime, the approver
   * scope, the approval page's OpenID Connect client (null: no page outside the demo and stdio),
   * and on stdio the loopback port of the page (0: a free one).
   */
  public record Approval(
      ApprovalMode mode,
      SecondPersonPolicy secondPerson,
      Duration ttl,
      String approverScope,
      String clientId,
      String clientSecret,
      int stdioPagePort) {}

  /** {@code MCP_APPROVAL}. */
  public enum ApprovalMode {
    /** The approval page, signed in with the identity provider. */
    BROWSER,
    /** The client's own dialog where it declares elicitation; the page otherwise. */
    ELICITATION
  }

  /**
   * The redirect URIs the OAuth front allows when none are configured ({@code {id}}: one segment).
   */
  public static final List<String> DEFAULT_REDIRECT_URIS = RedirectAllowList.DEFAULTS;

  /**
   * Whether the server issues its own development tokens (and the development sign-in of the
   * approval page): the demo without an OAuth issuer. The demo with {@code MCP_OAUTH_ISSUER} keeps
   * its simulated Jamf Pro but authenticates like a production server, so that it can be tried
   * behind a real identity provider.
   */
  public boolean developmentAuth() {
    return demo && !security.jwt();
  }

  /** The size of the demo's simulated fleet ({@code MCP_DEMO_COMPUTERS}, ...). */
  public record DemoFleet(int computers, int mobileDevices) {}

  private static DemoFleet demoFleet(RawSettings raw, boolean demo) {
    int computers =
        Values.integer(MCP_DEMO_COMPUTERS, raw.get(MCP_DEMO_COMPUTERS).orElseThrow(), 1, 100_000);
    int mobile =
        Values.integer(
            MCP_DEMO_MOBILE_DEVICES, raw.get(MCP_DEMO_MOBILE_DEVICES).orElseThrow(), 0, 100_000);
    if (!demo && (raw.isSet(MCP_DEMO_COMPUTERS) || raw.isSet(MCP_DEMO_MOBILE_DEVICES))) {
      throw ConfigException.of(
          raw.isSet(MCP_DEMO_COMPUTERS) ? MCP_DEMO_COMPUTERS : MCP_DEMO_MOBILE_DEVICES,
          "sizes the demo's simulated fleet, and this server is not in --demo mode",
          "add --demo, or drop the setting");
    }
    return new DemoFleet(computers, mobile);
  }

  public static ServerConfig from(RawSettings raw) {
    Logs logs = logs(raw);
    boolean demo = Values.bool(MCP_DEMO, raw.get(MCP_DEMO).orElseThrow());
    boolean stdio = Values.bool(MCP_STDIO, raw.get(MCP_STDIO).orElseThrow());
    Jamf jamf = jamf(raw, demo);
    Tools tools = tools(raw, demo);
    Security security = security(raw);
    Http http = http(raw, demo, stdio, security);
    return new ServerConfig(
        demo,
        demoFleet(raw, demo),
        stdio,
        jamf,
        http,
        security,
        tools,
        logs,
        cluster(raw),
        approval(raw, stdio),
        limits(raw, security));
  }

  private static Limits limits(RawSettings raw, Security security) {
    Duration ttl =
        Values.duration(MCP_CONFIRMATION_TTL, raw.get(MCP_CONFIRMATION_TTL).orElseThrow());
    if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofHours(1)) > 0) {
      throw ConfigException.of(
          MCP_CONFIRMATION_TTL, "'" + ttl + "' is out of range", "use 1m to 1h, e.g. 5m");
    }
    String anonymous = raw.get(MCP_RATE_LIMIT_ANONYMOUS).orElse(null);
    int anonymousPerMinute =
        anonymous == null ? 0 : Values.integer(MCP_RATE_LIMIT_ANONYMOUS, anonymous, 1, 1_000_000);
    if (anonymous != null && security.rateLimitPerMinute() == 0) {
      throw ConfigException.of(
          MCP_RATE_LIMIT_ANONYMOUS,
          "it only applies with rate limits, and MCP_RATE_LIMIT is 0",
          "set MCP_RATE_LIMIT, or unset MCP_RATE_LIMIT_ANONYMOUS");
    }
    return new Limits(
        Values.integer(
            MCP_MAX_REQUEST_BYTES, raw.get(MCP_MAX_REQUEST_BYTES).orElseThrow(), 1024, 1 << 30),
        Values.integer(MCP_MIN_BODY_RATE, raw.get(MCP_MIN_BODY_RATE).orElseThrow(), 0, 1 << 30),
        Values.duration(MCP_HEADER_TIMEOUT, raw.get(MCP_HEADER_TIMEOUT).orElseThrow()),
        Values.integer(
            MCP_MAX_CONNECTIONS_PER_ADDRESS,
            raw.get(MCP_MAX_CONNECTIONS_PER_ADDRESS).orElseThrow(),
            0,
            1_000_000),
        Values.integer(
            MCP_MAX_RUNNING_PER_ADDRESS,
            raw.get(MCP_MAX_RUNNING_PER_ADDRESS).orElseThrow(),
            0,
            100_000),
        Values.integer(
            MCP_MAX_WAITING_PER_ADDRESS,
            raw.get(MCP_MAX_WAITING_PER_ADDRESS).orElseThrow(),
            0,
            1_000_000),
        Values.integer(
            MCP_MAX_BUFFERED_BYTES, raw.get(MCP_MAX_BUFFERED_BYTES).orElseThrow(), 0, 1 << 30),
        anonymousPerMinute,
        ttl,
        new FrontLimits(
            Values.integer(
                MCP_OAUTH_MAX_REGISTRATION_BYTES,
                raw.get(MCP_OAUTH_MAX_REGISTRATION_BYTES).orElseThrow(),
                256,
                1 << 20),
            Values.integer(
                MCP_OAUTH_REGISTRATIONS_PER_HOUR,
                raw.get(MCP_OAUTH_REGISTRATIONS_PER_HOUR).orElseThrow(),
                1,
                1_000_000),
            Values.duration(
                MCP_OAUTH_UNUSED_REGISTRATION_TTL,
                raw.get(MCP_OAUTH_UNUSED_REGISTRATION_TTL).orElseThrow()),
            Values.duration(
                MCP_OAUTH_REFRESH_TOKEN_TTL, raw.get(MCP_OAUTH_REFRESH_TOKEN_TTL).orElseThrow())));
  }

  private static Cluster cluster(RawSettings raw) {
    try {
      return new Cluster(raw.get(MCP_REDIS_URL).map(RedisSettings::of).orElse(null));
    } catch (IllegalArgumentException e) {
      // The message never repeats the URL, which may hold the password.
      throw ConfigException.of(
          MCP_REDIS_URL, e.getMessage(), "e.g. redis://:password@redis:6379/0 or rediss://...");
    }
  }

  private static Approval approval(RawSettings raw, boolean stdio) {
    ApprovalMode mode =
        raw.get(MCP_APPROVAL)
            .map(
                text -> {
                  String name = text.trim().toLowerCase(Locale.ROOT);
                  if (!name.equals("browser") && !name.equals("elicitation")) {
                    throw ConfigException.of(
                        MCP_APPROVAL,
                        "'" + text + "' is not an approval mode",
                        "use browser or elicitation");
                  }
                  return ApprovalMode.valueOf(name.toUpperCase(Locale.ROOT));
                })
            .orElse(stdio ? ApprovalMode.ELICITATION : ApprovalMode.BROWSER);
    SecondPersonPolicy secondPerson;
    try {
      secondPerson = SecondPersonPolicy.parse(raw.get(MCP_APPROVAL_SECOND_PERSON).orElse(null));
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(
          MCP_APPROVAL_SECOND_PERSON,
          e.getMessage(),
          "write clauses like tools=eraseDevice,lockDevice;devices>10");
    }
    Duration ttl = Values.duration(MCP_APPROVAL_TTL, raw.get(MCP_APPROVAL_TTL).orElseThrow());
    if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofHours(24)) > 0) {
      throw ConfigException.of(
          MCP_APPROVAL_TTL, "an approval lasts from 1m to 24h, not " + ttl, "e.g. 10m");
    }
    String scope = raw.get(MCP_APPROVAL_APPROVER_SCOPE).orElseThrow().trim();
    if (scope.isEmpty() || scope.contains(" ")) {
      throw ConfigException.of(
          MCP_APPROVAL_APPROVER_SCOPE, "'" + scope + "' is not one scope", "e.g. approve:jamf");
    }
    String clientId = raw.get(MCP_APPROVAL_CLIENT_ID).map(String::trim).orElse(null);
    if (clientId != null && !raw.isSet(MCP_OAUTH_ISSUER)) {
      throw ConfigException.of(
          MCP_APPROVAL_CLIENT_ID,
          "the approval page signs people in with the issuer of the MCP tokens, and"
              + " MCP_OAUTH_ISSUER is not set",
          "set MCP_OAUTH_ISSUER, or unset MCP_APPROVAL_CLIENT_ID");
    }
    if (clientId == null && raw.isSet(MCP_APPROVAL_CLIENT_SECRET)) {
      throw ConfigException.of(
          MCP_APPROVAL_CLIENT_SECRET,
          "a client secret without MCP_APPROVAL_CLIENT_ID",
          "set MCP_APPROVAL_CLIENT_ID");
    }
    int pagePort =
        Values.integer(MCP_APPROVAL_PORT, raw.get(MCP_APPROVAL_PORT).orElseThrow(), 0, 65535);
    return new Approval(
        mode,
        secondPerson,
        ttl,
        scope,
        clientId,
        raw.get(MCP_APPROVAL_CLIENT_SECRET).orElse(null),
        pagePort);
  }

  private static Logs logs(RawSettings raw) {
    String level = raw.get(MCP_LOG_LEVEL).orElseThrow().trim().toLowerCase(Locale.ROOT);
    if (!Set.of("trace", "debug", "info", "warn", "error").contains(level)) {
      throw ConfigException.of(
          MCP_LOG_LEVEL,
          "'" + level + "' is not a log level",
          "use trace, debug, info, warn or error");
    }
    String format = raw.get(MCP_LOG_FORMAT).orElseThrow().trim().toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw ConfigException.of(
          MCP_LOG_FORMAT, "'" + format + "' is not a log format", "use text or json");
    }
    return new Logs(level, format.equals("json"));
  }

  private static Jamf jamf(RawSettings raw, boolean demo) {
    int concurrent =
        Values.integer(
            JAMF_MAX_CONCURRENT_REQUESTS,
            raw.get(JAMF_MAX_CONCURRENT_REQUESTS).orElseThrow(),
            1,
            100);
    Duration connect =
        Values.duration(JAMF_CONNECT_TIMEOUT, raw.get(JAMF_CONNECT_TIMEOUT).orElseThrow());
    Duration request =
        Values.duration(JAMF_REQUEST_TIMEOUT, raw.get(JAMF_REQUEST_TIMEOUT).orElseThrow());
    Duration call = Values.duration(JAMF_CALL_TIMEOUT, raw.get(JAMF_CALL_TIMEOUT).orElseThrow());
    URI webUrl = raw.get(JAMF_WEB_URL).map(text -> Values.url(JAMF_WEB_URL, text)).orElse(null);
    HealthCheck health =
        new HealthCheck(
            Values.duration(
                JAMF_HEALTH_CHECK_INTERVAL, raw.get(JAMF_HEALTH_CHECK_INTERVAL).orElseThrow()),
            Values.duration(
                JAMF_HEALTH_CHECK_TIMEOUT, raw.get(JAMF_HEALTH_CHECK_TIMEOUT).orElseThrow()));
    if (demo) {
      for (Setting s :
          List.of(JAMF_URL, JAMF_CLIENT_ID, JAMF_CLIENT_SECRET, JAMF_USERNAME, JAMF_PASSWORD)) {
        if (raw.isSet(s)) {
          throw ConfigException.of(
              s,
              "--demo starts its own simulated Jamf Pro, so a Jamf Pro" + " setting contradicts it",
              "drop --demo, or unset " + s.env());
        }
      }
      return new Jamf(null, webUrl, null, concurrent, connect, request, call, health);
    }
    URI url =
        Values.url(
            JAMF_URL,
            raw.get(JAMF_URL)
                .orElseThrow(
                    () ->
                        ConfigException.of(
                            JAMF_URL,
                            "no Jamf Pro URL is set",
                            "set JAMF_URL=https://your.jamfcloud.com, or try --demo")));
    JamfUrl.check(url);
    return new Jamf(url, webUrl, credentials(raw), concurrent, connect, request, call, health);
  }

  private static Credentials credentials(RawSettings raw) {
    boolean client = raw.isSet(JAMF_CLIENT_ID) || raw.isSet(JAMF_CLIENT_SECRET);
    boolean user = raw.isSet(JAMF_USERNAME) || raw.isSet(JAMF_PASSWORD);
    if (client && user) {
      throw ConfigException.of(
          JAMF_USERNAME,
          "both an API client and a user account are set",
          "keep JAMF_CLIENT_ID/JAMF_CLIENT_SECRET (preferred) or JAMF_USERNAME/JAMF_PASSWORD");
    }
    if (user) {
      String name = required(raw, JAMF_USERNAME, "set the user account's name");
      String password =
          required(raw, JAMF_PASSWORD, "set the account's password (or JAMF_PASSWORD_FILE)");
      return new Credentials.UserAccount(name, password);
    }
    if (!client) {
      throw ConfigException.of(
          JAMF_CLIENT_ID,
          "no Jamf Pro credentials are set",
          "set"
              + " JAMF_CLIENT_ID and JAMF_CLIENT_SECRET of an API client (or JAMF_USERNAME and"
              + " JAMF_PASSWORD)");
    }
    String id = required(raw, JAMF_CLIENT_ID, "set the API client's id");
    String secret =
        required(
            raw, JAMF_CLIENT_SECRET, "set the API client's secret (or JAMF_CLIENT_SECRET_FILE)");
    return new Credentials.ApiClient(id, secret);
  }

  private static String required(RawSettings raw, Setting setting, String fix) {
    return raw.get(setting).orElseThrow(() -> ConfigException.of(setting, "missing", fix));
  }

  private static Tools tools(RawSettings raw, boolean demo) {
    boolean readOnly = Values.bool(MCP_READ_ONLY, raw.get(MCP_READ_ONLY).orElseThrow());
    Set<Toolset> toolsets = EnumSet.noneOf(Toolset.class);
    for (String name : Values.list(raw.get(MCP_TOOLSETS).orElseThrow())) {
      if (name.equalsIgnoreCase("all")) {
        toolsets.addAll(EnumSet.allOf(Toolset.class));
        continue;
      }
      if (name.equalsIgnoreCase("default")) {
        // The demo is there to try everything; a real server starts within the context budget.
        toolsets.addAll(demo ? EnumSet.allOf(Toolset.class) : Toolset.defaults());
        continue;
      }
      try {
        toolsets.add(Toolset.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ConfigException.of(
            MCP_TOOLSETS,
            "'" + name + "' is not a toolset",
            "use default, all or some of " + String.join(", ", toolsetNames()));
      }
    }
    if (toolsets.isEmpty()) {
      throw ConfigException.of(
          MCP_TOOLSETS, "no toolset is chosen", "use default, all, or name some");
    }
    byte[] key =
        raw.get(MCP_CONFIRMATION_KEY).map(k -> Values.key(MCP_CONFIRMATION_KEY, k)).orElse(null);
    if (key == null && !readOnly && !demo) {
      throw ConfigException.of(
          MCP_CONFIRMATION_KEY,
          "write tools need a confirmation key",
          "set MCP_CONFIRMATION_KEY (openssl rand -base64 48; the same on every instance),"
              + " or MCP_READ_ONLY=true");
    }
    dev.jamfmcp.tools.ComplianceBaseline baseline;
    try {
      baseline =
          dev.jamfmcp.tools.ComplianceBaseline.parse(
              raw.get(Setting.MCP_COMPLIANCE_BASELINE).orElse(null));
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(
          Setting.MCP_COMPLIANCE_BASELINE,
          e.getMessage(),
          "use key=value pairs, e.g. checkInDays=14,minMacOsVersion=15.0");
    }
    return new Tools(readOnly, toolsets, key, baseline, availableToolsets(raw));
  }

  private static Set<Toolset> availableToolsets(RawSettings raw) {
    Set<Toolset> available = EnumSet.noneOf(Toolset.class);
    for (String name : Values.list(raw.get(MCP_TOOLSETS_AVAILABLE).orElseThrow())) {
      if (name.equalsIgnoreCase("all")) {
        available.addAll(EnumSet.allOf(Toolset.class));
      } else if (!name.equalsIgnoreCase("none")) {
        try {
          available.add(Toolset.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw ConfigException.of(
              MCP_TOOLSETS_AVAILABLE,
              "'" + name + "' is not a toolset",
              "use all, none or some of " + String.join(", ", toolsetNames()));
        }
      }
    }
    return available;
  }

  private static List<String> toolsetNames() {
    return EnumSet.allOf(Toolset.class).stream()
        .map(t -> t.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static Security security(RawSettings raw) {
    boolean authDisabled = Values.bool(MCP_AUTH_DISABLED, raw.get(MCP_AUTH_DISABLED).orElseThrow());
    URI issuer = raw.get(MCP_OAUTH_ISSUER).map(t -> Values.url(MCP_OAUTH_ISSUER, t)).orElse(null);
    if (issuer != null && authDisabled) {
      throw ConfigException.of(
          MCP_AUTH_DISABLED,
          "authentication is both configured" + " (MCP_OAUTH_ISSUER) and disabled",
          "unset one of them");
    }
    if (issuer == null) {
      for (Setting s :
          List.of(
              MCP_OAUTH_JWKS_URL,
              MCP_OAUTH_AUDIENCE,
              MCP_OAUTH_MAX_TOKEN_LIFETIME,
              MCP_OAUTH_TOKEN_TYPE,
              MCP_OAUTH_CLIENT_ID,
              MCP_OAUTH_CLIENT_SECRET,
              MCP_OAUTH_AUTHORIZE_URL,
              MCP_OAUTH_TOKEN_URL,
              MCP_OAUTH_REDIRECT_URIS,
              MCP_REQUIRED_SCOPES)) {
        if (raw.isSet(s)) {
          throw ConfigException.of(
              s,
              "it only applies to OAuth, and MCP_OAUTH_ISSUER is not set",
              "set MCP_OAUTH_ISSUER, or unset " + s.env());
        }
      }
    }
    if (raw.isSet(MCP_OAUTH_CLIENT_ID) != raw.isSet(MCP_OAUTH_CLIENT_SECRET)) {
      Setting missing =
          raw.isSet(MCP_OAUTH_CLIENT_ID) ? MCP_OAUTH_CLIENT_SECRET : MCP_OAUTH_CLIENT_ID;
      throw ConfigException.of(
          missing,
          "the OAuth front needs both the upstream client id and" + " secret",
          "set " + missing.env());
    }
    boolean front = raw.isSet(MCP_OAUTH_CLIENT_ID);
    for (Setting s : List.of(MCP_OAUTH_AUTHORIZE_URL, MCP_OAUTH_TOKEN_URL)) {
      if (front && !raw.isSet(s)) {
        throw ConfigException.of(
            s,
            "the OAuth front (MCP_OAUTH_CLIENT_ID) forwards to the"
                + " provider's authorization and token endpoints",
            "set "
                + s.env()
                + " (Auth0: https://TENANT.auth0.com/authorize and /oauth/token; Okta:"
                + " <issuer>/v1/authorize and /v1/token)");
      }
      if (!front && raw.isSet(s)) {
        throw ConfigException.of(
            s,
            "it only applies to the OAuth front, and MCP_OAUTH_CLIENT_ID" + " is not set",
            "set MCP_OAUTH_CLIENT_ID and MCP_OAUTH_CLIENT_SECRET, or unset " + s.env());
      }
    }
    if (!front && raw.isSet(MCP_OAUTH_REDIRECT_URIS)) {
      throw ConfigException.of(
          MCP_OAUTH_REDIRECT_URIS,
          "it only applies to the OAuth front, and" + " MCP_OAUTH_CLIENT_ID is not set",
          "set MCP_OAUTH_CLIENT_ID, or unset" + " MCP_OAUTH_REDIRECT_URIS");
    }
    URI authorize =
        raw.get(MCP_OAUTH_AUTHORIZE_URL)
            .map(t -> Values.url(MCP_OAUTH_AUTHORIZE_URL, t))
            .orElse(null);
    URI token =
        raw.get(MCP_OAUTH_TOKEN_URL).map(t -> Values.url(MCP_OAUTH_TOKEN_URL, t)).orElse(null);
    URI jwks = raw.get(MCP_OAUTH_JWKS_URL).map(t -> Values.url(MCP_OAUTH_JWKS_URL, t)).orElse(null);
    Set<String> redirects =
        raw.get(MCP_OAUTH_REDIRECT_URIS)
            .map(Values::list)
            .orElse(Set.copyOf(DEFAULT_REDIRECT_URIS));
    for (String uri : redirects) {
      if (uri.contains("*")) {
        throw ConfigException.of(
            MCP_OAUTH_REDIRECT_URIS,
            "'" + uri + "' has a wildcard, which" + " is not supported",
            "write {id} for the one path segment that varies, e.g."
                + " https://chatgpt.com/connector/oauth/{id}");
      }
      try {
        // Parsed, not a prefix: http://localhost.evil.example and http://127.0.0.1@evil.example
        // are not loopback.
        RedirectAllowList.requireValidEntry(uri);
      } catch (IllegalArgumentException e) {
        throw ConfigException.of(
            MCP_OAUTH_REDIRECT_URIS,
            e.getMessage(),
            "list only https callbacks (http only for 127.0.0.1, localhost or [::1]), without"
                + " user-info, query or fragment");
      }
    }
    Set<String> scopes =
        raw.get(MCP_REQUIRED_SCOPES).map(Values::list).orElse(Set.of(JamfScopes.READ));
    int rate = Values.integer(MCP_RATE_LIMIT, raw.get(MCP_RATE_LIMIT).orElseThrow(), 0, 1_000_000);
    String proxyHeader = raw.get(MCP_TRUSTED_PROXY_HEADER).map(String::trim).orElse(null);
    if (proxyHeader != null && !proxyHeader.matches("[A-Za-z0-9-]+")) {
      throw ConfigException.of(
          MCP_TRUSTED_PROXY_HEADER,
          "'" + proxyHeader + "' is not a header" + " name",
          "write it like X-Forwarded-For");
    }
    if (proxyHeader != null && rate == 0) {
      throw ConfigException.of(
          MCP_TRUSTED_PROXY_HEADER,
          "it only applies to rate limits, and" + " MCP_RATE_LIMIT is 0",
          "set MCP_RATE_LIMIT, or unset MCP_TRUSTED_PROXY_HEADER");
    }
    boolean metrics = Values.bool(MCP_METRICS, raw.get(MCP_METRICS).orElseThrow());
    return new Security(
        authDisabled,
        issuer,
        jwks,
        raw.get(MCP_OAUTH_AUDIENCE).orElse(null),
        raw.get(MCP_OAUTH_CLIENT_ID).orElse(null),
        raw.get(MCP_OAUTH_CLIENT_SECRET).orElse(null),
        authorize,
        token,
        redirects,
        scopes,
        rate,
        proxyHeader,
        metrics,
        Values.duration(
            MCP_OAUTH_MAX_TOKEN_LIFETIME, raw.get(MCP_OAUTH_MAX_TOKEN_LIFETIME).orElseThrow()),
        raw.get(MCP_OAUTH_TOKEN_TYPE).map(String::trim).orElse(null));
  }

  private static Http http(RawSettings raw, boolean demo, boolean stdio, Security security) {
    String bind = raw.get(MCP_BIND).orElseThrow().trim();
    // With an issuer the demo serves no development auth, so it may listen like a real server.
    if (demo && !security.jwt() && !Values.isLoopback(bind)) {
      throw ConfigException.of(
          MCP_BIND,
          "the demo serves development auth and must stay on this" + " machine",
          "drop MCP_BIND, or bind 127.0.0.1");
    }
    if (!Values.isLoopback(bind) && !security.jwt() && !security.authDisabled()) {
      throw ConfigException.of(
          MCP_BIND,
          "serving on "
              + bind
              + " without authentication would"
              + " let anyone on the network use Jamf Pro",
          "set MCP_OAUTH_ISSUER, or bind 127.0.0.1,"
              + " or set MCP_AUTH_DISABLED=true behind a gateway that authenticates");
    }
    int port = Values.integer(MCP_PORT, raw.get(MCP_PORT).orElseThrow(), 0, 65535);
    URI publicUrl = raw.get(MCP_PUBLIC_URL).map(t -> Values.url(MCP_PUBLIC_URL, t)).orElse(null);
    if (publicUrl != null && publicUrl.getPath() != null && publicUrl.getPath().endsWith("/")) {
      throw ConfigException.of(
          MCP_PUBLIC_URL,
          "the URL ends with a slash, which breaks the" + " exact resource match OAuth clients do",
          "drop the trailing slash");
    }
    if (security.jwt() && publicUrl == null) {
      throw ConfigException.of(
          MCP_PUBLIC_URL,
          "OAuth needs the URL clients use (it is the"
              + " token audience and the protected-resource id)",
          "set MCP_PUBLIC_URL=https://...");
    }
    Set<String> origins = raw.get(MCP_ALLOWED_ORIGINS).map(Values::list).orElse(Set.of());
    byte[] sessionKey =
        raw.get(MCP_SESSION_KEY).map(k -> Values.key(MCP_SESSION_KEY, k)).orElse(null);
    Duration ping = Values.duration(MCP_PING_INTERVAL, raw.get(MCP_PING_INTERVAL).orElseThrow());
    Duration idle =
        Values.duration(MCP_SESSION_IDLE_TIMEOUT, raw.get(MCP_SESSION_IDLE_TIMEOUT).orElseThrow());
    if (ping.compareTo(idle) >= 0) {
      throw ConfigException.of(
          MCP_PING_INTERVAL,
          "the ping interval ("
              + ping
              + ") is not"
              + " shorter than the session idle timeout ("
              + idle
              + ")",
          "make it shorter, e.g. 30s");
    }
    int maxBody =
        Values.integer(
            MCP_MAX_BODY_BYTES, raw.get(MCP_MAX_BODY_BYTES).orElseThrow(), 1024, 64 * 1024 * 1024);
    Duration grace = Values.duration(MCP_SHUTDOWN_GRACE, raw.get(MCP_SHUTDOWN_GRACE).orElseThrow());
    int acceptQueue =
        Values.integer(
            MCP_ACCEPT_QUEUE_SIZE, raw.get(MCP_ACCEPT_QUEUE_SIZE).orElseThrow(), 0, 65535);
    return new Http(
        bind,
        port,
        publicUrl,
        origins,
        sessionKey,
        ping,
        idle,
        maxBody,
        grace,
        acceptQueue,
        tls(raw, stdio));
  }

  private static Tls tls(RawSettings raw, boolean stdio) {
    if (!raw.isSet(MCP_TLS_CERT) && !raw.isSet(MCP_TLS_KEY)) {
      return null;
    }
    Setting missing = raw.isSet(MCP_TLS_CERT) ? MCP_TLS_KEY : MCP_TLS_CERT;
    if (!raw.isSet(missing)) {
      throw ConfigException.of(
          missing, "TLS needs both the certificate chain and its key", "set " + missing.env());
    }
    if (stdio) {
      throw ConfigException.of(
          MCP_TLS_CERT,
          "TLS applies to HTTP, and --stdio speaks MCP on stdin/stdout",
          "drop --stdio, or unset MCP_TLS_CERT and MCP_TLS_KEY");
    }
    java.nio.file.Path cert = java.nio.file.Path.of(raw.get(MCP_TLS_CERT).orElseThrow().trim());
    java.nio.file.Path key = java.nio.file.Path.of(raw.get(MCP_TLS_KEY).orElseThrow().trim());
    return new Tls(cert, key, PemKeyStore.load(cert, key));
  }
}
