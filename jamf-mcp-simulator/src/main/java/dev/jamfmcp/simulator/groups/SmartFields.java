package dev.jamfmcp.simulator.groups;

import dev.jamfmcp.simulator.fleet.Building;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Department;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The criterion fields the simulator evaluates, named as in Jamf Pro's smart group editor: the
 * inventory the fleet holds (names, hardware, OS, user and location, site, check-in and inventory
 * dates, a few yes/no security states). Extension attributes and anything the fleet does not
 * generate are refused rather than guessed.
 */
final class SmartFields {
  private SmartFields() {}

  static Map<String, SmartField> computer(Fleet fleet) {
    Computers c = fleet.computers();
    IntFunction<String> department = names(fleet.departments(), c::departmentId);
    IntFunction<String> building = buildingNames(fleet.buildings(), c::buildingId);
    Map<String, SmartField> f = new LinkedHashMap<>();
    f.put("Computer ID", new SmartField.Number(c::id));
    f.put("Computer Name", new SmartField.Text(c::name));
    f.put("Serial Number", new SmartField.Text(c::serialNumber));
    f.put("Model", new SmartField.Text(row -> c.model(row).model()));
    f.put("Model Identifier", new SmartField.Text(row -> c.model(row).modelIdentifier()));
    f.put("Operating System Version", new SmartField.Version(row -> c.os(row).version()));
    f.put("Operating System Build", new SmartField.Text(row -> c.os(row).build()));
    f.put("Department", new SmartField.Text(department));
    f.put("Building", new SmartField.Text(building));
    f.put("Username", new SmartField.Text(c::username));
    f.put("Full Name", new SmartField.Text(c::realname));
    f.put("Email Address", new SmartField.Text(c::email));
    f.put("Site", new SmartField.Text(c::siteName));
    f.put("Last Check-in", new SmartField.Date(c::lastContactMillis));
    f.put("Last Inventory Update", new SmartField.Date(c::reportDateMillis));
    f.put("Apple Silicon", new SmartField.YesNo(row -> true, row -> c.model(row).appleSilicon()));
    f.put(
        "FileVault 2 Status", new SmartField.Text(row -> fileVaultStatus(c.fileVault2Status(row))));
    f.put("Firewall Enabled", new SmartField.YesNo(c::firewallCollected, c::firewallEnabled));
    f.put("Managed", new SmartField.YesNo(row -> true, c::managed));
    return f;
  }

  static Map<String, SmartField> mobile(Fleet fleet) {
    List<MobileDevice> d = fleet.mobileDevices();
    IntFunction<String> department = names(fleet.departments(), row -> d.get(row).departmentId());
    IntFunction<String> building = buildingNames(fleet.buildings(), row -> d.get(row).buildingId());
    Map<String, SmartField> f = new LinkedHashMap<>();
    f.put("Mobile Device ID", new SmartField.Number(row -> d.get(row).id()));
    f.put("Display Name", new SmartField.Text(row -> d.get(row).name()));
    f.put("Serial Number", new SmartField.Text(row -> d.get(row).serialNumber()));
    f.put("Model", new SmartField.Text(row -> d.get(row).model()));
    f.put("Model Identifier", new SmartField.Text(row -> d.get(row).modelIdentifier()));
    f.put("OS Version", new SmartField.Version(row -> d.get(row).osVersion()));
    f.put("OS Build", new SmartField.Text(row -> d.get(row).osBuild()));
    f.put("Department", new SmartField.Text(department));
    f.put("Building", new SmartField.Text(building));
    f.put("Username", new SmartField.Text(row -> d.get(row).username()));
    f.put("Full Name", new SmartField.Text(row -> d.get(row).realName()));
    f.put("Email Address", new SmartField.Text(row -> d.get(row).email()));
    f.put("Site", new SmartField.Text(row -> d.get(row).siteName()));
    f.put("Last Inventory Update", new SmartField.Date(row -> d.get(row).lastInventoryMillis()));
    f.put("Last Check-in", new SmartField.Date(row -> d.get(row).lastContactMillis()));
    f.put("Supervised", new SmartField.YesNo(row -> true, row -> d.get(row).supervised()));
    return f;
  }

  /** Jamf's words for the inventory's FileVault status; empty when not collected. */
  static String fileVaultStatus(String status) {
    if (status == null) {
      return "";
    }
    switch (status) {
      case "ALL_ENCRYPTED":
        return "All Partitions Encrypted";
      case "BOOT_ENCRYPTED":
        return "Boot Partitions Encrypted";
      case "NOT_ENCRYPTED":
        return "No Partitions Encrypted";
      default:
        return "Some Partitions Encrypted";
    }
  }

  private interface IdOf {
    int id(int row);
  }

  private static IntFunction<String> names(List<Department> departments, IdOf idOf) {
    Map<Integer, String> byId = new HashMap<>();
    departments.forEach(x -> byId.put(x.id(), x.name()));
    return row -> byId.getOrDefault(idOf.id(row), "");
  }

  private static IntFunction<String> buildingNames(List<Building> buildings, IdOf idOf) {
    Map<Integer, String> byId = new HashMap<>();
    buildings.forEach(x -> byId.put(x.id(), x.name()));
    return row -> byId.getOrDefault(idOf.id(row), "");
  }
}
