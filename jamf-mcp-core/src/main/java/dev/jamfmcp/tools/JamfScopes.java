package dev.jamfmcp.tools;

/** The OAuth scopes the Jamf tools require. */
public final class JamfScopes {
  /** Every read tool, resource and prompt. */
  public static final String READ = "read:jamf";

  /** Every tool that changes something in Jamf Pro (always behind the confirmation gate). */
  public static final String WRITE = "write:jamf";

  private JamfScopes() {}
}
