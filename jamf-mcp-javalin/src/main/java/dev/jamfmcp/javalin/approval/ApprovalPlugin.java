package dev.jamfmcp.javalin.approval;

import dev.jamfmcp.javalin.internal.Loopback;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import java.util.function.Consumer;

/**
 * The approval page as a Javalin plugin: {@code GET/POST /approve/{id}}, where the person who asked
 * (or an approver) signs in, reviews exactly what will happen and approves or declines; the sign-in
 * at {@code /approval/sign-in} and {@code /approval/callback} (OpenID Connect with PKCE), or in the
 * demo the development form at {@code /approval/dev-sign-in}.
 *
 * <pre>{@code
 * config.registerPlugin(new ApprovalPlugin(a -> a
 *     .approvals(approvals)
 *     .publicBaseUrl("https://mcp.example.com")
 *     .signingKey(key)
 *     .oidc("https://tenant.auth0.com/", clientId, clientSecret)));
 * }</pre>
 */
public final class ApprovalPlugin extends Plugin<ApprovalPageConfig> {
  public ApprovalPlugin(Consumer<ApprovalPageConfig> userConfig) {
    super(userConfig, new ApprovalPageConfig());
  }

  @Override
  public void onInitialize(JavalinState state) {
    ApprovalPageConfig config = pluginConfig;
    if (config.approvals == null || config.publicBaseUrl == null || config.signingKey == null) {
      throw new IllegalStateException(
          "ApprovalPlugin needs approvals, publicBaseUrl and signingKey");
    }
    if (config.issuer == null && !config.devSignIn) {
      throw new IllegalStateException(
          "ApprovalPlugin needs a sign-in: oidc(issuer, clientId, secret) or, for the demo,"
              + " devSignIn(true)");
    }
    ApprovalRoutes routes = new ApprovalRoutes(config);
    state.routes.get(ApprovalRoutes.PAGE, StoreAway.guard(routes::show));
    state.routes.post(ApprovalRoutes.PAGE, StoreAway.guard(routes::decide));
    state.routes.get(ApprovalRoutes.SIGN_IN, routes::signIn);
    if (config.devSignIn) {
      state.routes.get(ApprovalRoutes.DEV_SIGN_IN, routes::devSignInForm);
      state.routes.post(ApprovalRoutes.DEV_SIGN_IN, routes::devSignIn);
      state.events.serverStarting(() -> refuseNonLoopback(state.jetty.host));
    } else {
      state.routes.get(OidcSignIn.CALLBACK, routes::callback);
    }
  }

  static void refuseNonLoopback(String host) {
    Loopback.require(
        host,
        "The development sign-in lets anyone approve as anyone",
        "Bind to 127.0.0.1 or configure the identity provider (oidc)");
  }
}
