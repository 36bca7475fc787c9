package dev.jamfmcp.tools.support;

import dev.jamfmcp.mcp.jsonrpc.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way tools take ids (issue #16), so every id argument accepts the same forms:
 *
 * <ul>
 *   <li>a Jamf object (policy, group, profile, script, patch title...): {@link #object}, a string
 *       of digits such as {@code "12"};
 *   <li>a device: {@link #device} or {@link #devices}, a string: {@code computer:<id>}, {@code
 *       mobile:<id>} (the forms results print as {@code ref}), a plain id (of the tool's platform;
 *       a computer where both are accepted), a serial number or an exact name.
 * </ul>
 *
 * Ids are strings, never integers: a type union ({@code ["string","integer"]}) is what the MCP
 * Inspector flags as unportable (SchemaPortabilityTest), and {@code anyOf} would cost context on
 * every listing. {@code IdSchemaRuleTest} fails on any id-like argument not made here.
 *
 * <pre>{@code
 * Schemas.object()
 *     .property("policyId", Ids.object("Jamf policy id, e.g. \"12\""))
 *     .property("deviceIds", Ids.devices(Ids.Platform.ANY, "The devices", 100))
 * }</pre>
 */
public final class Ids {
  /** A Jamf object id: digits only, small enough for the Classic API's integers. */
  public static final String OBJECT_PATTERN = "^[0-9]{1,9}$";

  /** A Jamf site id, or -1 for "no site" (Jamf's own value for it). */
  public static final String SITE_PATTERN = "^(-1|[0-9]{1,9})$";

  /** The ids Jamf gives as UUIDs (managed software update plans). */
  public static final String UUID_PATTERN =
      "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";

  /** The longest device identifier (a name, a serial, a UDID or a prefixed id). */
  public static final int MAX_DEVICE_LENGTH = 200;

  private Ids() {}

  /** Which devices a device argument accepts, and so which forms its description names. */
  public enum Platform {
    /** Macs: {@code computer:<id>} or a plain id. */
    COMPUTER("computer:<id>, a plain id, a serial number or an exact name"),
    /** iPhones, iPads, Apple TVs: {@code mobile:<id>} or a plain id. */
    MOBILE("mobile:<id>, a plain id, a serial number, UDID or exact name"),
    /** Both: a plain id means a computer. */
    ANY("computer:<id>, mobile:<id>, a plain id (a computer), a serial number or an exact name");

    private final String forms;

    Platform(String forms) {
      this.forms = forms;
    }

    /** The accepted forms, as the argument's description ends. */
    public String forms() {
      return forms;
    }
  }

  /** A Jamf object id argument: a string of digits, e.g. {@code "12"}. */
  public static ObjectNode object(String description) {
    return Json.object()
        .put("type", "string")
        .put("pattern", OBJECT_PATTERN)
        .put("description", description);
  }

  /** A Jamf site id argument: digits, or {@code "-1"} for no site. */
  public static ObjectNode site(String description) {
    return Json.object()
        .put("type", "string")
        .put("pattern", SITE_PATTERN)
        .put("description", description);
  }

  /** An id Jamf gives as a UUID, e.g. a managed software update plan's. */
  public static ObjectNode uuid(String description) {
    return Json.object()
        .put("type", "string")
        .put("pattern", UUID_PATTERN)
        .put("description", description);
  }

  /** One device: {@code what} (e.g. "The Mac") followed by the forms the platform accepts. */
  public static ObjectNode device(Platform platform, String what) {
    return deviceString().put("description", what + ": " + platform.forms());
  }

  /** 1..maxItems devices, each in any form the platform accepts. */
  public static ObjectNode devices(Platform platform, String what, int maxItems) {
    ObjectNode array =
        Json.object()
            .put("type", "array")
            .put("minItems", 1)
            .put("maxItems", maxItems)
            .put("description", what + ": " + platform.forms());
    array.set("items", deviceString());
    return array;
  }

  private static ObjectNode deviceString() {
    return Json.object()
        .put("type", "string")
        .put("minLength", 1)
        .put("maxLength", MAX_DEVICE_LENGTH);
  }

  /** The Jamf id named by {@code computer:<id>} or a plain id; null for other forms. */
  public static String computerId(String identifier) {
    return idOf(identifier, "computer:");
  }

  /** The Jamf id named by {@code mobile:<id>} or a plain id; null for other forms. */
  public static String mobileId(String identifier) {
    return idOf(identifier, "mobile:");
  }

  /** True for {@code computer:<id>} or {@code mobile:<id>} of the other platform than given. */
  public static boolean otherPlatform(String identifier, Platform platform) {
    String value = identifier.trim();
    return switch (platform) {
      case COMPUTER -> idAfter(value, "mobile:") != null;
      case MOBILE -> idAfter(value, "computer:") != null;
      case ANY -> false;
    };
  }

  private static String idOf(String identifier, String prefix) {
    String value = identifier.trim();
    String prefixed = idAfter(value, prefix);
    if (prefixed != null) {
      return prefixed;
    }
    return value.matches("[0-9]{1,18}") ? canonical(value) : null;
  }

  private static String idAfter(String value, String prefix) {
    if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return null;
    }
    String rest = value.substring(prefix.length()).trim();
    return rest.matches("[0-9]{1,18}") ? canonical(rest) : null;
  }

  /** Without leading zeros, as Jamf prints ids. */
  private static String canonical(String digits) {
    String stripped = digits.replaceFirst("^0+(?=.)", "");
    return stripped;
  }
}
