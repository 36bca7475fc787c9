package dev.jamfmcp.jamf.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request the client can send, checked against the Jamf Pro 11.30.1 API description by {@code
 * EndpointContractTest}. Add an operation here first; the test then keeps it honest.
 */
public final class Endpoints {

  // Privilege names, as Jamf Pro's API roles spell them.
  private static final String READ_COMPUTERS = "Read Computers";
  private static final String READ_SMART_GROUPS = "Read Smart Computer Groups";
  private static final String READ_STATIC_GROUPS = "Read Static Computer Groups";
  private static final String VIEW_MDM_COMMANDS = "View MDM command information in Jamf Pro API";
  // Classic API, by hand from Jamf's privilege list (object CRUD privileges and the "Flush Policy
  // Logs" server action); the Classic swagger names none.
  private static final String READ_POLICIES = "Read Policies";
  private static final String FLUSH_POLICY_LOGS = "Flush Policy Logs";
  private static final String READ_MAC_PROFILES = "Read macOS Configuration Profiles";
  private static final String READ_MOBILE_PROFILES = "Read iOS Configuration Profiles";

  // Authentication. POST /api/oauth/token is the path Jamf's guides use; the schema only
  // declares /api/v1/oauth/token, which is the fallback on 404.
  public static final Endpoint OAUTH_TOKEN = token("/api/oauth/token");
  public static final Endpoint OAUTH_TOKEN_V1 = token("/api/v1/oauth/token");
  public static final Endpoint AUTH_TOKEN = token("/api/v1/auth/token");
  public static final Endpoint AUTH_KEEP_ALIVE = post("/api/v1/auth/keep-alive");

  public static final Endpoint JAMF_PRO_VERSION = get("/api/v1/jamf-pro-version");

  // Computer inventory: v4 since Jamf Pro 11.30 (which deprecates v3, x-deprecation-date
  // 2026-07-14); v3 is the fallback for older servers (see ApiGenerations).
  public static final Endpoint COMPUTERS_INVENTORY =
      get("/api/v4/computers-inventory").privileges(READ_COMPUTERS);
  public static final Endpoint COMPUTER_DETAIL =
      get("/api/v4/computers-inventory-detail/{id}").privileges(READ_COMPUTERS);
  public static final Endpoint COMPUTERS_INVENTORY_V3 =
      get("/api/v3/computers-inventory").markedDeprecated().privileges(READ_COMPUTERS);
  public static final Endpoint COMPUTER_DETAIL_V3 =
      get("/api/v3/computers-inventory-detail/{id}").markedDeprecated().privileges(READ_COMPUTERS);

  // Secrets of a Mac, read only after a person approved (tools.secrets).
  public static final Endpoint COMPUTER_FILEVAULT =
      get("/api/v4/computers-inventory/{id}/filevault")
          .privileges("View Disk Encryption Recovery Key");
  public static final Endpoint COMPUTER_DEVICE_LOCK_PIN =
      get("/api/v4/computers-inventory/{id}/view-device-lock-pin")
          .privileges("View Computer Device Lock Pin");
  // Older servers (below 11.30) have the same reads under v3.
  public static final Endpoint COMPUTER_FILEVAULT_V3 =
      get("/api/v3/computers-inventory/{id}/filevault")
          .markedDeprecated()
          .privileges("View Disk Encryption Recovery Key");
  public static final Endpoint COMPUTER_DEVICE_LOCK_PIN_V3 =
      get("/api/v3/computers-inventory/{id}/view-device-lock-pin")
          .markedDeprecated()
          .privileges("View Computer Device Lock Pin");
  public static final Endpoint LAPS_SETTINGS =
      get("/api/v2/local-admin-password/settings")
          .privileges("Read User-Initiated Enrollment", "Update Local Admin Password Settings");
  public static final Endpoint LAPS_ACCOUNTS =
      get("/api/v2/local-admin-password/{clientManagementId}/accounts")
          .privileges("View Local Admin Password");
  public static final Endpoint LAPS_PASSWORD =
      get("/api/v2/local-admin-password/{clientManagementId}/account/{username}/password")
          .privileges("View Local Admin Password");

  public static final Endpoint MOBILE_DEVICES =
      get("/api/v2/mobile-devices").privileges("Read Mobile Devices");
  public static final Endpoint MOBILE_DEVICES_DETAIL =
      get("/api/v2/mobile-devices/detail").privileges("Read Mobile Devices");
  public static final Endpoint MOBILE_DEVICE_DETAIL =
      get("/api/v2/mobile-devices/{id}/detail").privileges("Read Mobile Devices");

  public static final Endpoint DEPARTMENTS =
      get("/api/v1/departments").privileges("Read Departments");
  public static final Endpoint BUILDINGS = get("/api/v1/buildings").privileges("Read Buildings");
  public static final Endpoint CATEGORIES =
      get("/api/v1/categories").privileges("Read Categories", "Read Self Service");

  public static final Endpoint SCRIPTS = get("/api/v1/scripts").privileges("Read Scripts");
  public static final Endpoint SCRIPT = get("/api/v1/scripts/{id}").privileges("Read Scripts");

  // Computer groups: v3 since Jamf Pro 11.28 (which deprecates v2, 2026-05-28); v2 is the
  // fallback for older servers.
  public static final Endpoint SMART_GROUPS =
      get("/api/v3/computer-groups/smart-groups").privileges(READ_SMART_GROUPS);
  public static final Endpoint SMART_GROUP_MEMBERSHIP =
      get("/api/v3/computer-groups/smart-group-membership/{id}").privileges(READ_SMART_GROUPS);
  public static final Endpoint STATIC_GROUPS =
      get("/api/v3/computer-groups/static-groups").privileges(READ_STATIC_GROUPS);
  public static final Endpoint STATIC_GROUP =
      get("/api/v3/computer-groups/static-groups/{id}").privileges(READ_STATIC_GROUPS);
  public static final Endpoint STATIC_GROUP_ASSIGN =
      new Endpoint("PUT", "/api/v3/computer-groups/static-groups/{id}", true)
          .privileges("Update Static Computer Groups");
  public static final Endpoint SMART_GROUPS_V2 =
      get("/api/v2/computer-groups/smart-groups").markedDeprecated().privileges(READ_SMART_GROUPS);
  public static final Endpoint SMART_GROUP_MEMBERSHIP_V2 =
      get("/api/v2/computer-groups/smart-group-membership/{id}")
          .markedDeprecated()
          .privileges(READ_SMART_GROUPS);
  public static final Endpoint STATIC_GROUPS_V2 =
      get("/api/v2/computer-groups/static-groups")
          .markedDeprecated()
          .privileges(READ_STATIC_GROUPS);
  public static final Endpoint STATIC_GROUP_V2 =
      get("/api/v2/computer-groups/static-groups/{id}")
          .markedDeprecated()
          .privileges(READ_STATIC_GROUPS);
  public static final Endpoint STATIC_GROUP_ASSIGN_V2 =
      new Endpoint("PUT", "/api/v2/computer-groups/static-groups/{id}", true)
          .markedDeprecated()
          .privileges("Update Static Computer Groups");
  // The Pro API has no read of a static group's members; the Classic group record lists them.
  // Classic privileges below are mapped by hand (the Classic swagger declares none).
  public static final Endpoint CLASSIC_COMPUTER_GROUP =
      get("/JSSResource/computergroups/id/{id}").privileges(READ_STATIC_GROUPS);

  public static final Endpoint MDM_COMMANDS =
      get("/api/v2/mdm/commands").privileges(VIEW_MDM_COMMANDS);
  public static final Endpoint MDM_SEND_COMMAND =
      post("/api/v2/mdm/commands").privileges(VIEW_MDM_COMMANDS);
  public static final Endpoint MDM_BLANK_PUSH =
      post("/api/v2/mdm/blank-push").privileges(VIEW_MDM_COMMANDS);
  // Classic: the only API that clears failed or pending commands (a Jamf Pro server action).
  public static final Endpoint COMMAND_FLUSH =
      new Endpoint("DELETE", "/JSSResource/commandflush/{idtype}/id/{id}/status/{status}", true)
          .privileges("Flush MDM Commands");

  public static final Endpoint PATCH_TITLES =
      get("/api/v3/patch-software-title-configurations")
          .privileges("Read Patch Management Software Titles");

  public static final Endpoint POLICIES = get("/JSSResource/policies").privileges(READ_POLICIES);
  public static final Endpoint POLICY =
      get("/JSSResource/policies/id/{id}").privileges(READ_POLICIES);
  public static final Endpoint POLICY_UPDATE =
      new Endpoint("PUT", "/JSSResource/policies/id/{id}", true).privileges("Update Policies");
  public static final Endpoint POLICIES_BY_CATEGORY =
      get("/JSSResource/policies/category/{category}").privileges(READ_POLICIES);
  public static final Endpoint POLICY_LOG_FLUSH =
      new Endpoint("DELETE", "/JSSResource/logflush/policy/id/{id}/interval/{interval}", true)
          .privileges(FLUSH_POLICY_LOGS);
  // Flushing for chosen computers only takes an XML body on the bare path.
  public static final Endpoint LOG_FLUSH =
      new Endpoint("DELETE", "/JSSResource/logflush", true).privileges(FLUSH_POLICY_LOGS);
  public static final Endpoint MAC_PROFILES =
      get("/JSSResource/osxconfigurationprofiles").privileges(READ_MAC_PROFILES);
  public static final Endpoint MAC_PROFILE =
      get("/JSSResource/osxconfigurationprofiles/id/{id}").privileges(READ_MAC_PROFILES);
  public static final Endpoint MOBILE_PROFILES =
      get("/JSSResource/mobiledeviceconfigurationprofiles").privileges(READ_MOBILE_PROFILES);
  public static final Endpoint MOBILE_PROFILE =
      get("/JSSResource/mobiledeviceconfigurationprofiles/id/{id}")
          .privileges(READ_MOBILE_PROFILES);

  // Reads of jamf.inventory and patch status (issue 16, point 5).
  public static final Endpoint PACKAGES = get("/api/v1/packages").privileges("Read Packages");
  public static final Endpoint SITES = get("/api/v1/sites").privileges("Read Sites");
  public static final Endpoint USERS = get("/api/v1/users").privileges("Read User");
  public static final Endpoint COMPUTER_PRESTAGES =
      get("/api/v3/computer-prestages").privileges("Read Computer PreStage Enrollments");
  public static final Endpoint MOBILE_PRESTAGES =
      get("/api/v3/mobile-device-prestages").privileges("Read Mobile Device PreStage Enrollments");
  public static final Endpoint COMPUTER_EXTENSION_ATTRIBUTES =
      get("/api/v1/computer-extension-attributes").privileges("Read Computer Extension Attributes");
  public static final Endpoint MOBILE_EXTENSION_ATTRIBUTES =
      get("/api/v1/mobile-device-extension-attributes")
          .privileges("Read Mobile Device Extension Attributes");
  public static final Endpoint MOBILE_STATIC_GROUPS =
      get("/api/v2/mobile-device-groups/static-groups")
          .privileges("Read Static Mobile Device Groups");
  public static final Endpoint MOBILE_SMART_GROUPS =
      get("/api/v2/mobile-device-groups/smart-groups")
          .privileges("Read Smart Mobile Device Groups");
  public static final Endpoint MOBILE_SMART_GROUP_DETAIL =
      get("/api/v2/mobile-device-groups/smart-groups/{id}")
          .privileges("Read Smart Mobile Device Groups");
  public static final Endpoint MOBILE_STATIC_GROUP_MEMBERS =
      get("/api/v2/mobile-device-groups/static-group-membership/{id}")
          .privileges("Read Static Mobile Device Groups", "Read Mobile Devices");
  public static final Endpoint MOBILE_SMART_GROUP_MEMBERS =
      get("/api/v2/mobile-device-groups/smart-group-membership/{id}")
          .privileges("Read Smart Mobile Device Groups", "Read Mobile Devices");
  public static final Endpoint SMART_GROUP_DETAIL =
      get("/api/v3/computer-groups/smart-groups/{id}").privileges("Read Smart Computer Groups");
  public static final Endpoint SMART_GROUP_DETAIL_V2 =
      get("/api/v2/computer-groups/smart-groups/{id}")
          .markedDeprecated()
          .privileges("Read Smart Computer Groups");
  // Smart group writes: computer v3 since Jamf Pro 11.28 (v2 before, deprecated 2026-05-28),
  // mobile v2 (v1 deprecated).
  public static final Endpoint SMART_GROUP_CREATE =
      post("/api/v3/computer-groups/smart-groups").privileges("Create Smart Computer Groups");
  public static final Endpoint SMART_GROUP_UPDATE =
      new Endpoint("PUT", "/api/v3/computer-groups/smart-groups/{id}", true)
          .privileges("Update Smart Computer Groups");
  public static final Endpoint SMART_GROUP_CREATE_V2 =
      post("/api/v2/computer-groups/smart-groups")
          .markedDeprecated()
          .privileges("Create Smart Computer Groups");
  public static final Endpoint SMART_GROUP_UPDATE_V2 =
      new Endpoint("PUT", "/api/v2/computer-groups/smart-groups/{id}", true)
          .markedDeprecated()
          .privileges("Update Smart Computer Groups");
  public static final Endpoint MOBILE_SMART_GROUP_CREATE =
      post("/api/v2/mobile-device-groups/smart-groups")
          .privileges("Create Smart Mobile Device Groups");
  public static final Endpoint MOBILE_SMART_GROUP_UPDATE =
      new Endpoint("PUT", "/api/v2/mobile-device-groups/smart-groups/{id}", true)
          .privileges("Update Smart Mobile Device Groups");
  public static final Endpoint PATCH_VERSIONS =
      get("/api/v3/patch-software-title-configurations/{id}/patch-summary/versions")
          .privileges("Read Patch Management Software Titles");
  public static final Endpoint PATCH_REPORT =
      get("/api/v3/patch-software-title-configurations/{id}/patch-report")
          .privileges("Read Patch Management Software Titles");
  // The Pro API lists neither App Store apps nor device history; Classic does.
  public static final Endpoint CLASSIC_MAC_APPS =
      get("/JSSResource/macapplications").privileges("Read Mac Applications");
  public static final Endpoint CLASSIC_MOBILE_APPS =
      get("/JSSResource/mobiledeviceapplications").privileges("Read Mobile Device Apps");
  public static final Endpoint CLASSIC_COMPUTER_HISTORY =
      get("/JSSResource/computerhistory/id/{id}").privileges("Read Computers");
  public static final Endpoint CLASSIC_MOBILE_HISTORY =
      get("/JSSResource/mobiledevicehistory/id/{id}").privileges("Read Mobile Devices");

  // PreStage enrollment scopes (which serial numbers a PreStage holds; issue 16, point 5). A
  // serial is in at most one PreStage of its kind; the writes carry the scope's versionLock.
  public static final Endpoint COMPUTER_PRESTAGE_SCOPES =
      get("/api/v2/computer-prestages/scope").privileges("Read Computer PreStage Enrollments");
  public static final Endpoint COMPUTER_PRESTAGE_SCOPE =
      get("/api/v2/computer-prestages/{id}/scope").privileges("Read Computer PreStage Enrollments");
  public static final Endpoint COMPUTER_PRESTAGE_SCOPE_ADD =
      post("/api/v2/computer-prestages/{id}/scope")
          .privileges("Update Computer PreStage Enrollments");
  public static final Endpoint COMPUTER_PRESTAGE_SCOPE_REMOVE =
      post("/api/v2/computer-prestages/{id}/scope/delete-multiple")
          .privileges("Update Computer PreStage Enrollments");
  public static final Endpoint MOBILE_PRESTAGE_SCOPES =
      get("/api/v2/mobile-device-prestages/scope")
          .privileges("Read Mobile Device PreStage Enrollments");
  public static final Endpoint MOBILE_PRESTAGE_SCOPE =
      get("/api/v2/mobile-device-prestages/{id}/scope")
          .privileges("Read Mobile Device PreStage Enrollments");
  public static final Endpoint MOBILE_PRESTAGE_SCOPE_ADD =
      post("/api/v2/mobile-device-prestages/{id}/scope")
          .privileges("Update Mobile Device PreStage Enrollments");
  public static final Endpoint MOBILE_PRESTAGE_SCOPE_REMOVE =
      post("/api/v2/mobile-device-prestages/{id}/scope/delete-multiple")
          .privileges("Update Mobile Device PreStage Enrollments");
  // Managed software updates (issue 16, point 5): plans, their toggle, statuses, OS versions.
  private static final String READ_MSU = "Read Managed Software Updates";
  private static final String MSU = "/api/v1/managed-software-updates";
  private static final String[] CREATE_MSU = {
    "Create Managed Software Updates",
    "Read Computers",
    "Read Mobile Devices",
    "Send Computer Remote Command to Download and Install OS X Update",
    "Send Mobile Device Remote Command to Download and Install iOS Update"
  };
  public static final Endpoint SOFTWARE_UPDATES_AVAILABLE = get(MSU + "/available-updates");
  public static final Endpoint SOFTWARE_UPDATE_TOGGLE =
      get(MSU + "/plans/feature-toggle").privileges(READ_MSU);
  public static final Endpoint SOFTWARE_UPDATE_PLANS =
      get(MSU + "/plans").privileges(READ_MSU, "Read Computers", "Read Mobile Devices");
  public static final Endpoint SOFTWARE_UPDATE_PLAN =
      get(MSU + "/plans/{id}").privileges(READ_MSU, "Read Computers", "Read Mobile Devices");
  public static final Endpoint SOFTWARE_UPDATE_GROUP_PLANS =
      get(MSU + "/plans/group/{id}")
          .privileges(
              READ_MSU,
              "Read Computers",
              READ_SMART_GROUPS,
              READ_STATIC_GROUPS,
              "Read Mobile Devices",
              "Read Smart Mobile Device Groups",
              "Read Static Mobile Device Groups");
  public static final Endpoint SOFTWARE_UPDATE_STATUSES =
      get(MSU + "/update-statuses").privileges("Read Computers", "Read Mobile Devices");
  public static final Endpoint SOFTWARE_UPDATE_STATUSES_COMPUTER =
      get(MSU + "/update-statuses/computers/{id}").privileges("Read Computers");
  public static final Endpoint SOFTWARE_UPDATE_STATUSES_MOBILE =
      get(MSU + "/update-statuses/mobile-devices/{id}").privileges("Read Mobile Devices");
  public static final Endpoint SOFTWARE_UPDATE_STATUSES_COMPUTER_GROUP =
      get(MSU + "/update-statuses/computer-groups/{id}")
          .privileges("Read Computers", READ_SMART_GROUPS, READ_STATIC_GROUPS);
  public static final Endpoint SOFTWARE_UPDATE_STATUSES_MOBILE_GROUP =
      get(MSU + "/update-statuses/mobile-device-groups/{id}")
          .privileges(
              "Read Mobile Devices",
              "Read Smart Mobile Device Groups",
              "Read Static Mobile Device Groups");
  public static final Endpoint SOFTWARE_UPDATE_PLAN_CREATE =
      post(MSU + "/plans").privileges(CREATE_MSU);
  public static final Endpoint SOFTWARE_UPDATE_GROUP_PLAN_CREATE =
      post(MSU + "/plans/group")
          .privileges(
              "Create Managed Software Updates",
              "Read Computers",
              "Read Mobile Devices",
              READ_SMART_GROUPS,
              READ_STATIC_GROUPS,
              "Read Smart Mobile Device Groups",
              "Read Static Mobile Device Groups",
              "Send Computer Remote Command to Download and Install OS X Update",
              "Send Mobile Device Remote Command to Download and Install iOS Update");

  private Endpoints() {}

  /** The whole catalogue, read reflectively so that no endpoint can be left out of the list. */
  public static List<Endpoint> all() {
    List<Endpoint> all = new ArrayList<>();
    for (Field field : Endpoints.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Endpoint.class) {
        try {
          all.add((Endpoint) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(all);
  }

  private static Endpoint get(String template) {
    return new Endpoint("GET", template, true);
  }

  private static Endpoint post(String template) {
    return new Endpoint("POST", template, true);
  }

  private static Endpoint token(String template) {
    return new Endpoint("POST", template, false);
  }
}
