package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * clearPasscode's unlock token, fetched from Jamf Pro ({@code GET
 * /api/v2/mobile-devices/{id}/detail}, {@code ios.unlockToken}) when the command is sent: the model
 * never asks for it, sees it or passes it, and it stays out of audit lines and results.
 */
final class UnlockTokens {
  private UnlockTokens() {}

  /** The devices Jamf Pro holds no unlock token for, as problems ("" when all have one). */
  static List<String> missing(ToolSupport support, List<Device> devices) {
    List<String> problems = new ArrayList<>();
    for (Device d : devices) {
      if (support.jamf().mobileDevices().unlockToken(d.id()) == null) {
        problems.add(
            d.describe()
                + " has no unlock token in Jamf Pro (it is escrowed when a supervised device"
                + " enrolls), so its passcode cannot be cleared; erase it or reset it by hand");
      }
    }
    return problems;
  }

  static String of(ToolSupport support, Device device) {
    String token = support.jamf().mobileDevices().unlockToken(device.id());
    if (token == null) {
      throw new ToolException(device.describe() + " has no unlock token in Jamf Pro.");
    }
    return token;
  }
}
