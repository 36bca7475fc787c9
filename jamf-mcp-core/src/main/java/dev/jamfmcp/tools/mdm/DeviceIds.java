package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.tools.support.DeviceTargets;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The {@code deviceIds} argument the MDM tools share: its schema and the devices it names. */
final class DeviceIds {
  static final String NAME = "deviceIds";

  private DeviceIds() {}

  /** An input schema that starts with {@code deviceIds} (the caller marks it required). */
  static Schemas schema() {
    return Schemas.object()
        .strings(
            NAME,
            "The devices: computer:<id>, mobile:<id>, a plain id (a computer),"
                + " a serial number or an exact name",
            DeviceTargets.MAX_IDENTIFIERS,
            200);
  }

  /**
   * Every device the arguments name; an identifier that names none, or more than one, fails the
   * call before anything is done.
   */
  static List<Device> resolve(ToolSupport support, ObjectNode args) {
    try {
      return new DeviceTargets(support.jamf()).resolve(ToolBodies.strings(args, NAME)).requireAll();
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
  }
}
