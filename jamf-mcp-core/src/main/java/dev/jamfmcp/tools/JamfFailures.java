package dev.jamfmcp.tools;

import dev.jamfmcp.jamf.JamfAuthException;
import dev.jamfmcp.jamf.JamfBadRequestException;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.JamfTimeoutException;
import dev.jamfmcp.jamf.JamfUnavailableException;
import dev.jamfmcp.mcp.tool.ToolException;

/**
 * Turns a Jamf Pro failure into a message a model can relay and act on: what failed, whether
 * anything was changed, and what to do next. Never a raw exception.
 */
public final class JamfFailures {
  private JamfFailures() {}

  /** A failure of a read: nothing was changed by definition. */
  public static ToolException onRead(JamfException e) {
    return new ToolException(describe(e) + " Nothing was changed.", e);
  }

  /**
   * A failure of a write. {@code doneSoFar} says what had already happened before it (empty if
   * nothing), so the model never claims more or less than was done.
   */
  public static ToolException onWrite(JamfException e, String doneSoFar) {
    String before =
        doneSoFar == null || doneSoFar.isBlank()
            ? " Nothing was changed."
            : " Before the failure: " + doneSoFar;
    return new ToolException(describe(e) + before, e);
  }

  static String describe(JamfException e) {
    if (e instanceof JamfTimeoutException) {
      return "Jamf Pro did not answer in time ("
          + e.getMessage()
          + "). Try again in a minute,"
          + " or narrow the request.";
    }
    if (e instanceof JamfUnavailableException) {
      return "Jamf Pro is unavailable right now (" + e.getMessage() + "). Try again shortly.";
    }
    if (e instanceof JamfAuthException) {
      return "This server's Jamf Pro credentials were refused ("
          + e.getMessage()
          + "). An"
          + " administrator must check the API client or account and its privileges.";
    }
    if (e instanceof JamfNotFoundException) {
      return "Jamf Pro has no such object (" + e.getMessage() + ").";
    }
    if (e instanceof JamfBadRequestException) {
      return "Jamf Pro refused the request (" + e.getMessage() + ").";
    }
    return "Jamf Pro failed to answer (" + e.getMessage() + ").";
  }
}
