package dev.jamfmcp.simulator.fleet;

import java.util.ArrayList;
import java.util.List;

/** Departments, buildings, categories, scripts and patch titles: small fixed lists. */
final class ReferenceData {
  private ReferenceData() {}

  static List<Department> departments() {
    List<Department> out = new ArrayList<>();
    for (int i = 0; i < Catalog.DEPARTMENTS.size(); i++) {
      out.add(new Department(i + 1, Catalog.DEPARTMENTS.get(i)));
    }
    return List.copyOf(out);
  }

  static List<Building> buildings() {
    List<Building> out = new ArrayList<>();
    for (int i = 0; i < Catalog.BUILDINGS.size(); i++) {
      String[] b = Catalog.BUILDINGS.get(i);
      out.add(new Building(i + 1, b[0], b[1], "", b[2], b[3], b[4], b[5]));
    }
    return List.copyOf(out);
  }

  static List<Category> categories() {
    return List.of(
        new Category(1, "Applications", 9),
        new Category(2, "Security", 5),
        new Category(3, "Maintenance", 10),
        new Category(4, "Productivity", 9),
        new Category(5, "Compliance", 3),
        new Category(6, "Developer Tools", 10),
        new Category(7, "Self Service", 9),
        new Category(8, "Testing", 20));
  }

  static List<Script> scripts(List<Category> categories) {
    String[][] specs = {
      // name, category id, priority, info, body
      {
        "Rename Computer to Serial",
        "3",
        "AFTER",
        "Sets ComputerName, HostName and LocalHostName to the serial number.",
        "serial=$(ioreg -l | awk -F'\"' '/IOPlatformSerialNumber/ {print $4}')\nscutil --set ComputerName \"$serial\"\nscutil --set HostName \"$serial\"\nscutil --set LocalHostName \"$serial\"\n/usr/local/bin/jamf recon"
      },
      {
        "Reset Printing System",
        "3",
        "AFTER",
        "Removes every printer and queue.",
        "lpstat -p | awk '{print $2}' | while read -r printer; do lpadmin -x \"$printer\"; done"
      },
      {
        "Enable Firewall",
        "2",
        "AFTER",
        "Turns on the application firewall with stealth mode.",
        "/usr/libexec/ApplicationFirewall/socketfilterfw --setglobalstate on\n/usr/libexec/ApplicationFirewall/socketfilterfw --setstealthmode on"
      },
      {
        "Flush DNS Cache",
        "3",
        "AFTER",
        "Flushes the DNS resolver cache.",
        "dscacheutil -flushcache\nkillall -HUP mDNSResponder"
      },
      {
        "Install Rosetta 2",
        "1",
        "BEFORE",
        "Installs Rosetta on Apple silicon before Intel-only packages.",
        "if [ \"$(uname -m)\" = \"arm64\" ]; then softwareupdate --install-rosetta --agree-to-license; fi"
      },
      {
        "Set Time Server",
        "5",
        "AFTER",
        "Points NTP at the corporate time server ($4).",
        "systemsetup -setnetworktimeserver \"${4:-time.apple.com}\"\nsystemsetup -setusingnetworktime on"
      },
      {
        "Collect Diagnostics",
        "3",
        "AFTER",
        "Runs sysdiagnose and uploads the archive to $4.",
        "sysdiagnose -u -f /private/var/tmp\ncurl -sf -T /private/var/tmp/sysdiagnose_*.tar.gz \"$4\""
      },
      {
        "Remove Admin Rights",
        "2",
        "AFTER",
        "Demotes every local admin except $4.",
        "for u in $(dscl . -read /Groups/admin GroupMembership | cut -d' ' -f2-); do\n  [ \"$u\" = \"root\" ] || [ \"$u\" = \"$4\" ] || dseditgroup -o edit -d \"$u\" -t user admin\ndone"
      },
      {
        "Xcode First Launch",
        "6",
        "AFTER",
        "Accepts the Xcode license and installs components.",
        "xcodebuild -license accept\nxcodebuild -runFirstLaunch"
      },
      {
        "Clear Safari Caches",
        "7",
        "AFTER",
        "Deletes Safari caches for the logged-in user.",
        "user=$(stat -f%Su /dev/console)\nrm -rf \"/Users/$user/Library/Caches/com.apple.Safari\""
      }
    };
    List<Script> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      String[] s = specs[i];
      int categoryId = Integer.parseInt(s[1]);
      String categoryName = categories.get(categoryId - 1).name();
      List<String> parameters = new ArrayList<>(List.of("", "", "", "", "", "", "", ""));
      if (s[4].contains("$4")) {
        parameters.set(0, "Parameter 4");
      }
      out.add(
          new Script(
              i + 1,
              s[0],
              s[3],
              "Maintained by Client Platform Engineering",
              s[2],
              categoryId,
              categoryName,
              List.copyOf(parameters),
              "",
              "#!/bin/bash\n# " + s[0] + "\n" + s[4] + "\nexit 0\n"));
    }
    return List.copyOf(out);
  }

  static List<PatchTitle> patchTitles() {
    String[][] specs = {
      {"Google Chrome", "Google", "142.0.7444.60"},
      {"Mozilla Firefox", "Mozilla", "144.0.2"},
      {"Microsoft Word", "Microsoft", "16.102"},
      {"Microsoft Teams", "Microsoft", "25290.205.3958.1811"},
      {"Slack", "Slack Technologies", "4.46.101"},
      {"Zoom", "Zoom Video Communications", "6.6.6"},
      {"Adobe Acrobat Reader", "Adobe", "25.001.20813"},
      {"1Password 8", "AgileBits", "8.11.14"},
      {"Visual Studio Code", "Microsoft", "1.105.1"},
      {"Jamf Connect", "Jamf", "2.45.1"}
    };
    List<PatchTitle> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      String[] s = specs[i];
      out.add(new PatchTitle(i + 1, s[0], 100 + i * 7, 1, s[0], s[1], s[2], true));
    }
    return List.copyOf(out);
  }
}
