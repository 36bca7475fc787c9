package dev.jamfmcp.simulator.effects;

import java.time.Instant;

/**
 * A queued MDM command. Its state is derived: PENDING until acknowledged explicitly or until {@code
 * acknowledgeAt} has passed on the simulator's clock.
 *
 * @param acknowledgeAt when the device "answers" on its own; null = only when told to
 * @param acknowledgedAt set by an explicit acknowledgement
 */
public record MdmCommand(
    String uuid,
    String managementId,
    String clientType,
    int deviceId,
    String commandType,
    Instant dateSent,
    Instant acknowledgeAt,
    Instant acknowledgedAt) {

  public String state(Instant now) {
    return completedAt(now) != null ? "ACKNOWLEDGED" : "PENDING";
  }

  /** When the command was acknowledged as of {@code now}, or null while it is pending. */
  public Instant completedAt(Instant now) {
    if (acknowledgedAt != null) {
      return acknowledgedAt;
    }
    return acknowledgeAt != null && !now.isBefore(acknowledgeAt) ? acknowledgeAt : null;
  }

  MdmCommand acknowledged(Instant at) {
    return new MdmCommand(
        uuid, managementId, clientType, deviceId, commandType, dateSent, acknowledgeAt, at);
  }
}
