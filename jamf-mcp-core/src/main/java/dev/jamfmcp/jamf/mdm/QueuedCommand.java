package dev.jamfmcp.jamf.mdm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Jamf's receipt for a queued command (HrefResponse): its uuid and where to read it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueuedCommand(String id, String href) {}
