package dev.jamfmcp.mcp.tool;

/**
 * The behaviour hints clients show users (ChatGPT asks before any tool that is not read-only). All
 * four are always sent, so that no client falls back to a default we did not mean.
 */
public record ToolAnnotations(
    boolean readOnlyHint, boolean destructiveHint, boolean idempotentHint, boolean openWorldHint) {

  /** Reads an external system (Jamf Pro) and changes nothing. */
  public static ToolAnnotations readOnly() {
    return new ToolAnnotations(true, false, true, true);
  }

  /** Changes an external system in a way that may not be undone. */
  public static ToolAnnotations destructive(boolean idempotent) {
    return new ToolAnnotations(false, true, idempotent, true);
  }

  /** Changes an external system, but only additively (nothing is lost). */
  public static ToolAnnotations additive(boolean idempotent) {
    return new ToolAnnotations(false, false, idempotent, true);
  }
}
