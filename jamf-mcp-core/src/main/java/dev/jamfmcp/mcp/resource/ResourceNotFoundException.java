package dev.jamfmcp.mcp.resource;

/** Thrown by a {@link ResourceReader} when the URI names nothing; answered as "not found". */
public class ResourceNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super(message);
  }
}
