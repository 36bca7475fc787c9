package dev.jamfmcp.tools.support;

import dev.jamfmcp.jamf.JamfAuthException;
import dev.jamfmcp.jamf.JamfBadRequestException;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.JamfTimeoutException;
import dev.jamfmcp.jamf.JamfUnavailableException;
import dev.jamfmcp.jamf.JamfUnsupportedVersionException;
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
    boolean nothingBefore = doneSoFar == null || doneSoFar.isBlank();
    if (mayHaveReachedJamf(e)) {
      // The request went out and no answer came back: Jamf Pro may well have acted on it.
      return new ToolException(
          "The outcome is unknown: the request reached (or may have"
              + " reached) Jamf Pro, but its answer was lost ("
              + e.getMessage()
              + "). Jamf Pro may"
              + " have carried it out. Check before trying again (for an MDM command, the device's"
              + " command history), or it may happen twice."
              + (nothingBefore ? "" : " Before this request: " + doneSoFar),
          e);
    }
    String before = nothingBefore ? " Nothing was changed." : " Before the failure: " + doneSoFar;
    return new ToolException(describe(e) + before, e);
  }

  /**
   * No HTTP answer (status 0), or an unreadable one, to a request that left this process: a timeout
   * or a connection cut after sending. Only a failure to connect proves it never arrived.
   */
  static boolean mayHaveReachedJamf(JamfException e) {
    if (e.status() != 0 || e instanceof JamfUnsupportedVersionException) {
      return false;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.http.HttpConnectTimeoutException) {
        return false;
      }
    }
    return true;
  }

  private static String quoted(java.util.List<String> privileges) {
    java.util.List<String> q = privileges.stream().map(p -> "'" + p + "'").toList();
    return q.size() == 1
        ? q.get(0)
        : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
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
    if (e instanceof JamfUnsupportedVersionException) {
      return e.getMessage();
    }
    if (e instanceof JamfAuthException auth && e.status() == 403) {
      return auth.requiredPrivileges().isEmpty()
          ? "Jamf Pro refused the request ("
              + e.getMessage()
              + "). An administrator must add the missing privilege to this server's API role."
          : "Jamf Pro refused: the API role needs "
              + quoted(auth.requiredPrivileges())
              + " (for "
              + e.operation()
              + "). An administrator must add "
              + (auth.requiredPrivileges().size() == 1 ? "it" : "them")
              + " to this server's API role.";
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
