package dev.jamfmcp.server;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server's own HTTPS ({@code MCP_TLS_CERT}, {@code MCP_TLS_KEY}): Javalin is given one Jetty
 * connector, TLS then HTTP/1.1, on the bind address and port, in place of its plain HTTP one
 * (Javalin adds its default connector only when none is configured).
 */
final class TlsConnector {
  private TlsConnector() {}

  static void install(JavalinConfig javalin, ServerConfig.Http http, int port) {
    ServerConfig.Tls tls = http.tls();
    javalin.jetty.addConnector(
        (server, httpConfig) -> {
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setKeyStore(tls.keyStore());
          ssl.setKeyStorePassword(PemKeyStore.PASSWORD);
          ssl.setKeyManagerPassword(PemKeyStore.PASSWORD);
          ssl.setCertAlias(PemKeyStore.ALIAS);
          HttpConfiguration https = new HttpConfiguration(httpConfig);
          https.setSecureScheme("https");
          https.setSecurePort(port);
          // The certificate is checked by the client; refusing a request whose Host is not a name
          // on the certificate would only break health checks and probes that use the address.
          SecureRequestCustomizer secure = new SecureRequestCustomizer();
          secure.setSniHostCheck(false);
          https.addCustomizer(secure);
          ServerConnector connector =
              new ServerConnector(
                  server,
                  new SslConnectionFactory(ssl, "http/1.1"),
                  new HttpConnectionFactory(https));
          connector.setHost(http.bind());
          connector.setPort(port);
          return connector;
        });
  }
}
