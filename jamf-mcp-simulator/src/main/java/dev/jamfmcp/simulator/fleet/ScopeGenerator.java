package dev.jamfmcp.simulator.fleet;

import dev.jamfmcp.simulator.rsql.RowFilter;
import dev.jamfmcp.simulator.rsql.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntPredicate;

/** Computer groups, policies and configuration profiles, scoped onto the generated devices. */
final class ScopeGenerator {
  private final SplittableRandom random;
  private final Table computers;
  private final int mobileDevices;
  private final Instant now;

  ScopeGenerator(SplittableRandom random, Table computers, int mobileDevices, Instant now) {
    this.random = random;
    this.computers = computers;
    this.mobileDevices = mobileDevices;
    this.now = now;
  }

  List<SmartGroup> smartGroups() {
    String days30 = now.minus(Duration.ofDays(30)).toString();
    String days90 = now.minus(Duration.ofDays(90)).toString();
    String[][] specs = {
      {"All Managed Macs", "Every enrolled computer", "id=gt=0"},
      {"macOS 26 Tahoe", "Computers already on macOS 26", "operatingSystem.version==26.*"},
      {
        "macOS 13 Ventura - Upgrade Required",
        "Computers still on macOS 13",
        "operatingSystem.version==13.*"
      },
      {
        "FileVault Not Enabled",
        "Computers whose boot volume is not encrypted",
        "diskEncryption.fileVault2Enabled==false"
      },
      {
        "Not Checked In 30+ Days",
        "Last check-in older than 30 days",
        "general.lastContactTime<" + days30
      },
      {
        "Not Checked In 90+ Days",
        "Last check-in older than 90 days",
        "general.lastContactTime<" + days90
      },
      {"Engineering Macs", "Computers assigned to Engineering", "userAndLocation.departmentId==1"},
      {"Intel Macs", "Computers without Apple silicon", "hardware.appleSilicon==false"},
      {
        "Firewall Disabled",
        "Computers with the application firewall off",
        "security.firewallEnabled==false"
      }
    };
    List<SmartGroup> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      IntPredicate criteria = RowFilter.compile(specs[i][2], computers.fields());
      BitSet members = new BitSet(computers.size());
      for (int row = 0; row < computers.size(); row++) {
        if (criteria.test(row)) {
          members.set(row);
        }
      }
      out.add(new SmartGroup(i + 1, specs[i][0], specs[i][1], specs[i][2], members));
    }
    return List.copyOf(out);
  }

  /** Static groups take the ids after the smart groups: Jamf numbers both kinds in one sequence. */
  List<StaticGroup> staticGroups(int firstId) {
    return List.of(
        new StaticGroup(
            firstId,
            "Pilot - macOS Beta",
            "Volunteers testing the next macOS",
            randomComputers(25)),
        new StaticGroup(firstId + 1, "Executive Macs", "White-glove support", randomComputers(15)),
        new StaticGroup(
            firstId + 2, "Kiosk Macs", "Shared lobby and lab machines", randomComputers(8)),
        new StaticGroup(
            firstId + 3, "Lab - Legacy Hardware", "Retired hardware kept for testing", List.of()));
  }

  List<Policy> policies(List<SmartGroup> smart, List<StaticGroup> statics, List<Script> scripts) {
    String[][] specs = {
      // name, trigger, frequency, category, scope kind, self service, script id
      {"Update Inventory", "CHECKIN", "Once every day", "3", "all", "no", "0"},
      {"Install Google Chrome", "CHECKIN", "Once per computer", "1", "all", "yes", "0"},
      {"Install Slack", "USER_INITIATED", "Ongoing", "4", "all", "yes", "0"},
      {"Install Microsoft Office", "CHECKIN", "Once per computer", "4", "all", "yes", "0"},
      {
        "Enable FileVault",
        "CHECKIN",
        "Once per computer",
        "2",
        "smart:FileVault Not Enabled",
        "no",
        "0"
      },
      {"Enable Firewall", "CHECKIN", "Once every day", "2", "smart:Firewall Disabled", "no", "3"},
      {
        "macOS 26 Upgrade",
        "USER_INITIATED",
        "Ongoing",
        "7",
        "smart:macOS 13 Ventura - Upgrade Required",
        "yes",
        "0"
      },
      {"Install Rosetta 2", "EVENT", "Once per computer", "1", "all", "no", "5"},
      {
        "Rename Computer to Serial",
        "EVENT",
        "Once per computer",
        "3",
        "static:Kiosk Macs",
        "no",
        "1"
      },
      {"Reset Printing System", "USER_INITIATED", "Ongoing", "7", "all", "yes", "2"},
      {"Flush DNS Cache", "USER_INITIATED", "Ongoing", "7", "all", "yes", "4"},
      {"Set Time Server", "CHECKIN", "Once per computer", "5", "all", "no", "6"},
      {"Collect Diagnostics", "USER_INITIATED", "Ongoing", "3", "computers", "yes", "7"},
      {
        "Remove Admin Rights",
        "CHECKIN",
        "Once per computer",
        "2",
        "smart:Engineering Macs",
        "no",
        "8"
      },
      {
        "Install Xcode",
        "USER_INITIATED",
        "Once per computer",
        "6",
        "smart:Engineering Macs",
        "yes",
        "9"
      },
      {
        "Beta Enrollment",
        "CHECKIN",
        "Once per computer",
        "8",
        "static:Pilot - macOS Beta",
        "no",
        "0"
      },
      {
        "Executive Software Bundle",
        "CHECKIN",
        "Once per computer",
        "1",
        "static:Executive Macs",
        "no",
        "0"
      },
      {"Clear Safari Caches", "USER_INITIATED", "Ongoing", "7", "computers", "yes", "10"},
      {
        "Legacy Cleanup (disabled)",
        "CHECKIN",
        "Once per computer",
        "3",
        "smart:Intel Macs",
        "no",
        "0"
      },
      {
        "Re-enroll Stale Macs",
        "CHECKIN",
        "Once every week",
        "3",
        "smart:Not Checked In 30+ Days",
        "no",
        "0"
      }
    };
    List<Policy> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      String[] s = specs[i];
      PolicyScope scope = scope(s[4], smart, statics, computers.size(), List.of());
      int scriptId = Integer.parseInt(s[6]);
      boolean enabled = !s[0].contains("(disabled)");
      String customTrigger =
          s[1].equals("EVENT") ? s[0].toLowerCase(java.util.Locale.ROOT).replace(' ', '_') : "";
      out.add(
          new Policy(
              i + 1,
              s[0],
              enabled,
              s[1].equals("USER_INITIATED") ? "USER_INITIATED" : "EVENT",
              s[1].equals("CHECKIN"),
              customTrigger,
              s[2],
              Integer.parseInt(s[3]),
              scope,
              s[5].equals("yes"),
              scriptId == 0 || scriptId > scripts.size() ? List.of() : List.of(scriptId),
              s[0].equals("Update Inventory")));
    }
    return List.copyOf(out);
  }

  List<ConfigProfile> macProfiles(List<SmartGroup> smart, List<StaticGroup> statics) {
    String[][] specs = {
      {"FileVault Enforcement", "2", "all"},
      {"Application Firewall", "2", "all"},
      {"Wi-Fi - Corporate", "3", "all"},
      {"Privacy Preferences - Zoom", "4", "all"},
      {"Software Update Deferral", "5", "smart:macOS 26 Tahoe"},
      {"Jamf Connect Login", "2", "all"},
      {"Developer Tools Access", "6", "smart:Engineering Macs"},
      {"Kiosk Restrictions", "5", "static:Kiosk Macs"}
    };
    return profiles(specs, false, smart, statics, computers.size());
  }

  List<ConfigProfile> mobileProfiles() {
    String[][] specs = {
      {"Wi-Fi - Corporate", "3", "all"},
      {"Restrictions - Standard", "5", "all"},
      {"Email - Exchange", "4", "all"},
      {"VPN - Always On", "2", "devices"},
      {"Passcode Policy", "2", "all"}
    };
    return profiles(specs, true, List.of(), List.of(), mobileDevices);
  }

  private List<ConfigProfile> profiles(
      String[][] specs,
      boolean mobile,
      List<SmartGroup> smart,
      List<StaticGroup> statics,
      int deviceCount) {
    List<ConfigProfile> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      String[] s = specs[i];
      String kind = s[2].equals("devices") ? "computers" : s[2];
      String identifier =
          (mobile ? "com.acme.ios." : "com.acme.macos.")
              + s[0].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      out.add(
          new ConfigProfile(
              i + 1,
              s[0],
              s[0] + " settings",
              Integer.parseInt(s[1]),
              new UUID(random.nextLong(), random.nextLong())
                  .toString()
                  .toUpperCase(java.util.Locale.ROOT),
              identifier,
              mobile,
              scope(kind, smart, statics, deviceCount, List.of())));
    }
    return List.copyOf(out);
  }

  private PolicyScope scope(
      String kind,
      List<SmartGroup> smart,
      List<StaticGroup> statics,
      int deviceCount,
      List<Integer> excluded) {
    if (kind.equals("all")) {
      return new PolicyScope(true, List.of(), List.of(), excluded);
    }
    if (kind.equals("computers")) {
      return new PolicyScope(
          false, randomIds(Math.min(12, deviceCount), deviceCount), List.of(), excluded);
    }
    String name = kind.substring(kind.indexOf(':') + 1);
    int groupId =
        kind.startsWith("smart:")
            ? smart.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id()
            : statics.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
    return new PolicyScope(false, List.of(), List.of(groupId), excluded);
  }

  private List<Integer> randomComputers(int count) {
    return randomIds(Math.min(count, computers.size()), computers.size());
  }

  private List<Integer> randomIds(int count, int size) {
    TreeSet<Integer> ids = new TreeSet<>();
    while (ids.size() < count) {
      ids.add(1 + random.nextInt(size));
    }
    return List.copyOf(ids);
  }
}
