package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.javalin.pages.Sealer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clients registered at the front (RFC 7591). Each registration gets its own client id, which
 * carries the registration itself (name and redirect URIs) sealed with the front's key: the consent
 * page can name the client, the authorize route can hold the client to its own redirect URIs, and
 * any instance sharing the key (MCP_SESSION_KEY) recognises the client after a restart, with no
 * store. Before, every client got the provider's client id, so an authorize link could pair any
 * client with any allowed redirect URI.
 */
final class Registrations {
  static final String PREFIX = "jmc_";
  private static final String PURPOSE = "client-registration";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A client as it registered; {@code name} is null when it gave none. */
  record Registration(String clientId, String name, List<String> redirectUris, long issuedAt) {
    String displayName() {
      return name == null || name.isBlank() ? "An unnamed client" : name;
    }
  }

  private final Sealer sealer;

  Registrations(Sealer sealer) {
    this.sealer = sealer;
  }

  String issue(String name, List<String> redirectUris, long issuedAt) {
    // A random part: two registrations are two clients, even with the same name and URIs.
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    ObjectNode node =
        Json.object()
            .put("i", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
            .put("t", issuedAt);
    if (name != null) {
      node.put("n", name);
    }
    redirectUris.forEach(node.withArray("r")::add);
    return PREFIX + sealer.seal(PURPOSE, node.toString());
  }

  /** The registration behind a client id, or null when the id was not issued here. */
  Registration find(String clientId) {
    if (clientId == null || !clientId.startsWith(PREFIX)) {
      return null;
    }
    String text = sealer.open(PURPOSE, clientId.substring(PREFIX.length()));
    if (text == null) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      List<String> uris = new ArrayList<>();
      node.path("r").forEach(uri -> uris.add(uri.stringValue()));
      JsonNode name = node.get("n");
      return new Registration(
          clientId,
          name == null ? null : name.stringValue(),
          List.copyOf(uris),
          node.path("t").asLong(0));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
