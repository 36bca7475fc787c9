package dev.jamfmcp.mcp.jsonrpc;

/** JSON-RPC 2.0 and MCP error codes, and the few this implementation defines. */
public final class ErrorCodes {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Resource not found, up to protocol 2025-11-25 (2026-07-28 uses -32602). */
  public static final int RESOURCE_NOT_FOUND = -32002;

  /** 2026-07-28: HTTP headers do not match the body. */
  public static final int HEADER_MISMATCH = -32020;

  /** 2026-07-28: the request needs a client capability it did not declare. */
  public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

  /** 2026-07-28: the request's protocol version is not supported. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  /**
   * Implementation-defined (-32000..-32019): the caller's principal lacks a scope the tool needs.
   * HTTP transports answer it with 403 and {@code error="insufficient_scope"}.
   */
  public static final int INSUFFICIENT_SCOPE = -32003;

  /** Implementation-defined: the server is at capacity; try again shortly. */
  public static final int SERVER_BUSY = -32004;

  /** Implementation-defined: the request was cancelled or the server is shutting down. */
  public static final int REQUEST_CANCELLED = -32005;

  private ErrorCodes() {}
}
