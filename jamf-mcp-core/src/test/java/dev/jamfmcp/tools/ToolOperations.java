package dev.jamfmcp.tools;

import static dev.jamfmcp.jamf.internal.Endpoints.*;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.internal.Endpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Jamf operations each tool can call: the one place a tool declares them. A new tool adds a
 * line here (ToolOperationsTest fails without one, and fails when the tool, run on the simulator,
 * sends an operation not listed). docs/JAMF-PRIVILEGES.md is generated from this table and the
 * privileges each {@link Endpoint} carries.
 *
 * <p>It lives with the tests because the tools may not depend on the client's internal endpoint
 * catalogue (CoreArchitectureTest), and nothing at run time needs it.
 */
final class ToolOperations {
  private ToolOperations() {}

  // Mac inventory: v4, or v3 on servers before 11.30 (the client chooses at start).
  private static final List<Endpoint> MACS = List.of(COMPUTERS_INVENTORY, COMPUTERS_INVENTORY_V3);
  private static final List<Endpoint> ORG = List.of(DEPARTMENTS, BUILDINGS);
  // Computer groups: v3, or v2 on servers before 11.28.
  private static final List<Endpoint> GROUP_LISTS =
      List.of(SMART_GROUPS, SMART_GROUPS_V2, STATIC_GROUPS, STATIC_GROUPS_V2);
  private static final List<Endpoint> GROUP_MEMBERS =
      List.of(SMART_GROUP_MEMBERSHIP, SMART_GROUP_MEMBERSHIP_V2, CLASSIC_COMPUTER_GROUP);

  // Smart group writes: the name check reads every group list of the platform, the counts the
  // membership.
  private static final List<Endpoint> SMART_GROUP_NAMES =
      ops(GROUP_LISTS, List.of(MOBILE_SMART_GROUPS, MOBILE_STATIC_GROUPS));
  private static final List<Endpoint> SMART_GROUP_COUNTS =
      List.of(SMART_GROUP_MEMBERSHIP, SMART_GROUP_MEMBERSHIP_V2, MOBILE_SMART_GROUP_MEMBERS);

  /** Tool name to the operations it can send, fallbacks for older servers included. */
  static final Map<String, List<Endpoint>> DECLARED = table();

  private static Map<String, List<Endpoint>> table() {
    Map<String, List<Endpoint>> t = new TreeMap<>();
    // DEVICES
    t.put("searchDevices", ops(MACS, ORG, List.of(SITES)));
    t.put("getDeviceDetails", ops(MACS, ORG));
    t.put("checkDeviceCompliance", ops(MACS, ORG));
    t.put("checkComplianceBaseline", ops(MACS, ORG, List.of(MOBILE_DEVICES_DETAIL)));
    t.put("getFleetOverview", ops(MACS, ORG));
    t.put("getSecurityPosture", ops(MACS, ORG));
    // MOBILE
    t.put("searchMobileDevices", ops(ORG, List.of(MOBILE_DEVICES_DETAIL, SITES)));
    t.put("getMobileDeviceDetails", ops(ORG, List.of(MOBILE_DEVICES_DETAIL, MOBILE_DEVICE_DETAIL)));
    // POLICIES
    t.put("listPolicies", List.of(POLICIES, POLICIES_BY_CATEGORY));
    t.put("getPolicyDetails", List.of(POLICIES, POLICY));
    t.put("executePolicy", ops(MACS, List.of(POLICIES, POLICY, LOG_FLUSH, MDM_BLANK_PUSH)));
    t.put("setPolicyEnabled", List.of(POLICIES, POLICY, POLICY_UPDATE));
    // PROFILES
    t.put("listConfigurationProfiles", List.of(MAC_PROFILES, MOBILE_PROFILES));
    t.put("getConfigurationProfileDetails", List.of(MAC_PROFILE, MOBILE_PROFILE));
    // SCRIPTS
    t.put("listScripts", List.of(SCRIPTS));
    t.put("getScriptDetails", List.of(SCRIPT));
    // GROUPS
    t.put("listComputerGroups", GROUP_LISTS);
    t.put("getComputerGroupMembers", ops(MACS, GROUP_MEMBERS));
    t.put(
        "getSmartGroupCriteria",
        List.of(SMART_GROUP_DETAIL, SMART_GROUP_DETAIL_V2, MOBILE_SMART_GROUP_DETAIL));
    t.put(
        "setStaticGroupMembership",
        ops(
            MACS,
            List.of(
                STATIC_GROUP,
                STATIC_GROUP_V2,
                CLASSIC_COMPUTER_GROUP,
                STATIC_GROUP_ASSIGN,
                STATIC_GROUP_ASSIGN_V2)));
    t.put(
        "createSmartGroup",
        ops(
            SMART_GROUP_NAMES,
            SMART_GROUP_COUNTS,
            List.of(SMART_GROUP_CREATE, SMART_GROUP_CREATE_V2, MOBILE_SMART_GROUP_CREATE)));
    t.put(
        "updateSmartGroup",
        ops(
            SMART_GROUP_NAMES,
            SMART_GROUP_COUNTS,
            List.of(
                SMART_GROUP_DETAIL,
                SMART_GROUP_DETAIL_V2,
                MOBILE_SMART_GROUP_DETAIL,
                SMART_GROUP_UPDATE,
                SMART_GROUP_UPDATE_V2,
                MOBILE_SMART_GROUP_UPDATE)));
    // MDM
    t.put("listMdmCommands", ops(MACS, List.of(MOBILE_DEVICES_DETAIL, MDM_COMMANDS)));
    t.put(
        "sendMdmCommand",
        ops(MACS, List.of(MOBILE_DEVICES_DETAIL, MOBILE_DEVICE_DETAIL, MDM_SEND_COMMAND)));
    t.put(
        "updateInventory",
        ops(MACS, List.of(MOBILE_DEVICES_DETAIL, MDM_SEND_COMMAND, MDM_BLANK_PUSH)));
    t.put("flushMdmCommands", ops(MACS, List.of(MOBILE_DEVICES_DETAIL, COMMAND_FLUSH)));
    // PATCH
    t.put("listPatchTitles", List.of(PATCH_TITLES));
    t.put("getPatchStatus", List.of(PATCH_TITLES, PATCH_VERSIONS, PATCH_REPORT));
    // INVENTORY
    t.put("findComputersBySoftware", MACS);
    t.put(
        "getDeviceHistory",
        ops(
            MACS,
            List.of(MOBILE_DEVICES_DETAIL, CLASSIC_COMPUTER_HISTORY, CLASSIC_MOBILE_HISTORY)));
    t.put(
        "listJamfObjects",
        List.of(
            PACKAGES,
            SITES,
            USERS,
            COMPUTER_PRESTAGES,
            MOBILE_PRESTAGES,
            COMPUTER_EXTENSION_ATTRIBUTES,
            MOBILE_EXTENSION_ATTRIBUTES,
            CLASSIC_MAC_APPS,
            CLASSIC_MOBILE_APPS,
            MOBILE_STATIC_GROUPS,
            MOBILE_SMART_GROUPS,
            MOBILE_STATIC_GROUP_MEMBERS,
            MOBILE_SMART_GROUP_MEMBERS,
            CATEGORIES));
    // ENROLLMENT: devices are resolved (inventory, both kinds) to serial numbers
    t.put(
        "assignPrestage",
        ops(
            MACS,
            List.of(
                MOBILE_DEVICES_DETAIL,
                COMPUTER_PRESTAGES,
                MOBILE_PRESTAGES,
                COMPUTER_PRESTAGE_SCOPE,
                COMPUTER_PRESTAGE_SCOPES,
                COMPUTER_PRESTAGE_SCOPE_ADD,
                COMPUTER_PRESTAGE_SCOPE_REMOVE,
                MOBILE_PRESTAGE_SCOPE,
                MOBILE_PRESTAGE_SCOPES,
                MOBILE_PRESTAGE_SCOPE_ADD,
                MOBILE_PRESTAGE_SCOPE_REMOVE)));
    // CHATGPT
    t.put(
        "search",
        ops(
            MACS,
            GROUP_LISTS,
            List.of(MOBILE_DEVICES_DETAIL, POLICIES, MAC_PROFILES, MOBILE_PROFILES, SCRIPTS)));
    t.put(
        "fetch",
        ops(
            MACS,
            ORG,
            GROUP_MEMBERS,
            List.of(
                MOBILE_DEVICES_DETAIL,
                MOBILE_DEVICE_DETAIL,
                POLICY,
                MAC_PROFILE,
                MOBILE_PROFILE,
                SCRIPT,
                SMART_GROUPS,
                SMART_GROUPS_V2,
                STATIC_GROUP,
                STATIC_GROUP_V2)));
    // SECRETS
    t.put("getLapsSettings", List.of(LAPS_SETTINGS));
    t.put("revealFileVaultKey", ops(MACS, List.of(COMPUTER_FILEVAULT, COMPUTER_FILEVAULT_V3)));
    t.put(
        "revealDeviceLockPin",
        ops(MACS, List.of(COMPUTER_DEVICE_LOCK_PIN, COMPUTER_DEVICE_LOCK_PIN_V3)));
    t.put("revealLapsPassword", ops(MACS, List.of(LAPS_PASSWORD)));
    // UPDATES
    t.put(
        "getSoftwareUpdateStatus",
        ops(
            MACS,
            List.of(
                MOBILE_DEVICES_DETAIL,
                SOFTWARE_UPDATE_TOGGLE,
                SOFTWARE_UPDATES_AVAILABLE,
                SOFTWARE_UPDATE_PLANS,
                SOFTWARE_UPDATE_PLAN,
                SOFTWARE_UPDATE_GROUP_PLANS,
                SOFTWARE_UPDATE_STATUSES,
                SOFTWARE_UPDATE_STATUSES_COMPUTER,
                SOFTWARE_UPDATE_STATUSES_MOBILE,
                SOFTWARE_UPDATE_STATUSES_COMPUTER_GROUP,
                SOFTWARE_UPDATE_STATUSES_MOBILE_GROUP)));
    t.put(
        "createSoftwareUpdatePlan",
        ops(
            MACS,
            List.of(
                MOBILE_DEVICES_DETAIL,
                SOFTWARE_UPDATE_TOGGLE,
                SOFTWARE_UPDATES_AVAILABLE,
                SOFTWARE_UPDATE_PLAN_CREATE,
                SOFTWARE_UPDATE_GROUP_PLAN_CREATE)));
    return Map.copyOf(t);
  }

  @SafeVarargs
  private static List<Endpoint> ops(List<Endpoint>... parts) {
    List<Endpoint> all = new ArrayList<>();
    for (List<Endpoint> part : parts) {
      part.stream().filter(e -> !all.contains(e)).forEach(all::add);
    }
    return List.copyOf(all);
  }

  /** Every tool of the registry with its toolset. */
  static List<ToolsMarkdown.Entry> registry(JamfClient jamf) {
    byte[] key = new byte[32];
    List<ToolsMarkdown.Entry> entries = new ArrayList<>();
    for (Toolset toolset : Toolset.values()) {
      JamfTools.create(jamf, s -> s.toolsets(EnumSet.of(toolset)).confirmationKey(key))
          .tools()
          .forEach(t -> entries.add(new ToolsMarkdown.Entry(toolset, t)));
    }
    return entries;
  }
}
