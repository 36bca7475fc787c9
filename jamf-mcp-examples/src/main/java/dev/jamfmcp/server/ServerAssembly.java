package dev.jamfmcp.server;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfClientBuilder;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.McpPluginConfig;
import dev.jamfmcp.javalin.approval.ApprovalPlugin;
import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.approval.ApprovalStore;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.approval.InMemoryApprovalStore;
import dev.jamfmcp.mcp.approval.SecretReveals;
import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.confirm.PendingActionStore;
import dev.jamfmcp.tools.JamfTools;
import io.javalin.config.JavalinConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The executable's wiring, step by step, public so that whatever else runs the server (the load and
 * fault harness) serves exactly what {@code jamf-mcp-server.jar} serves: the settings parsed and
 * checked as the jar checks them, the Jamf client it builds, the tools it offers and the HTTP
 * plugin with its security, request log and transport settings. {@link Launcher} is these steps
 * plus the demo simulator, the start-up check, stdio, the banner and the shutdown hook.
 */
public final class ServerAssembly {
  private ServerAssembly() {}

  /**
   * Settings from a command line and an environment, validated as the jar validates them.
   *
   * @throws ConfigException naming the setting that is missing, wrong or contradictory
   */
  public static ServerConfig config(String[] args, Map<String, String> env) {
    RawSettings.Parsed parsed = RawSettings.parse(args, env);
    if (parsed.action() != RawSettings.Action.RUN) {
      throw new ConfigException("--help and --version do not configure a server");
    }
    return ServerConfig.from(parsed.settings());
  }

  /** The Jamf client builder the jar uses for these settings (callers may tune it further). */
  public static JamfClientBuilder jamfClient(ServerConfig.Jamf jamf) {
    return JamfClient.builder()
        .baseUrl(jamf.url())
        .credentials(jamf.credentials())
        .maxConcurrentRequests(jamf.maxConcurrentRequests())
        .connectTimeout(jamf.connectTimeout())
        .requestTimeout(jamf.requestTimeout())
        .callTimeout(jamf.callTimeout())
        .userAgent("jamf-mcp-server/" + ServerVersion.get());
  }

  /**
   * The MCP server with the Jamf tools of the configured toolsets. {@code confirmationKey}
   * overrides the configured one (the demo makes one up); null keeps it. {@code consumedTokens} is
   * the ledger of used confirmations: the jar passes {@link ConsumedTokens#inMemory()} (single use
   * per instance); a deployment of several instances passes one they share.
   */
  public static McpServer mcpServer(
      ServerConfig config, JamfClient jamf, byte[] confirmationKey, ConsumedTokens consumedTokens) {
    return mcpServer(config, jamf, confirmationKey, consumedTokens, null);
  }

  /**
   * As above, with the approvals whose page this server serves ({@link #servesApprovalPage}):
   * {@code approve} actions (erase, lock, ...) are approved there, or in the dialog of a client
   * that declares elicitation where {@code MCP_APPROVAL=elicitation}. Null: no page, so such
   * actions take the client's dialog and a client without one is refused, saying why.
   */
  public static McpServer mcpServer(
      ServerConfig config,
      JamfClient jamf,
      byte[] confirmationKey,
      ConsumedTokens consumedTokens,
      Approvals approvals) {
    return mcpServer(config, jamf, confirmationKey, consumedTokens, approvals, null);
  }

  /**
   * As above, the gate keeping previewed actions (and the secrets generated for them) in {@code
   * pendingActions}, shared by the instances; null: this process's memory.
   */
  public static McpServer mcpServer(
      ServerConfig config,
      JamfClient jamf,
      byte[] confirmationKey,
      ConsumedTokens consumedTokens,
      Approvals approvals,
      PendingActionStore pendingActions) {
    return mcpServer(
        config,
        jamf,
        confirmationKey,
        consumedTokens,
        approvals,
        pendingActions,
        EnabledToolsets.inMemory(100_000, toolsetChoiceLifetime(config), Clock.systemUTC()));
  }

  /**
   * How long a session's choice of toolsets outlives its last use: the session idle timeout (an
   * idle session is gone by then), one hour over stdio.
   */
  public static Duration toolsetChoiceLifetime(ServerConfig config) {
    return config.http() != null ? config.http().sessionIdleTimeout() : Duration.ofHours(1);
  }

  /**
   * As above, each session's choice of toolsets ({@code MCP_TOOLSETS_AVAILABLE}) kept in {@code
   * enabledToolsets}, shared by the instances (Redis) or this process's memory.
   */
  public static McpServer mcpServer(
      ServerConfig config,
      JamfClient jamf,
      byte[] confirmationKey,
      ConsumedTokens consumedTokens,
      Approvals approvals,
      PendingActionStore pendingActions,
      EnabledToolsets enabledToolsets) {
    byte[] key = confirmationKey != null ? confirmationKey : config.tools().confirmationKey();
    JamfTools tools =
        JamfTools.create(
            jamf,
            s -> {
              s.toolsets(config.tools().toolsets())
                  .switchableToolsets(config.tools().available(), enabledToolsets)
                  .readOnly(config.tools().readOnly())
                  .complianceBaseline(config.tools().complianceBaseline())
                  .confirmationLifetime(config.limits().confirmationTtl())
                  .consumedTokens(consumedTokens);
              if (pendingActions != null) {
                s.pendingActions(pendingActions);
              }
              if (key != null) {
                s.confirmationKey(key);
              }
              if (config.jamf().webUrl() != null) {
                s.webUrl(config.jamf().webUrl());
              }
              if (approvals != null) {
                s.approvals(
                    approvals,
                    ConfirmationGate.ApprovalMode.valueOf(config.approval().mode().name()));
              } else {
                s.noApprovalPage(noApprovalPageReason(config));
              }
            });
    return McpServer.create(
        c -> tools.registerInto(c.serverInfo(Implementation.of("jamf-mcp", ServerVersion.get()))));
  }

  /**
   * The HTTP plugin as the jar registers it (not in demo mode): security first (rate limits,
   * authentication), then the server, origins, the background Jamf check that readiness reports,
   * the request log and the transport settings; {@code overrides} run last (tests tune the
   * transport).
   */
  public static McpPlugin plugin(
      ServerConfig config,
      McpServer server,
      JamfClient jamf,
      JavalinConfig javalin,
      Consumer<McpPluginConfig> overrides) {
    if (config.demo()) {
      throw new IllegalArgumentException("the demo's plugin needs its origin: use the jar");
    }
    return new McpPlugin(
        mcp -> {
          configure(
              mcp,
              config,
              CompletableFuture.completedFuture(server),
              jamf,
              javalin,
              null,
              null,
              new RequestLog(),
              ClusterWiring.perInstance());
          overrides.accept(mcp);
        });
  }

  /**
   * Configures the plugin; returns the security wiring (for the banner). The plugin serves {@code
   * server} once it completes (503 before).
   */
  static SecurityWiring.Auth configure(
      McpPluginConfig mcp,
      ServerConfig config,
      CompletionStage<McpServer> server,
      JamfClient jamf,
      JavalinConfig javalin,
      String demoOrigin,
      DevTokens demoTokens,
      RequestLog requestLog,
      ClusterWiring cluster) {
    ServerConfig.Http http = config.http();
    // Security first: it registers the rate-limit and OAuth plugins ahead of this one.
    SecurityWiring.Auth security =
        config.developmentAuth()
            ? SecurityWiring.development(config, mcp, javalin, demoOrigin, demoTokens, cluster)
            : SecurityWiring.configure(config, mcp, javalin, cluster);
    // Redis away: writes are refused by the stores themselves; readiness says so and keeps the pod.
    cluster
        .redis()
        .ifPresent(
            redis ->
                mcp.dependency(
                    "redis",
                    () -> {
                      if (!redis.available()) {
                        throw new IllegalStateException(redis.status());
                      }
                      return null;
                    },
                    config.jamf().healthCheck().interval(),
                    config.jamf().healthCheck().timeout()));
    mcp.server(server)
        .allowedOrigins(http.allowedOrigins().toArray(String[]::new))
        .dependency(
            "jamf",
            JamfConnection.healthCheck(jamf),
            config.jamf().healthCheck().interval(),
            config.jamf().healthCheck().timeout())
        .shutdownGrace(http.shutdownGrace())
        .acceptQueueSize(http.acceptQueueSize())
        .minRequestBytesPerSecond(config.limits().minBodyBytesPerSecond())
        .requestLimits(
            l ->
                l.maxBodyBytes(Math.max(config.limits().maxRequestBytes(), http.maxBodyBytes()))
                    .headerTimeout(config.limits().headerTimeout())
                    .maxConnectionsPerAddress(config.limits().maxConnectionsPerAddress())
                    .maxRunningPerAddress(config.limits().maxRunningPerAddress())
                    .maxWaitingPerAddress(config.limits().maxWaitingPerAddress())
                    .maxBufferedBytes(config.limits().maxBufferedBytes())
                    .clientAddressHeader(config.security().trustedProxyHeader()))
        .exchangeDecorator(requestLog::wrap)
        .transport(
            t -> {
              if (http.sessionKey() != null) {
                t.sessionKey(http.sessionKey());
              } else if (config.demo()) {
                t.sessionKey(randomKey()); // demo sessions end with the process anyway
              }
              if (security.resourceMetadataUrl() != null) {
                t.resourceMetadataUrl(security.resourceMetadataUrl());
              }
              cluster.transport(t);
              t.sessionListener(requestLog)
                  .maxBodyBytes(http.maxBodyBytes())
                  .pingInterval(http.pingInterval())
                  .sessionIdleTimeout(http.sessionIdleTimeout());
            });
    return security;
  }

  /**
   * Whether this server serves the approval page: over HTTP, in the demo (development sign-in) or
   * with an OpenID Connect client for the sign-in; on stdio, whenever write tools are offered, on a
   * loopback port ({@link #stdioApprovalBase}).
   */
  public static boolean servesApprovalPage(ServerConfig config) {
    if (config.stdio()) {
      return !config.tools().readOnly();
    }
    return config.developmentAuth() || config.approval().clientId() != null;
  }

  /** Why there is no approval page, for the refusal a client without elicitation gets. */
  static String noApprovalPageReason(ServerConfig config) {
    return config.stdio()
        ? "this server runs read-only on stdio, where the approval page is not served"
        : "the approval page is not served: set MCP_APPROVAL_CLIENT_ID so that people sign in to"
            + " it at MCP_OAUTH_ISSUER";
  }

  /** The address the stdio server's approval page listens on: loopback only. */
  static final String STDIO_PAGE_BIND = "127.0.0.1";

  /** The origin of the stdio server's approval page on {@code port}. */
  static String stdioApprovalBase(int port) {
    return "http://" + STDIO_PAGE_BIND + ":" + port;
  }

  /**
   * The approvals of this server (issue 14), on {@code publicBase} (the origin people open approval
   * links on): the configured lifetime, approver scope and four-eyes policy, in memory.
   */
  public static Approvals approvals(ServerConfig config, String publicBase) {
    return approvals(config, publicBase, new InMemoryApprovalStore());
  }

  /** As above, kept in {@code store} (Redis with {@code MCP_REDIS_URL}). */
  public static Approvals approvals(ServerConfig config, String publicBase, ApprovalStore store) {
    return approvals(config, publicBase, store, null);
  }

  /** As above, revealed secrets waiting in {@code reveals} (null: in memory). */
  public static Approvals approvals(
      ServerConfig config, String publicBase, ApprovalStore store, SecretReveals reveals) {
    ServerConfig.Approval a = config.approval();
    Approvals.Builder builder = Approvals.builder(publicBase);
    if (reveals != null) {
      builder.reveals(reveals);
    }
    return builder
        .store(store)
        .ttl(a.ttl())
        .approverScope(a.approverScope())
        .secondPerson(a.secondPerson())
        .build();
  }

  /**
   * Registers the approval page when someone can sign in to it: in the demo with the development
   * sign-in, otherwise with the OpenID Connect client of {@code MCP_APPROVAL_CLIENT_ID} at the
   * token issuer. Returns the banner line.
   */
  static String approvalPage(
      JavalinConfig javalin, ServerConfig config, Approvals approvals, String publicBase) {
    ServerConfig.Approval a = config.approval();
    byte[] sessionKey = config.http().sessionKey();
    byte[] key =
        sessionKey != null
            ? SecurityWiring.derivedKey(sessionKey, "jamf-mcp approval pages")
            : randomKey();
    String mode = a.mode().name().toLowerCase(java.util.Locale.ROOT);
    // The demo, and stdio without an identity provider client: the development sign-in, which the
    // plugin allows on a loopback address only (stdio's page is bound to 127.0.0.1).
    if (config.developmentAuth() || (config.stdio() && a.clientId() == null)) {
      String subject = config.stdio() ? LOCAL_SUBJECT : "demo";
      javalin.registerPlugin(
          new ApprovalPlugin(
              p ->
                  p.approvals(approvals)
                      .publicBaseUrl(publicBase)
                      .signingKey(key)
                      .devSignIn(true)));
      return "Approvals ("
          + mode
          + "): "
          + publicBase
          + "/approve/<id>, development sign-in (type the subject: "
          + subject
          + ")";
    }
    if (a.clientId() == null) {
      return "Approvals ("
          + mode
          + "): no approval page (set MCP_APPROVAL_CLIENT_ID for the sign-in at MCP_OAUTH_ISSUER)";
    }
    javalin.registerPlugin(
        new ApprovalPlugin(
            p ->
                p.approvals(approvals)
                    .publicBaseUrl(publicBase)
                    .signingKey(key)
                    .oidc(
                        config.security().oauthIssuer().toString(),
                        a.clientId(),
                        a.clientSecret())));
    return "Approvals ("
        + mode
        + "): "
        + publicBase
        + "/approve/<id>, sign-in at "
        + config.security().oauthIssuer()
        + " (redirect URI "
        + publicBase
        + "/approval/callback)";
  }

  /** The subject of the person at the other end of stdio (there is no sign-in on stdio). */
  static final String LOCAL_SUBJECT = "local";

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
