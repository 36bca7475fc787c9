/**
 * The HTTP face of jamf-mcp: the Javalin plugin ({@code McpPlugin}) serving {@code /mcp}, {@code
 * /sse} and {@code /messages}, JWT authentication, the OAuth routes and the per-IP rate limit.
 *
 * <p>Only the API packages are exported; {@code dev.jamfmcp.javalin.internal} is not. The exported
 * API is listed in {@code jamf-mcp-javalin/api/jamf-mcp-javalin.api}, which {@code PublicApiTest}
 * compares with the build.
 */
module dev.jamfmcp.javalin {
  // McpServer, Principal, ... and Javalin's Plugin, Context, ... are part of this module's API
  requires transitive dev.jamfmcp.core;
  requires transitive io.javalin;
  // JwtAuthenticator and JwtConfig appear in this module's API (OAuthPlugin, DevTokens)
  requires transitive dev.jamfmcp.jwt;
  requires com.nimbusds.jose.jwt;
  requires gg.jte.runtime;
  requires static java.compiler; // @Generated on the compiled templates (source retention)
  requires java.net.http;
  requires micrometer.core;
  requires micrometer.registry.prometheus;
  requires org.eclipse.jetty.ee10.servlet;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.util;
  requires org.slf4j;

  exports dev.jamfmcp.javalin;
  exports dev.jamfmcp.javalin.approval;
  exports dev.jamfmcp.javalin.auth;
  exports dev.jamfmcp.javalin.oauth;
  exports dev.jamfmcp.javalin.ratelimit;

  // jte loads the compiled templates by name
  opens dev.jamfmcp.javalin.pages.templates to
      gg.jte.runtime;
}
