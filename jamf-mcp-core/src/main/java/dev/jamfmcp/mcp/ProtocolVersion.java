package dev.jamfmcp.mcp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The MCP protocol versions this server speaks, oldest first. Every behaviour that differs between
 * versions is a method here, so that no other class compares version strings.
 */
public enum ProtocolVersion {
  V2024_11_05("2024-11-05"),
  V2025_03_26("2025-03-26"),
  V2025_06_18("2025-06-18"),
  V2025_11_25("2025-11-25"),
  V2026_07_28("2026-07-28");

  /** The newest version negotiated through {@code initialize}. */
  public static final ProtocolVersion LATEST_SESSIONFUL = V2025_11_25;

  /** The newest version overall. */
  public static final ProtocolVersion LATEST = V2026_07_28;

  /** What an HTTP request without an {@code MCP-Protocol-Version} header is taken to speak. */
  public static final ProtocolVersion HTTP_DEFAULT = V2025_03_26;

  private final String id;

  ProtocolVersion(String id) {
    this.id = id;
  }

  /** The wire form, e.g. {@code 2025-06-18}. */
  public String id() {
    return id;
  }

  public static Optional<ProtocolVersion> parse(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }

  /** Every supported version's wire form, oldest first. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ProtocolVersion::id).toList();
  }

  /** 2026-07-28 and later: no initialize, no session; every request carries its own _meta. */
  public boolean isStateless() {
    return compareTo(V2026_07_28) >= 0;
  }

  /** JSON-RPC batches must be accepted in 2025-03-26 only. */
  public boolean allowsBatches() {
    return this == V2025_03_26;
  }

  /** Tool annotations arrived in 2025-03-26. */
  public boolean hasToolAnnotations() {
    return compareTo(V2025_03_26) >= 0;
  }

  /** structuredContent, outputSchema and title arrived in 2025-06-18. */
  public boolean hasStructuredContent() {
    return compareTo(V2025_06_18) >= 0;
  }

  /** Server-to-client elicitation/create arrived in 2025-06-18. */
  public boolean hasElicitation() {
    return compareTo(V2025_06_18) >= 0;
  }

  /** {@code ping} and {@code logging/setLevel} are gone in the stateless era. */
  public boolean hasPingAndSetLevel() {
    return !isStateless();
  }

  /**
   * {@code subscriptions/listen} (2026-07-28) carries list changes and resource updates; earlier
   * versions have no such method (-32601).
   */
  public boolean hasSubscriptionsListen() {
    return isStateless();
  }

  /** Results carry resultType, serverInfo in _meta, and list results carry ttlMs/cacheScope. */
  public boolean hasResultType() {
    return isStateless();
  }

  /** Resource not found: -32002 up to 2025-11-25, -32602 from 2026-07-28. */
  public int resourceNotFoundCode() {
    return isStateless() ? -32602 : -32002;
  }

  @Override
  public String toString() {
    return id;
  }
}
