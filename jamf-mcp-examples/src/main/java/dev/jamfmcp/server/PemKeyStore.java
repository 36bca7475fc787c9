package dev.jamfmcp.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own TLS key and certificate chain ({@code MCP_TLS_KEY}, {@code MCP_TLS_CERT}), read
 * from PEM files as certbot, cert-manager and most CAs write them, into an in-memory key store for
 * Jetty. Read and checked at start-up, so a wrong file stops the server with one line.
 */
final class PemKeyStore {
  /** The password of the in-memory store and its key entry (never written anywhere). */
  static final String PASSWORD = "jamf-mcp-in-memory";

  static final String ALIAS = "jamf-mcp";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  private PemKeyStore() {}

  /**
   * The key store holding the key of {@code keyFile} with the chain of {@code certFile} (server
   * certificate first).
   *
   * @throws ConfigException naming the setting: unreadable file, no PEM block, encrypted or
   *     unsupported key, or a key that does not belong to the certificate
   */
  static KeyStore load(Path certFile, Path keyFile) {
    List<Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    if (!belongTogether(key, chain.get(0).getPublicKey())) {
      throw ConfigException.of(
          Setting.MCP_TLS_KEY,
          "the key in " + keyFile + " does not belong to the first certificate in " + certFile,
          "give the certificate's own key (the server certificate must come first in the file)");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("An in-memory PKCS12 key store cannot be made", e);
    }
  }

  private static String read(Setting setting, Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw ConfigException.of(
          setting,
          "cannot read " + file + " (" + e.getClass().getSimpleName() + ")",
          "give a PEM file");
    }
  }

  private static List<Certificate> certificates(Path file) {
    String text = read(Setting.MCP_TLS_CERT, file);
    List<Certificate> chain = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (m.find()) {
        if (m.group(1).equals("CERTIFICATE")) {
          chain.add(
              factory.generateCertificate(
                  new ByteArrayInputStream(decode(Setting.MCP_TLS_CERT, m))));
        }
      }
    } catch (GeneralSecurityException e) {
      throw ConfigException.of(
          Setting.MCP_TLS_CERT,
          file + " holds a certificate that cannot be read (" + e.getMessage() + ")",
          "give the PEM certificate chain (fullchain.pem)");
    }
    if (chain.isEmpty()) {
      throw ConfigException.of(
          Setting.MCP_TLS_CERT,
          file + " holds no -----BEGIN CERTIFICATE----- block",
          "give the PEM certificate chain (fullchain.pem), server certificate first");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) {
    String text = read(Setting.MCP_TLS_KEY, file);
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      switch (m.group(1)) {
        case "PRIVATE KEY" -> {
          return pkcs8(file, decode(Setting.MCP_TLS_KEY, m));
        }
        case "RSA PRIVATE KEY" -> {
          return pkcs8(file, rsaPkcs1ToPkcs8(decode(Setting.MCP_TLS_KEY, m)));
        }
        case "ENCRYPTED PRIVATE KEY" ->
            throw ConfigException.of(
                Setting.MCP_TLS_KEY,
                file + " holds an encrypted key",
                "decrypt it: openssl pkcs8 -in "
                    + file
                    + " -out key.pem (and keep it readable by"
                    + " this user only)");
        case "EC PRIVATE KEY" ->
            throw ConfigException.of(
                Setting.MCP_TLS_KEY,
                file + " holds an EC key in the SEC1 format",
                "convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in "
                    + file
                    + " -out key.pem");
        default -> {}
      }
    }
    throw ConfigException.of(
        Setting.MCP_TLS_KEY,
        file + " holds no -----BEGIN PRIVATE KEY----- block",
        "give the unencrypted PEM private key (privkey.pem)");
  }

  private static byte[] decode(Setting setting, Matcher block) {
    try {
      return Base64.getMimeDecoder().decode(block.group(2).strip());
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(setting, "a PEM block is not base64", "give an unaltered PEM file");
    }
  }

  private static PrivateKey pkcs8(Path file, byte[] der) {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw ConfigException.of(
        Setting.MCP_TLS_KEY,
        file + " holds a key that is not RSA, EC or EdDSA",
        "give an RSA or EC key in PEM");
  }

  /** Wraps a PKCS#1 RSA key ({@code BEGIN RSA PRIVATE KEY}) in a PKCS#8 structure. */
  static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    byte[] version = {0x02, 0x01, 0x00};
    // SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    byte[] octets = der(0x04, pkcs1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(version);
    body.writeBytes(algorithm);
    body.writeBytes(octets);
    return der(0x30, body.toByteArray());
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((length >>> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** Whether {@code key} signs what {@code certificateKey} verifies. */
  private static boolean belongTogether(PrivateKey key, PublicKey certificateKey) {
    if (!key.getAlgorithm().equals(certificateKey.getAlgorithm())
        && !(key.getAlgorithm().equals("EdDSA") || certificateKey.getAlgorithm().equals("EdDSA"))) {
      return false;
    }
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm();
        };
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificateKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
