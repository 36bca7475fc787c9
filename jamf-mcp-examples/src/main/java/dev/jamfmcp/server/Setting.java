package dev.jamfmcp.server;

import java.util.Locale;

/**
 * Every setting of the server, in one table: the environment variable (the enum name), the equal
 * command-line flag, the default and a one-line description. docs/CONFIGURATION.md documents the
 * same table, and a test keeps the two in step. Secrets may also come from {@code <NAME>_FILE}.
 */
public enum Setting {
  // modes
  MCP_DEMO(
      Kind.SWITCH,
      "false",
      "Start a simulated Jamf Pro in-process (500 computers, 150 mobile"
          + " devices by default, seed 42) and serve on 127.0.0.1 with development tokens: the banner prints a"
          + " bearer token (read:jamf write:jamf, 12 h); over HTTP every request needs it. With"
          + " MCP_OAUTH_ISSUER the simulated Jamf Pro is served behind that identity provider"
          + " instead, exactly as a real one would be (docs/CHATGPT.md)."),
  MCP_DEMO_COMPUTERS(
      Kind.VALUE,
      "500",
      "Computers in the demo's simulated fleet (1 to 100000), to try a large fleet; only with"
          + " --demo."),
  MCP_DEMO_MOBILE_DEVICES(
      Kind.VALUE,
      "150",
      "Mobile devices in the demo's simulated fleet (0 to 100000); only with --demo."),
  MCP_STDIO(
      Kind.SWITCH,
      "false",
      "Speak MCP on stdin/stdout instead of HTTP (Claude Desktop, Cursor,"
          + " the MCP Inspector); logs go to stderr."),
  // Jamf Pro
  JAMF_URL(
      Kind.VALUE,
      null,
      "Jamf Pro base URL, e.g. https://example.jamfcloud.com (https unless"
          + " loopback). Required unless --demo."),
  JAMF_WEB_URL(
      Kind.VALUE, null, "Jamf Pro web address for links in tool results (default: JAMF_URL)."),
  JAMF_CLIENT_ID(Kind.VALUE, null, "API client id (client credentials; preferred)."),
  JAMF_CLIENT_SECRET(Kind.SECRET, null, "API client secret."),
  JAMF_USERNAME(Kind.VALUE, null, "Jamf Pro user account (instead of an API client)."),
  JAMF_PASSWORD(Kind.SECRET, null, "Password of that account."),
  JAMF_MAX_CONCURRENT_REQUESTS(Kind.VALUE, "5", "Requests in flight to Jamf Pro at most."),
  JAMF_CONNECT_TIMEOUT(Kind.VALUE, "10s", "Time to open a connection to Jamf Pro."),
  JAMF_REQUEST_TIMEOUT(Kind.VALUE, "30s", "Time for one Jamf Pro request attempt."),
  JAMF_CALL_TIMEOUT(Kind.VALUE, "2m", "Time for one Jamf call including retries."),
  JAMF_HEALTH_CHECK_INTERVAL(
      Kind.VALUE,
      "15s",
      "How often a background check asks Jamf Pro for its version;"
          + " /health/ready reports the last outcome (jamf up or degraded) without calling Jamf."),
  JAMF_HEALTH_CHECK_TIMEOUT(
      Kind.VALUE,
      "5s",
      "A background Jamf Pro check still running after this counts as"
          + " failed (jamf degraded)."),
  // HTTP
  MCP_BIND(
      Kind.VALUE,
      "127.0.0.1",
      "Address to listen on; 0.0.0.0 in containers (needs" + " authentication)."),
  MCP_PORT(Kind.VALUE, "8080", "TCP port; 0 picks a free one."),
  MCP_PUBLIC_URL(
      Kind.VALUE,
      null,
      "The URL clients use to reach the MCP endpoint's server, e.g."
          + " https://mcp.example.com (no trailing slash); required with MCP_OAUTH_ISSUER."),
  MCP_TLS_CERT(
      Kind.VALUE,
      null,
      "PEM file of the certificate chain, server certificate first (e.g. fullchain.pem): the"
          + " server speaks HTTPS on MCP_PORT instead of HTTP; needs MCP_TLS_KEY. Read once at"
          + " start (restart to renew). Or leave HTTPS to a reverse proxy (docs/CHATGPT.md)."),
  MCP_TLS_KEY(
      Kind.VALUE,
      null,
      "PEM file of that certificate's unencrypted private key (PKCS#8 `BEGIN PRIVATE KEY`, or"
          + " PKCS#1 RSA; e.g. privkey.pem); only with MCP_TLS_CERT."),
  MCP_ALLOWED_ORIGINS(
      Kind.VALUE,
      null,
      "Comma-separated browser origins allowed to call (CORS, DNS"
          + " rebinding protection); * allows any. Requests without Origin are always allowed."),
  MCP_SESSION_KEY(
      Kind.SECRET,
      null,
      "HMAC key (at least 32 bytes) signing session ids and (a key"
          + " derived from it) the OAuth front's state; the same on every instance. Default: random, so"
          + " sessions and sign-ins in progress end with the process."),
  MCP_REDIS_URL(
      Kind.SECRET,
      null,
      "Redis shared by every instance: redis://[:password@]host:port[/db] or"
          + " rediss://... (TLS). Holds used write confirmations, ended sessions and the"
          + " per-caller rate limits. Needed for more than one instance with write tools. Default:"
          + " none (all of that per instance)."),
  MCP_PING_INTERVAL(
      Kind.VALUE,
      "30s",
      "Keep-alive comment interval on open streams; keep it below"
          + " the load balancer's idle timeout."),
  MCP_SESSION_IDLE_TIMEOUT(Kind.VALUE, "30m", "A session unused this long is gone."),
  MCP_MAX_BODY_BYTES(Kind.VALUE, "1048576", "Largest request body accepted (413 above)."),
  MCP_SHUTDOWN_GRACE(Kind.VALUE, "10s", "Time requests in flight get to finish on shutdown."),
  MCP_ACCEPT_QUEUE_SIZE(
      Kind.VALUE,
      "1024",
      "Listen backlog: new connections the kernel holds while the server"
          + " accepts a burst (Linux caps it at net.core.somaxconn); 0 keeps the JDK's 50."),
  // security
  MCP_AUTH_DISABLED(
      Kind.SWITCH,
      "false",
      "Serve without authentication on a non-loopback address;"
          + " only behind a gateway that authenticates."),
  MCP_OAUTH_ISSUER(
      Kind.VALUE,
      null,
      "OAuth issuer whose JWTs are accepted, e.g."
          + " https://tenant.auth0.com/ (turns on JWT authentication)."),
  MCP_OAUTH_JWKS_URL(Kind.VALUE, null, "JWKS URL (default: from the issuer's metadata)."),
  MCP_OAUTH_AUDIENCE(
      Kind.VALUE,
      null,
      "Audience the token must carry (default: MCP_PUBLIC_URL" + " + /mcp, the resource)."),
  MCP_OAUTH_MAX_TOKEN_LIFETIME(
      Kind.VALUE,
      "24h",
      "Longest lifetime a token may claim (exp - iat, or exp - now without iat); longer ones are"
          + " refused."),
  MCP_OAUTH_MAX_REGISTRATION_BYTES(
      Kind.VALUE,
      "4096",
      "OAuth front: largest client registration (RFC 7591 metadata) accepted, in bytes."),
  MCP_OAUTH_REGISTRATIONS_PER_HOUR(
      Kind.VALUE, "30", "OAuth front: client registrations one address may make per hour."),
  MCP_OAUTH_UNUSED_REGISTRATION_TTL(
      Kind.VALUE,
      "24h",
      "OAuth front: how long a registration may go unused before its client must register"
          + " again (a browser that allowed it keeps it)."),
  MCP_OAUTH_REFRESH_TOKEN_TTL(
      Kind.VALUE,
      "720h",
      "OAuth front: how long an unused refresh token lives (each refresh hands out a new one)."),
  MCP_OAUTH_TOKEN_TYPE(
      Kind.VALUE,
      null,
      "JOSE typ every token must carry, e.g. at+jwt (RFC 9068); default: not required."),
  MCP_OAUTH_CLIENT_ID(
      Kind.VALUE,
      null,
      "Upstream client id: turns on the OAuth front (authorize,"
          + " token and register routes that forward to the provider); needs MCP_OAUTH_AUTHORIZE_URL"
          + " and MCP_OAUTH_TOKEN_URL."),
  MCP_OAUTH_CLIENT_SECRET(Kind.SECRET, null, "Upstream client secret for the OAuth front."),
  MCP_OAUTH_AUTHORIZE_URL(
      Kind.VALUE,
      null,
      "The provider's authorization endpoint for the OAuth"
          + " front, e.g. https://tenant.auth0.com/authorize or <issuer>/v1/authorize (Okta)."),
  MCP_OAUTH_TOKEN_URL(
      Kind.VALUE,
      null,
      "The provider's token endpoint for the OAuth front, e.g."
          + " https://tenant.auth0.com/oauth/token or <issuer>/v1/token (Okta)."),
  MCP_OAUTH_REDIRECT_URIS(
      Kind.VALUE,
      null,
      "Comma-separated redirect URI allow-list of the OAuth"
          + " front; {id} matches one path segment (default: https://chatgpt.com/connector/oauth/{id},"
          + " https://chatgpt.com/connector_platform_oauth_redirect,"
          + " https://claude.ai/api/mcp/auth_callback)."),
  MCP_REQUIRED_SCOPES(
      Kind.VALUE,
      null,
      "Comma-separated scopes every token must have (default"
          + " read:jamf); write tools also need write:jamf."),
  MCP_RATE_LIMIT(
      Kind.VALUE,
      "0",
      "Requests per minute per caller (token subject; bursts up to the"
          + " same figure); each client IP gets 5 times that before authentication; without OAuth only"
          + " the per-IP limit applies. 0 turns limiting off."),
  MCP_TRUSTED_PROXY_HEADER(
      Kind.VALUE,
      null,
      "Header your reverse proxy sets with the client's"
          + " address, e.g. X-Forwarded-For (its last entry is used); default none: the TCP peer, which"
          + " behind a load balancer is the balancer. Only with MCP_RATE_LIMIT."),
  MCP_METRICS(Kind.SWITCH, "false", "Serve Prometheus metrics at /metrics."),
  // tools
  MCP_READ_ONLY(Kind.SWITCH, "false", "Offer no write tools at all."),
  MCP_TOOLSETS(
      Kind.VALUE,
      "default",
      "Comma-separated toolsets: devices, mobile, policies, profiles, scripts, groups, mdm,"
          + " patch, chatgpt, inventory, secrets, enrollment, updates; all; or default (devices,"
          + " mobile, inventory, patch, chatgpt: the context budget of docs/TOOLS.md; all in"
          + " --demo)."),
  MCP_TOOLSETS_AVAILABLE(
      Kind.VALUE,
      "all",
      "Toolsets a session may switch on itself (tools listToolsets and enableToolsets)"
          + " beyond MCP_TOOLSETS: comma-separated names, all, or none (no switching). Read-only"
          + " mode and the caller's scopes still apply."),
  MCP_COMPLIANCE_BASELINE(
      Kind.VALUE,
      null,
      "The default baseline of checkComplianceBaseline, as key=value pairs separated by"
          + " commas, e.g. checkInDays=14,minMacOsVersion=15.0,bootstrapToken=false (keys:"
          + " checkInDays, inventoryDays, mdmProfileDays (days, 0 = off), minMacOsVersion,"
          + " minIosVersion (version or off), fileVault, sip, gatekeeper, firewall,"
          + " bootstrapToken, supervision (true/false)); unset keys keep their defaults (30 days,"
          + " macOS 14, iOS 18, every check on)."),
  MCP_CONFIRMATION_KEY(
      Kind.SECRET,
      null,
      "HMAC key (at least 32 bytes) of write confirmation"
          + " tokens, the same on every instance; required unless read-only."),
  // approvals
  MCP_APPROVAL(
      Kind.VALUE,
      null,
      "Who approves destructive actions: browser (the approval page, signed in with the identity"
          + " provider) or elicitation (trust the dialog of a client that declares one; others get"
          + " the page). Default: browser over HTTP, elicitation on stdio. The model never approves"
          + " alone."),
  MCP_APPROVAL_SECOND_PERSON(
      Kind.VALUE,
      null,
      "Four eyes: when a second, different person holding the approver scope must also approve;"
          + " clauses separated by ;, e.g. tools=eraseDevice,lockDevice;devices>10 (also"
          + " actions=Erase). Default: never."),
  MCP_APPROVAL_TTL(
      Kind.VALUE, "10m", "How long an approval can be decided and then used (1m to 24h)."),
  MCP_APPROVAL_APPROVER_SCOPE(
      Kind.VALUE,
      "approve:jamf",
      "Scope (in the ID token's scope, scp or permissions claim) that lets a person approve"
          + " someone else's request."),
  MCP_APPROVAL_CLIENT_ID(
      Kind.VALUE,
      null,
      "OpenID Connect client id of the approval page's sign-in at MCP_OAUTH_ISSUER (code + PKCE);"
          + " register the redirect URI MCP_PUBLIC_URL + /approval/callback. Without it the page"
          + " is served only in the demo and on stdio (development sign-in, loopback only)."),
  MCP_APPROVAL_CLIENT_SECRET(
      Kind.SECRET, null, "Client secret of that client (none for a public client)."),
  MCP_APPROVAL_PORT(
      Kind.VALUE,
      "0",
      "stdio with write tools: the loopback port (on 127.0.0.1) of the approval page; 0 picks a"
          + " free one. Fix it when people sign in with MCP_APPROVAL_CLIENT_ID, whose redirect"
          + " URI names it."),
  // limits of every route and the confirmation lifetime (issue 19)
  MCP_MAX_REQUEST_BYTES(
      Kind.VALUE,
      "4194304",
      "Largest request body of any route (413 above); the MCP routes keep MCP_MAX_BODY_BYTES."),
  MCP_MIN_BODY_RATE(
      Kind.VALUE,
      "1024",
      "Slowest a request body may arrive on any route, in bytes per second after a 2 s grace"
          + " (408 below); bodies are read before any handler runs, without a thread. 0 turns"
          + " the check off."),
  MCP_HEADER_TIMEOUT(
      Kind.VALUE,
      "10s",
      "Time request headers may take once their first byte arrived (the connection is closed"
          + " within one to two times this)."),
  MCP_MAX_CONNECTIONS_PER_ADDRESS(
      Kind.VALUE,
      "1000",
      "Open connections per TCP peer address; more are closed. Behind a load balancer every"
          + " connection is the balancer's: raise it or set 0 (off)."),
  MCP_MAX_RUNNING_PER_ADDRESS(
      Kind.VALUE,
      "32",
      "Requests of one client address handled at once (the threads it can hold); more wait"
          + " their turn without a thread. The address is MCP_TRUSTED_PROXY_HEADER's when set."),
  MCP_MAX_WAITING_PER_ADDRESS(
      Kind.VALUE, "1024", "Requests of one client address waiting for a turn; beyond, 503."),
  MCP_MAX_BUFFERED_BYTES(
      Kind.VALUE,
      "67108864",
      "Bytes of request bodies held in memory at once, over all requests (bodies are read before"
          + " their handler runs); beyond, 503."),
  MCP_RATE_LIMIT_ANONYMOUS(
      Kind.VALUE,
      null,
      "Requests per minute per client address without a valid token (OAuth routes, MCP requests"
          + " without or with a refused token); signed-in callers spend only their own budget"
          + " (MCP_RATE_LIMIT). Default: 5 times MCP_RATE_LIMIT with OAuth, MCP_RATE_LIMIT"
          + " without; only with MCP_RATE_LIMIT."),
  MCP_CONFIRMATION_TTL(
      Kind.VALUE,
      "5m",
      "How long a write's confirmation token, and the preview it confirms, stays valid (1m to"
          + " 1h)."),
  // logs
  MCP_LOG_LEVEL(Kind.VALUE, "info", "trace, debug, info, warn or error."),
  MCP_LOG_FORMAT(Kind.VALUE, "text", "text, or json for one JSON object per line.");

  /** How a setting takes its value. */
  public enum Kind {
    /** A value. */
    VALUE,
    /** A value that may come from {@code <NAME>_FILE} and is never printed. */
    SECRET,
    /** true or false; the flag alone means true. */
    SWITCH
  }

  private final Kind kind;
  private final String defaultValue;
  private final String description;

  Setting(Kind kind, String defaultValue, String description) {
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The environment variable. */
  public String env() {
    return name();
  }

  /** The file variable of a secret, e.g. {@code JAMF_CLIENT_SECRET_FILE}. */
  public String fileEnv() {
    return name() + "_FILE";
  }

  /** The command-line flag: the variable without {@code MCP_}, lower case, dashes. */
  public String flag() {
    String base = name().startsWith("MCP_") ? name().substring(4) : name();
    return "--" + base.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public Kind kind() {
    return kind;
  }

  /** The default as text, or null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** How error lines name it: {@code JAMF_URL (--jamf-url)}. */
  public String label() {
    return env() + " (" + flag() + ")";
  }
}
