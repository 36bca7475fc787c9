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

  // Authentication. POST /api/oauth/token is the path Jamf's guides use; the schema only
  // declares /api/v1/oauth/token, which is the fallback on 404.
  public static final Endpoint OAUTH_TOKEN = token("/api/oauth/token");
  public static final Endpoint OAUTH_TOKEN_V1 = token("/api/v1/oauth/token");
  public static final Endpoint AUTH_TOKEN = token("/api/v1/auth/token");
  public static final Endpoint AUTH_KEEP_ALIVE = post("/api/v1/auth/keep-alive");

  public static final Endpoint JAMF_PRO_VERSION = get("/api/v1/jamf-pro-version");

  // Jamf Pro 11.30.1 deprecates the v3 computer inventory (x-deprecation-date 2026-07-14) in
  // favour of /api/v4/computers-inventory; the client still reads v3, as the simulator serves it.
  public static final Endpoint COMPUTERS_INVENTORY =
      get("/api/v3/computers-inventory").markedDeprecated();
  public static final Endpoint COMPUTER_DETAIL =
      get("/api/v3/computers-inventory-detail/{id}").markedDeprecated();

  public static final Endpoint MOBILE_DEVICES = get("/api/v2/mobile-devices");
  public static final Endpoint MOBILE_DEVICES_DETAIL = get("/api/v2/mobile-devices/detail");
  public static final Endpoint MOBILE_DEVICE_DETAIL = get("/api/v2/mobile-devices/{id}/detail");

  public static final Endpoint DEPARTMENTS = get("/api/v1/departments");
  public static final Endpoint BUILDINGS = get("/api/v1/buildings");
  public static final Endpoint CATEGORIES = get("/api/v1/categories");

  public static final Endpoint SCRIPTS = get("/api/v1/scripts");
  public static final Endpoint SCRIPT = get("/api/v1/scripts/{id}");

  public static final Endpoint SMART_GROUPS = get("/api/v3/computer-groups/smart-groups");
  public static final Endpoint SMART_GROUP_MEMBERSHIP =
      get("/api/v3/computer-groups/smart-group-membership/{id}");
  public static final Endpoint STATIC_GROUPS = get("/api/v3/computer-groups/static-groups");
  public static final Endpoint STATIC_GROUP = get("/api/v3/computer-groups/static-groups/{id}");
  public static final Endpoint STATIC_GROUP_ASSIGN =
      new Endpoint("PUT", "/api/v3/computer-groups/static-groups/{id}", true);
  // The Pro API has no read of a static group's members; the Classic group record lists them.
  public static final Endpoint CLASSIC_COMPUTER_GROUP = get("/JSSResource/computergroups/id/{id}");

  public static final Endpoint MDM_COMMANDS = get("/api/v2/mdm/commands");
  public static final Endpoint MDM_SEND_COMMAND = post("/api/v2/mdm/commands");
  public static final Endpoint MDM_BLANK_PUSH = post("/api/v2/mdm/blank-push");

  public static final Endpoint PATCH_TITLES = get("/api/v3/patch-software-title-configurations");

  public static final Endpoint POLICIES = get("/JSSResource/policies");
  public static final Endpoint POLICY = get("/JSSResource/policies/id/{id}");
  public static final Endpoint POLICY_UPDATE =
      new Endpoint("PUT", "/JSSResource/policies/id/{id}", true);
  public static final Endpoint POLICIES_BY_CATEGORY =
      get("/JSSResource/policies/category/{category}");
  public static final Endpoint POLICY_LOG_FLUSH =
      new Endpoint("DELETE", "/JSSResource/logflush/policy/id/{id}/interval/{interval}", true);
  // Flushing for chosen computers only takes an XML body on the bare path.
  public static final Endpoint LOG_FLUSH = new Endpoint("DELETE", "/JSSResource/logflush", true);
  public static final Endpoint MAC_PROFILES = get("/JSSResource/osxconfigurationprofiles");
  public static final Endpoint MAC_PROFILE = get("/JSSResource/osxconfigurationprofiles/id/{id}");
  public static final Endpoint MOBILE_PROFILES =
      get("/JSSResource/mobiledeviceconfigurationprofiles");
  public static final Endpoint MOBILE_PROFILE =
      get("/JSSResource/mobiledeviceconfigurationprofiles/id/{id}");

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
