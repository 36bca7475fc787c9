/**
 * Bearer JWT validation for any HTTP host: {@code JwtAuthenticator} checks a token against the
 * provider's keys ({@code JwksCache}) and turns it into core's {@code Principal}; it is core's
 * {@code dev.jamfmcp.mcp.http.PrincipalResolver}, so the Javalin face, a servlet or any other host
 * plugs it in the same way. Needs core, Nimbus JOSE+JWT and slf4j-api only: no Javalin, no Jetty
 * (the build's enforcer rule keeps it so).
 *
 * <p>The exported API is listed in {@code jamf-mcp-jwt/api/jamf-mcp-jwt.api}, which {@code
 * PublicApiTest} compares with the build.
 */
module dev.jamfmcp.jwt {
  // Principal, PrincipalResolver, BearerErrors are part of this module's API
  requires transitive dev.jamfmcp.core;
  // JWKSet, JWKSource and JWTClaimsSet appear in the API (JwtConfig.jwkSet, JwksCache, ScopeClaims)
  requires transitive com.nimbusds.jose.jwt;
  requires java.net.http;
  requires org.slf4j;

  exports dev.jamfmcp.jwt;
}
