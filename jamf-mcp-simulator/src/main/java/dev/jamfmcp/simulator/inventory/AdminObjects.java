package dev.jamfmcp.simulator.inventory;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The objects an admin reads beside the devices: packages, sites, end users, PreStage enrollments,
 * extension attribute definitions, App Store apps and mobile device groups. Derived from the fleet
 * (end users are the fleet's assigned users; mobile groups count the fleet's devices), so every
 * answer agrees with the inventory. Immutable.
 */
public final class AdminObjects {

  public record Package(
      int id,
      String packageName,
      String fileName,
      int categoryId,
      String info,
      boolean rebootRequired,
      boolean osInstall,
      long sizeBytes) {}

  public record Site(int id, String name) {}

  public record User(int id, String username, String realname, String email) {}

  public record Prestage(
      int id, String displayName, boolean mandatory, boolean defaultPrestage, String department) {}

  public record ExtensionAttribute(
      int id,
      String name,
      String description,
      String dataType,
      String inputType,
      boolean enabled) {}

  public record App(int id, String name, String bundleId, String version, boolean free) {}

  /** A mobile device group; {@code criterion} is null for a static group. */
  public record MobileGroup(
      int id,
      String name,
      String description,
      boolean smart,
      String criterion,
      String operator,
      String value,
      List<Integer> memberIds) {}

  private final List<Package> packages;

  /** The fleet's sites, so devices and /api/v1/sites name the same ones. */
  private final List<Site> sites =
      java.util.stream.IntStream.range(0, dev.jamfmcp.simulator.fleet.Computers.SITES.size())
          .mapToObj(i -> new Site(i + 1, dev.jamfmcp.simulator.fleet.Computers.SITES.get(i)))
          .toList();

  private final List<User> users;
  private final List<Prestage> computerPrestages =
      List.of(
          new Prestage(1, "Corporate Macs", true, true, "IT"),
          new Prestage(2, "Lab Macs", false, false, "Engineering"));
  private final List<Prestage> mobilePrestages =
      List.of(
          new Prestage(1, "Corporate iPhones", true, true, "IT"),
          new Prestage(2, "Shared iPads", true, false, "Operations"));
  private final List<ExtensionAttribute> computerAttributes =
      List.of(
          new ExtensionAttribute(
              1,
              "Battery Cycle Count",
              "Cycles of the internal battery",
              "INTEGER",
              "SCRIPT",
              true),
          new ExtensionAttribute(
              2, "Last Reboot", "Date of the last restart", "DATE", "SCRIPT", true),
          new ExtensionAttribute(3, "Cost Center", "Finance cost center", "STRING", "POPUP", true),
          new ExtensionAttribute(
              4, "Legacy VPN Client", "Retired collection script", "STRING", "SCRIPT", false));
  private final List<ExtensionAttribute> mobileAttributes =
      List.of(
          new ExtensionAttribute(
              1, "Asset Owner", "Who signed for the device", "STRING", "TEXT", true),
          new ExtensionAttribute(2, "Cost Center", "Finance cost center", "STRING", "POPUP", true));
  private final List<App> macApps =
      List.of(
          new App(1, "Xcode", "com.apple.dt.Xcode", "26.0.1", true),
          new App(2, "Keynote", "com.apple.iWork.Keynote", "14.4", true),
          new App(3, "Microsoft Remote Desktop", "com.microsoft.rdc.macos", "10.9.10", true),
          new App(4, "Final Cut Pro", "com.apple.FinalCut", "11.1", false));
  private final List<App> mobileApps =
      List.of(
          new App(1, "Microsoft Outlook", "com.microsoft.Office.Outlook", "4.2541.0", true),
          new App(2, "Slack", "com.tinyspeck.chatlyio", "25.10.10", true),
          new App(3, "Jamf Self Service", "com.jamfsoftware.selfservice", "11.3.2", true),
          new App(4, "Zoom", "us.zoom.videomeetings", "6.6.6", true),
          new App(5, "Field Sales Catalog", "com.example.fieldsales", "3.1", false));
  private final List<MobileGroup> mobileGroups;

  private AdminObjects(Fleet fleet) {
    this.packages =
        List.of(
            new Package(1, "Google Chrome 142", "GoogleChrome-142.pkg", 0, "", false, false, 230L),
            new Package(
                2, "Microsoft Office 16.102", "MSOffice-16.102.pkg", 0, "", true, false, 2L),
            new Package(3, "Zoom 6.6.6", "zoomusInstallerFull-6.6.6.pkg", 0, "", false, false, 90L),
            new Package(
                4, "CrowdStrike Falcon 7.28", "FalconSensor-7.28.pkg", 0, "", false, false, 80L),
            new Package(
                5,
                "Install macOS Tahoe 26.1",
                "InstallmacOSTahoe-26.1.pkg",
                0,
                "",
                true,
                true,
                15L),
            new Package(6, "Company Wallpaper", "Wallpaper-2026.pkg", 0, "", false, false, 12L));
    Computers c = fleet.computers();
    TreeMap<String, String[]> byUsername = new TreeMap<>();
    for (int row = 0; row < c.size(); row++) {
      if (!c.username(row).isEmpty()) {
        byUsername.putIfAbsent(c.username(row), new String[] {c.realname(row), c.email(row)});
      }
    }
    for (MobileDevice d : fleet.mobileDevices()) {
      if (d.username() != null && !d.username().isEmpty()) {
        byUsername.putIfAbsent(d.username(), new String[] {d.realName(), d.email()});
      }
    }
    List<User> u = new ArrayList<>();
    byUsername.forEach((name, v) -> u.add(new User(u.size() + 1, name, v[0], v[1])));
    this.users = List.copyOf(u);
    List<MobileDevice> devices = fleet.mobileDevices();
    this.mobileGroups =
        List.of(
            smart(1, "All iPads", "Model", "like", "iPad", devices, MobileDevice::iPad),
            smart(
                2, "Unsupervised devices", "Supervised", "is", "No", devices, d -> !d.supervised()),
            smart(
                3,
                "iOS 18 or older",
                "OS Version",
                "less than",
                "19",
                devices,
                d -> major(d.osVersion()) < 19),
            new MobileGroup(
                4,
                "Executive iPhones",
                "Assigned by hand",
                false,
                null,
                null,
                null,
                devices.stream().filter(d -> !d.iPad()).limit(5).map(MobileDevice::id).toList()),
            new MobileGroup(5, "Loaners", "Spare devices", false, null, null, null, List.of()));
  }

  public static AdminObjects of(Fleet fleet) {
    return new AdminObjects(fleet);
  }

  private static MobileGroup smart(
      int id,
      String name,
      String criterion,
      String operator,
      String value,
      List<MobileDevice> devices,
      Predicate<MobileDevice> test) {
    return new MobileGroup(
        id,
        name,
        criterion + " " + operator + " " + value,
        true,
        criterion,
        operator,
        value,
        devices.stream().filter(test).map(MobileDevice::id).toList());
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0]);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  public List<Package> packages() {
    return packages;
  }

  public List<Site> sites() {
    return sites;
  }

  public List<User> users() {
    return users;
  }

  public List<Prestage> computerPrestages() {
    return computerPrestages;
  }

  public List<Prestage> mobilePrestages() {
    return mobilePrestages;
  }

  public List<ExtensionAttribute> computerAttributes() {
    return computerAttributes;
  }

  public List<ExtensionAttribute> mobileAttributes() {
    return mobileAttributes;
  }

  public List<App> macApps() {
    return macApps;
  }

  public List<App> mobileApps() {
    return mobileApps;
  }

  public List<MobileGroup> mobileGroups() {
    return mobileGroups;
  }
}
