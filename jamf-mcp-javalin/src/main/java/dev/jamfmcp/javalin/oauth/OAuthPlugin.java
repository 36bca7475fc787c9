package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.javalin.auth.TokenPlacementGuard;
import dev.jamfmcp.javalin.internal.Loopback;
import dev.jamfmcp.mcp.http.BearerErrors;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The authorization face of the MCP server as a Javalin plugin: RFC 9728 protected-resource
 * metadata, the refusal of tokens in URLs and cookies on MCP routes, and optionally the OAuth front
 * for a provider ({@link OAuthConfig#front}) or development mode ({@link OAuthConfig#devMode}).
 *
 * <pre>{@code
 * config.registerPlugin(new OAuthPlugin(o -> o
 *     .resource("https://mcp.example.com/mcp")
 *     .authorizationServer("https://tenant.auth0.com/")));
 * }</pre>
 */
public final class OAuthPlugin extends Plugin<OAuthConfig> {
  public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
  private OAuthFront front;

  public OAuthPlugin(Consumer<OAuthConfig> userConfig) {
    super(userConfig, new OAuthConfig());
  }

  /**
   * The RFC 9728 metadata URL of a resource, e.g. {@code
   * https://h/.well-known/oauth-protected-resource/mcp} for {@code https://h/mcp}: give it to
   * {@code JwtConfig.resourceMetadataUrl} and the transport.
   */
  public static String resourceMetadataUrl(String resource) {
    URI uri = URI.create(resource);
    String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
    return origin(resource) + METADATA_PATH + path;
  }

  static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** The redirect URIs clients registered at the front (empty without a front). */
  public java.util.Set<String> registeredRedirectUris() {
    return front == null ? java.util.Set.of() : front.registeredRedirectUris();
  }

  @Override
  public void onInitialize(JavalinState state) {
    OAuthConfig config = pluginConfig;
    if (config.resource == null) {
      throw new IllegalStateException("OAuthPlugin needs the public MCP URL: o.resource(url)");
    }
    List<String> servers = new ArrayList<>(config.authorizationServers);
    if (config.devFront) {
      if (config.dev == null || config.front != null) {
        throw new IllegalStateException("devFront() needs devMode(...) and no front(...)");
      }
      String base = origin(config.resource);
      config.front =
          new OAuthFrontConfig()
              .providerAuthorizeUrl(base + DevRoutes.AUTHORIZE)
              .providerTokenUrl(base + DevRoutes.TOKEN)
              .clientId(DevRoutes.CLIENT_ID);
      RedirectAllowList.LOOPBACK.forEach(config.front::allowRedirectUri);
      DevRoutes routes = new DevRoutes(config.dev, base + OAuthFront.CALLBACK, config.scopes);
      state.routes.get(DevRoutes.AUTHORIZE, routes::authorize);
      state.routes.post(DevRoutes.TOKEN, routes::token);
    }
    if (config.front != null) {
      OAuthFrontConfig f = config.front;
      if (f.providerAuthorizeUrl == null || f.providerTokenUrl == null || f.clientId == null) {
        throw new IllegalStateException(
            "The OAuth front needs providerAuthorizeUrl, providerTokenUrl and clientId");
      }
      String base = f.publicBaseUrl != null ? f.publicBaseUrl : origin(config.resource);
      front = new OAuthFront(f, base, config.resource);
      servers.add(0, base);
      String metadata = front.metadata(config.scopes);
      state.routes.get("/.well-known/oauth-authorization-server", ctx -> json(ctx, metadata));
      state.routes.get(OAuthFront.AUTHORIZE, front::authorize);
      state.routes.post(OAuthFront.CONSENT, front::decide);
      state.routes.get(OAuthFront.CALLBACK, front::callback);
      state.routes.post(OAuthFront.TOKEN, front::token);
      state.routes.post(OAuthFront.REGISTER, front::register);
    }
    if (config.dev != null) {
      DevTokens dev = config.dev;
      servers.add(dev.issuer());
      String jwks = dev.publicKeys().toString();
      state.routes.get(DevRoutes.JWKS, ctx -> json(ctx, jwks));
      state.routes.post(DevRoutes.MINT, new DevRoutes(dev, null, config.scopes)::mint);
      state.events.serverStarting(() -> refuseNonLoopback(state.jetty.host));
    }
    if (servers.isEmpty()) {
      throw new IllegalStateException(
          "OAuthPlugin needs an authorization server, a front or dev mode");
    }
    String document = protectedResource(config, servers);
    state.routes.get(METADATA_PATH, ctx -> json(ctx, document));
    String suffixed =
        resourceMetadataUrl(config.resource).substring(origin(config.resource).length());
    if (!suffixed.equals(METADATA_PATH)) {
      state.routes.get(suffixed, ctx -> json(ctx, document));
    }
    TokenPlacementGuard guard =
        new TokenPlacementGuard(
            new BearerErrors(resourceMetadataUrl(config.resource), "read:jamf"));
    config.guardedPaths.forEach(path -> state.routes.before(path, guard));
  }

  private static String protectedResource(OAuthConfig config, List<String> servers) {
    ObjectNode doc = Json.object().put("resource", config.resource);
    ArrayNode as = doc.putArray("authorization_servers");
    servers.stream().distinct().forEach(as::add);
    ArrayNode scopes = doc.putArray("scopes_supported");
    config.scopes.forEach(scopes::add);
    doc.putArray("bearer_methods_supported").add("header");
    doc.put("resource_name", config.resourceName);
    if (config.resourceDocumentation != null) {
      doc.put("resource_documentation", config.resourceDocumentation);
    }
    return doc.toString();
  }

  private static void json(io.javalin.http.Context ctx, String body) {
    ctx.contentType("application/json").header("Cache-Control", "public, max-age=300").result(body);
  }

  static void refuseNonLoopback(String host) {
    Loopback.require(
        host,
        "Development mode signs tokens with a local key and serves a mint route",
        "Bind to 127.0.0.1 or configure a real identity provider");
  }
}
