package dev.jamfmcp.simulator.effects;

import java.time.Instant;
import java.util.List;

/**
 * One Classic command flush ({@code DELETE /JSSResource/commandflush/...}): the devices of one type
 * ({@code computer} or {@code mobile}) whose failed and/or pending commands were cleared.
 */
public record CommandFlush(
    Instant at, String deviceType, List<Integer> deviceIds, boolean pending, boolean failed) {

  /** Whether this flush cleared a command of the device in that state issued before it. */
  public boolean clears(String type, int deviceId, boolean pendingCommand, Instant issued) {
    return deviceType.equals(type)
        && deviceIds.contains(deviceId)
        && (pendingCommand ? pending : failed)
        && !issued.isAfter(at);
  }
}
