package dev.jamfmcp.jamf.internal;

import java.io.IOException;

/** Obtains a new token from Jamf Pro. Called by {@link TokenCache} under its lock only. */
interface TokenSource {

  /**
   * @param previous the token being replaced if it has not expired yet (a user-account source may
   *     swap it through keep-alive), otherwise null
   */
  Token fetch(Token previous) throws IOException;
}
