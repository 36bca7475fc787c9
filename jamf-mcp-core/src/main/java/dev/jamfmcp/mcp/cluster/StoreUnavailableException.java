package dev.jamfmcp.mcp.cluster;

/**
 * The shared store cannot answer (unreachable, timed out, refused). Whoever asked must not proceed
 * as if it had answered: a write is refused with "nothing was done", never run unchecked.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
