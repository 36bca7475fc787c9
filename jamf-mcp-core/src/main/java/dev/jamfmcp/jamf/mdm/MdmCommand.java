package dev.jamfmcp.jamf.mdm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A command Jamf Pro sent or queued ({@code GET /api/v2/mdm/commands}). {@code commandState} is
 * PENDING, ACKNOWLEDGED, NOT_NOW, ERROR or COMMAND_FORMAT_ERROR.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MdmCommand(
    String uuid,
    String dateSent,
    String dateCompleted,
    Client client,
    String commandState,
    String commandType,
    Error commandError) {

  /** The device (or user channel) the command went to. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Client(String managementId, String clientType) {}

  /** Why the device refused the command. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Error(
      Integer errorCode,
      String errorDomain,
      String errorLocalizedDescription,
      String errorEnglishDescription) {}
}
