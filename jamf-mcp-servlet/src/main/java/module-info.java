/**
 * The servlet face of jamf-mcp: {@code McpServlet} serves {@code /mcp}, {@code /sse} and {@code
 * /messages} in any Jakarta Servlet 6 container (Tomcat, Jetty, Spring Boot's embedded servers).
 *
 * <p>Only {@code dev.jamfmcp.servlet} is exported; {@code dev.jamfmcp.servlet.internal} is not. The
 * exported API is listed in {@code jamf-mcp-servlet/api/jamf-mcp-servlet.api}, which {@code
 * PublicApiTest} compares with the build.
 */
module dev.jamfmcp.servlet {
  // McpHttpTransport, Principal and HttpServletRequest are part of this module's API
  requires transitive dev.jamfmcp.core;
  requires transitive jakarta.servlet;
  requires org.slf4j;

  exports dev.jamfmcp.servlet;
}
