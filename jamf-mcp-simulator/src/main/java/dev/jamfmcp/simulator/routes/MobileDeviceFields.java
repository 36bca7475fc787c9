package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.rsql.FieldSet;
import java.util.List;

/** Filter and sort fields of the mobile device endpoints, named as in the contract. */
final class MobileDeviceFields {
  private MobileDeviceFields() {}

  /** {@code GET /api/v2/mobile-devices/detail}: flat names such as displayName and osVersion. */
  static FieldSet detail(Fleet fleet) {
    List<MobileDevice> d = fleet.mobileDevices();
    return FieldSet.builder()
        .number("mobileDeviceId", row -> d.get(row).id(), true)
        .string("displayName", row -> d.get(row).name(), true)
        .string("udid", row -> d.get(row).udid(), true)
        .string("serialNumber", row -> d.get(row).serialNumber(), true)
        .string("managementId", row -> d.get(row).managementId(), true)
        .string("model", row -> d.get(row).model(), true)
        .string("modelIdentifier", row -> d.get(row).modelIdentifier(), true)
        .string("osVersion", row -> d.get(row).osVersion(), true)
        .string("osBuild", row -> d.get(row).osBuild(), true)
        .string("ipAddress", row -> d.get(row).ipAddress(), true)
        .string("wifiMacAddress", row -> d.get(row).wifiMacAddress(), true)
        .string("username", row -> d.get(row).username(), true)
        .string("fullName", row -> d.get(row).realName(), true)
        .string("emailAddress", row -> d.get(row).email(), true)
        .string(
            "department",
            row -> fleet.departments().get(d.get(row).departmentId() - 1).name(),
            true)
        .string("building", row -> fleet.buildings().get(d.get(row).buildingId() - 1).name(), true)
        .bool("supervised", row -> d.get(row).supervised())
        .bool("managed", row -> d.get(row).managed())
        .bool("lostModeEnabled", row -> d.get(row).lostMode())
        .date("lastContactDate", row -> d.get(row).lastContactMillis(), true)
        .date("lastInventoryUpdateDate", row -> d.get(row).lastInventoryMillis(), true)
        .build();
  }

  /** {@code GET /api/v2/mobile-devices}: sort only; the contract gives this list no filter. */
  static FieldSet summary(Fleet fleet) {
    List<MobileDevice> d = fleet.mobileDevices();
    return FieldSet.builder()
        .number("id", row -> d.get(row).id(), true)
        .string("name", row -> d.get(row).name(), true)
        .string("serialNumber", row -> d.get(row).serialNumber(), true)
        .string("udid", row -> d.get(row).udid(), true)
        .string("model", row -> d.get(row).model(), true)
        .string("username", row -> d.get(row).username(), true)
        .build();
  }
}
