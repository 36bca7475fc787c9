package dev.jamfmcp.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool (as an operator
 * would without a CA), written as the PEM files MCP_TLS_CERT and MCP_TLS_KEY take.
 */
record SelfSignedCertificate(Path certFile, Path keyFile, X509Certificate certificate) {
  private static final String PASSWORD = "test-only-password";

  static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
    return create(dir, "RSA");
  }

  static SelfSignedCertificate create(Path dir, String keyAlgorithm)
      throws IOException, InterruptedException {
    Path store = dir.resolve("self-signed-" + keyAlgorithm + ".p12");
    Files.deleteIfExists(store);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                keyAlgorithm,
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD.toCharArray());
      PrivateKey key = (PrivateKey) keys.getKey("server", PASSWORD.toCharArray());
      X509Certificate certificate = (X509Certificate) keys.getCertificate("server");
      Path certFile = dir.resolve("fullchain-" + keyAlgorithm + ".pem");
      Path keyFile = dir.resolve("privkey-" + keyAlgorithm + ".pem");
      Files.writeString(certFile, pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
      return new SelfSignedCertificate(certFile, keyFile, certificate);
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** A TLS context that trusts this certificate only. */
  SSLContext trustingIt() throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", (Certificate) certificate);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
