package dev.jamfmcp.mcp.tool;

/**
 * A failure the model can act on: its message is returned as an {@code isError} tool result. Write
 * it for the model: what went wrong, what was (not) changed, what to try instead.
 */
public class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolException(String message) {
    super(message);
  }

  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
