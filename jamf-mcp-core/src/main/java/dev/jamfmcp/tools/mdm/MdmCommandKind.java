package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every {@code commandType} of {@code POST /api/v2/mdm/commands} in Jamf Pro 11.30.1, as
 * sendMdmCommand offers it: its approval class (issue #14: erase, lock, Lost Mode, clear passcode,
 * restart, shut down and whatever sets or reveals a secret or a person's whereabouts are {@code
 * approve}; what changes a device reversibly is {@code confirm}; commands that only make the device
 * report to Jamf are {@code none}), the devices it applies to, its options (named as the contract's
 * {@code commandData} fields, except Lost Mode's), and what the user must be told before it runs.
 */
enum MdmCommandKind {
  LOCK(
      "lock",
      ApprovalClass.APPROVE,
      "DEVICE_LOCK",
      Applies.ANY,
      "LOCK",
      false,
      "Locks the screen at once. A locked Mac can be unlocked only with its 6-digit PIN,"
          + " entered on the Mac; an iPhone or iPad unlocks with its own passcode.",
      opt("pin", Type.STRING),
      opt("message", Type.STRING),
      opt("phoneNumber", Type.STRING)),
  RESTART(
      "restart",
      ApprovalClass.APPROVE,
      "RESTART_DEVICE",
      Applies.ANY,
      null,
      false,
      "Restarts the device; unsaved work is lost unless notifyUser lets a Mac's user"
          + " postpone it. iPhones and iPads must be supervised.",
      opt("notifyUser", Type.BOOLEAN),
      opt("rebuildKernelCache", Type.BOOLEAN),
      opt("kextPaths", Type.STRINGS)),
  SHUT_DOWN(
      "shutDown",
      ApprovalClass.APPROVE,
      "SHUT_DOWN_DEVICE",
      Applies.ANY,
      null,
      false,
      "Shuts the device down; unsaved work is lost, and it stays off until someone powers it"
          + " on. iPhones and iPads must be supervised."),
  ENABLE_LOST_MODE(
      "enableLostMode",
      ApprovalClass.APPROVE,
      "ENABLE_LOST_MODE",
      Applies.MOBILE,
      null,
      false,
      "Puts a supervised iPhone or iPad in Lost Mode: it is locked and shows the message and"
          + " phone number until Lost Mode is disabled.",
      new Option("message", "lostModeMessage", Type.STRING),
      new Option("phoneNumber", "lostModePhone", Type.STRING),
      new Option("footnote", "lostModeFootnote", Type.STRING)),
  DISABLE_LOST_MODE(
      "disableLostMode",
      ApprovalClass.CONFIRM,
      "DISABLE_LOST_MODE",
      Applies.MOBILE,
      null,
      false,
      "Takes a supervised iPhone or iPad out of Lost Mode."),
  PLAY_LOST_MODE_SOUND(
      "playLostModeSound",
      ApprovalClass.CONFIRM,
      "PLAY_LOST_MODE_SOUND",
      Applies.MOBILE,
      null,
      false,
      "Plays a sound on an iPhone or iPad in Lost Mode, even when it is muted."),
  DEVICE_LOCATION(
      "deviceLocation",
      ApprovalClass.APPROVE,
      "DEVICE_LOCATION",
      Applies.MOBILE,
      null,
      false,
      "Asks an iPhone or iPad in Lost Mode for its location, which Jamf Pro then shows:"
          + " where a person is."),
  CLEAR_PASSCODE(
      "clearPasscode",
      ApprovalClass.APPROVE,
      "CLEAR_PASSCODE",
      Applies.MOBILE,
      null,
      false,
      "Removes the passcode of an iPhone or iPad, leaving it open to anyone holding it. The"
          + " server sends the unlock token Jamf Pro escrowed for the device; it is never shown."),
  CLEAR_RESTRICTIONS_PASSWORD(
      "clearRestrictionsPassword",
      ApprovalClass.APPROVE,
      "CLEAR_RESTRICTIONS_PASSWORD",
      Applies.MOBILE,
      null,
      false,
      "Removes the Screen Time (restrictions) passcode of an iPhone or iPad."),
  LOG_OUT_USER(
      "logOutUser",
      ApprovalClass.CONFIRM,
      "LOG_OUT_USER",
      Applies.MOBILE,
      null,
      false,
      "Logs the current user out of a Shared iPad."),
  DELETE_USER(
      "deleteUser",
      ApprovalClass.APPROVE,
      "DELETE_USER",
      Applies.ANY,
      null,
      true,
      "Deletes a user account and its data from a Shared iPad or a Mac (userName, or"
          + " deleteAllUsers); the data is lost for good.",
      opt("userName", Type.STRING),
      opt("forceDeletion", Type.BOOLEAN),
      opt("deleteAllUsers", Type.BOOLEAN)),
  UNLOCK_USER_ACCOUNT(
      "unlockUserAccount",
      ApprovalClass.CONFIRM,
      "UNLOCK_USER_ACCOUNT",
      Applies.MACS,
      null,
      false,
      "Unlocks a Mac's local user account locked after too many wrong passwords.",
      opt("userName", Type.STRING)),
  ERASE(
      "erase",
      ApprovalClass.APPROVE,
      "ERASE_DEVICE",
      Applies.ANY,
      "ERASE",
      true,
      "Erases all content and settings and returns the device to factory state. Data on it is"
          + " lost for good. An Intel Mac without a T2 chip can be unlocked afterwards only with"
          + " its 6-digit PIN; on Apple silicon and T2 Macs the PIN is optional (Activation Lock"
          + " protects them instead). With Return to Service (iOS 17+, macOS 14+) the device re-enrolls"
          + " after the erase.",
      opt("pin", Type.STRING),
      opt("preserveDataPlan", Type.BOOLEAN),
      opt("disallowProximitySetup", Type.BOOLEAN),
      opt("obliterationBehavior", Type.STRING),
      opt("returnToService", Type.BOOLEAN)),
  ENABLE_REMOTE_DESKTOP(
      "enableRemoteDesktop",
      ApprovalClass.APPROVE,
      "ENABLE_REMOTE_DESKTOP",
      Applies.MACS,
      null,
      false,
      "Turns on Remote Management (screen sharing) on a Mac, opening it to remote control."),
  DISABLE_REMOTE_DESKTOP(
      "disableRemoteDesktop",
      ApprovalClass.CONFIRM,
      "DISABLE_REMOTE_DESKTOP",
      Applies.MACS,
      null,
      false,
      "Turns off Remote Management (screen sharing) on a Mac."),
  SET_RECOVERY_LOCK(
      "setRecoveryLock",
      ApprovalClass.APPROVE,
      "SET_RECOVERY_LOCK",
      Applies.MACS,
      null,
      false,
      "Sets (or, with an empty newPassword, clears) the Recovery Lock password of an Apple"
          + " silicon Mac: without it, nobody can start the Mac in recovery.",
      opt("newPassword", Type.STRING)),
  VERIFY_RECOVERY_LOCK(
      "verifyRecoveryLock",
      ApprovalClass.APPROVE,
      "VERIFY_RECOVERY_LOCK",
      Applies.MACS,
      null,
      false,
      "Asks a Mac whether a password is its Recovery Lock password.",
      opt("password", Type.STRING)),
  SET_AUTO_ADMIN_PASSWORD(
      "setAutoAdminPassword",
      ApprovalClass.APPROVE,
      "SET_AUTO_ADMIN_PASSWORD",
      Applies.MACS,
      null,
      false,
      "Sets the password of the managed local administrator account (guid) created at"
          + " enrollment.",
      opt("guid", Type.STRING),
      opt("password", Type.STRING)),
  REQUEST_MIRRORING(
      "requestMirroring",
      ApprovalClass.APPROVE,
      "REQUEST_MIRRORING",
      Applies.MOBILE,
      null,
      false,
      "Mirrors the screen of an iPhone or iPad to an AirPlay destination: whoever watches it"
          + " sees what is on the screen.",
      opt("destinationName", Type.STRING),
      opt("destinationDeviceId", Type.STRING),
      opt("password", Type.STRING),
      opt("scanTime", Type.INTEGER)),
  STOP_MIRRORING(
      "stopMirroring",
      ApprovalClass.CONFIRM,
      "STOP_MIRRORING",
      Applies.MOBILE,
      null,
      false,
      "Stops AirPlay mirroring of an iPhone or iPad."),
  SETTINGS(
      "settings",
      ApprovalClass.CONFIRM,
      "SETTINGS",
      Applies.ANY,
      null,
      false,
      "Changes device settings (device name, time zone, Bluetooth, data roaming, hotspot, ...),"
          + " given as Jamf's SETTINGS fields.",
      opt("deviceName", Type.STRING),
      opt("timeZone", Type.STRING),
      opt("bluetooth", Type.BOOLEAN),
      opt("bootstrapTokenAllowed", Type.BOOLEAN),
      opt("activationLockAllowedWhileSupervised", Type.BOOLEAN),
      opt("appAnalytics", Type.STRING),
      opt("diagnosticSubmission", Type.STRING),
      opt("dataRoaming", Type.STRING),
      opt("voiceRoaming", Type.STRING),
      opt("personalHotspot", Type.STRING),
      opt("maximumResidentUsers", Type.INTEGER),
      opt("passcodeLockGracePeriod", Type.INTEGER),
      opt("defaultApplications", Type.OBJECT),
      opt("applicationAttributes", Type.OBJECT),
      opt("applicationConfiguration", Type.OBJECT),
      opt("sharedDeviceConfiguration", Type.OBJECT),
      opt("softwareUpdateSettings", Type.OBJECT)),
  APPLY_REDEMPTION_CODE(
      "applyRedemptionCode",
      ApprovalClass.CONFIRM,
      "APPLY_REDEMPTION_CODE",
      Applies.MOBILE,
      null,
      false,
      "Redeems an App Store code for an app (identifier) on an iPhone or iPad.",
      opt("identifier", Type.STRING),
      opt("redemptionCode", Type.STRING)),
  REFRESH_CELLULAR_PLANS(
      "refreshCellularPlans",
      ApprovalClass.CONFIRM,
      "REFRESH_CELLULAR_PLANS",
      Applies.MOBILE,
      null,
      false,
      "Asks an iPhone or iPad to fetch its eSIM cellular plans from the carrier's server.",
      req("esimServerUrl", Type.STRING)),
  DECLARATIVE_MANAGEMENT(
      "declarativeManagement",
      ApprovalClass.CONFIRM,
      "DECLARATIVE_MANAGEMENT",
      Applies.ANY,
      null,
      false,
      "Makes the device synchronise its declarative management (DDM) declarations.",
      opt("data", Type.STRING)),
  TRIGGER_ENHANCED_LOG_COLLECTION(
      "triggerEnhancedLogCollection",
      ApprovalClass.CONFIRM,
      "TRIGGER_ENHANCED_LOG_COLLECTION",
      Applies.ANY,
      null,
      false,
      "Starts enhanced log collection for AppleCare (appleCareToken).",
      req("appleCareToken", Type.STRING)),
  CANCEL_ENHANCED_LOG_COLLECTION(
      "cancelEnhancedLogCollection",
      ApprovalClass.CONFIRM,
      "CANCEL_ENHANCED_LOG_COLLECTION",
      Applies.ANY,
      null,
      false,
      "Stops enhanced log collection."),
  DEVICE_INFORMATION(
      "deviceInformation",
      ApprovalClass.NONE,
      "DEVICE_INFORMATION",
      Applies.ANY,
      null,
      false,
      "Asks the device to report its information (queries: which items) to Jamf Pro.",
      opt("queries", Type.STRINGS)),
  SECURITY_INFO(
      "securityInfo",
      ApprovalClass.NONE,
      "SECURITY_INFO",
      Applies.ANY,
      null,
      false,
      "Asks the device to report its security state to Jamf Pro."),
  CERTIFICATE_LIST(
      "certificateList",
      ApprovalClass.NONE,
      "CERTIFICATE_LIST",
      Applies.ANY,
      null,
      false,
      "Asks the device to report its installed certificates to Jamf Pro."),
  PROFILE_LIST(
      "profileList",
      ApprovalClass.NONE,
      "PROFILE_LIST",
      Applies.ANY,
      null,
      false,
      "Asks the device to report its configuration profiles to Jamf Pro.",
      opt("managedOnly", Type.BOOLEAN)),
  PROVISIONING_PROFILE_LIST(
      "provisioningProfileList",
      ApprovalClass.NONE,
      "PROVISIONING_PROFILE_LIST",
      Applies.ANY,
      null,
      false,
      "Asks the device to report its provisioning profiles to Jamf Pro.",
      opt("managedOnly", Type.BOOLEAN)),
  INSTALLED_APPLICATION_LIST(
      "installedApplicationList",
      ApprovalClass.NONE,
      "INSTALLED_APPLICATION_LIST",
      Applies.ANY,
      null,
      false,
      "Asks the device to report its installed apps to Jamf Pro.",
      opt("identifiers", Type.STRINGS),
      opt("managedAppsOnly", Type.BOOLEAN),
      opt("items", Type.STRINGS)),
  MANAGED_APPLICATION_LIST(
      "managedApplicationList",
      ApprovalClass.NONE,
      "MANAGED_APPLICATION_LIST",
      Applies.ANY,
      null,
      false,
      "Asks the device to report its managed apps to Jamf Pro.",
      opt("identifiers", Type.STRINGS)),
  MANAGED_MEDIA_LIST(
      "managedMediaList",
      ApprovalClass.NONE,
      "MANAGED_MEDIA_LIST",
      Applies.MOBILE,
      null,
      false,
      "Asks an iPhone or iPad to report its managed books to Jamf Pro."),
  VALIDATE_APPLICATIONS(
      "validateApplications",
      ApprovalClass.NONE,
      "VALIDATE_APPLICATIONS",
      Applies.MOBILE,
      null,
      false,
      "Asks an iPhone or iPad to re-validate the provisioning of its enterprise apps.");

  /** The JSON type of an option's value, as the contract types the field. */
  enum Type {
    STRING("string"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    STRINGS("array of strings"),
    OBJECT("object");

    final String label;

    Type(String label) {
      this.label = label;
    }

    boolean accepts(JsonNode value) {
      return switch (this) {
        case STRING -> value.isString();
        case BOOLEAN -> value.isBoolean();
        case INTEGER -> value.isIntegralNumber();
        case STRINGS -> {
          if (!value.isArray()) {
            yield false;
          }
          for (JsonNode item : value) {
            if (!item.isString()) {
              yield false;
            }
          }
          yield true;
        }
        case OBJECT -> value.isObject();
      };
    }
  }

  /**
   * One option: the argument's name under {@code options}, the {@code commandData} field it fills,
   * its type, and whether the command needs it.
   */
  record Option(String name, String field, Type type, boolean required) {
    Option(String name, String field, Type type) {
      this(name, field, type, false);
    }
  }

  private static Option opt(String name, Type type) {
    return new Option(name, name, type, false);
  }

  private static Option req(String name, Type type) {
    return new Option(name, name, type, true);
  }

  final String argument;
  final ApprovalClass approval;
  final String commandType;
  final Applies applies;

  // Set.copyOf and Map.copyOf make them unmodifiable; Error Prone cannot see that through the type.
  @SuppressWarnings("ImmutableEnumChecker")
  final Set<Kind> appliesTo;

  @SuppressWarnings("ImmutableEnumChecker")
  final Map<String, Option> options;

  final String phraseVerb;
  final boolean irreversible;
  final String effect;

  MdmCommandKind(
      String argument,
      ApprovalClass approval,
      String commandType,
      Applies applies,
      String phraseVerb,
      boolean irreversible,
      String effect,
      Option... options) {
    this.argument = argument;
    this.approval = approval;
    this.commandType = commandType;
    this.applies = applies;
    this.appliesTo = Set.copyOf(applies.kinds);
    Map<String, Option> byName = new LinkedHashMap<>();
    for (Option option : options) {
      byName.put(option.name(), option);
    }
    this.options = java.util.Collections.unmodifiableMap(byName);
    this.phraseVerb = phraseVerb;
    this.irreversible = irreversible;
    this.effect = effect;
  }

  /** Which devices a command applies to. */
  enum Applies {
    ANY(EnumSet.allOf(Kind.class), "any device"),
    MACS(EnumSet.of(Kind.COMPUTER), "Macs only"),
    MOBILE(EnumSet.of(Kind.MOBILE), "iPhones and iPads only");

    @SuppressWarnings("ImmutableEnumChecker") // only read
    final Set<Kind> kinds;

    final String words;

    Applies(Set<Kind> kinds, String words) {
      this.kinds = kinds;
      this.words = words;
    }
  }

  static MdmCommandKind of(String argument) {
    for (MdmCommandKind kind : values()) {
      if (kind.argument.equals(argument)) {
        return kind;
      }
    }
    throw new ToolException("Unknown command '" + argument + "'. Nothing was done.");
  }

  static String[] arguments() {
    return java.util.Arrays.stream(values()).map(k -> k.argument).toArray(String[]::new);
  }

  /** "approve: lock, restart, ...; confirm: ...; none: ...", for the tool's description. */
  static String approvalClasses() {
    List<String> groups = new ArrayList<>();
    for (ApprovalClass c :
        List.of(ApprovalClass.APPROVE, ApprovalClass.CONFIRM, ApprovalClass.NONE)) {
      groups.add(
          c.label()
              + ": "
              + String.join(
                  ", ",
                  java.util.Arrays.stream(values())
                      .filter(k -> k.approval == c)
                      .map(k -> k.argument)
                      .toList()));
    }
    return String.join("; ", groups);
  }

  /** True when this command on these devices needs a Mac's 6-digit PIN. */
  boolean needsPin(List<Device> devices) {
    return (this == LOCK || this == ERASE)
        && devices.stream().anyMatch(d -> d.kind() == Kind.COMPUTER);
  }

  /** The phrase the user must type for this many devices, or null when a yes is enough. */
  String typedPhrase(int devices) {
    return phraseVerb == null
        ? null
        : phraseVerb + " " + devices + (devices == 1 ? " DEVICE" : " DEVICES");
  }

  /** Every reason this command cannot go to these devices with these options; empty if none. */
  List<String> problems(List<Device> devices, ObjectNode options) {
    List<String> problems = new ArrayList<>();
    options
        .properties()
        .forEach(
            e -> {
              Option option = this.options.get(e.getKey());
              if (option == null) {
                problems.add(
                    "option '"
                        + e.getKey()
                        + "' does not apply to "
                        + argument
                        + (this.options.isEmpty()
                            ? " (it takes no options)"
                            : " (it takes: " + String.join(", ", this.options.keySet()) + ")"));
              } else if (!option.type().accepts(e.getValue())) {
                problems.add(
                    "option '"
                        + e.getKey()
                        + "' of "
                        + argument
                        + " must be "
                        + option.type().label);
              }
            });
    for (Option option : this.options.values()) {
      if (option.required() && !options.has(option.name()) && this != CLEAR_PASSCODE) {
        problems.add(argument + " needs options." + option.name());
      }
    }
    boolean anyComputer = devices.stream().anyMatch(d -> d.kind() == Kind.COMPUTER);
    for (Device d : devices) {
      if (!appliesTo.contains(d.kind())) {
        problems.add(
            argument
                + " applies to "
                + applies.words
                + ", not to the "
                + (d.kind() == Kind.COMPUTER ? "computer " : "mobile device ")
                + d.describe());
      }
      if (d.managementId() == null) {
        problems.add(
            d.describe()
                + " has no MDM management id (it is not MDM-managed), so"
                + " Jamf cannot send it commands");
      }
    }
    if ((this == LOCK || this == ERASE)
        && anyComputer
        && options.has("pin")
        && !options.path("pin").asString("").matches("[0-9]{6}")) {
      problems.add(
          argument
              + " on a Mac needs options.pin to be six digits (or leave it out and the server"
              + " generates one for the person)");
    }
    if (this == ENABLE_LOST_MODE && !options.has("message") && !options.has("phoneNumber")) {
      problems.add(
          "enableLostMode needs options.message or options.phoneNumber (shown on the"
              + " lock screen)");
    }
    return problems;
  }

  /** The request for one device; option names map onto the contract's field names. */
  MdmCommandRequest request(Device device, ObjectNode options) {
    MdmCommandRequest request = MdmCommandRequest.of(commandType, List.of(device.managementId()));
    if (this == DEVICE_INFORMATION && !options.has("queries")) {
      // Jamf refuses DEVICE_INFORMATION without queries: ask for what its inventory shows
      request = request.with("queries", UpdateInventory.INVENTORY_QUERIES);
    }
    for (var e : options.properties()) {
      Option option = this.options.get(e.getKey());
      if (option == null) {
        continue; // refused by problems() before anything is sent
      }
      if ("pin".equals(option.field()) && device.kind() != Kind.COMPUTER) {
        continue; // the PIN is a Mac's; iPhones and iPads keep their own passcode
      }
      if ("returnToService".equals(option.field())) {
        // the contract's ReturnToService object; Jamf supplies the profiles it needs
        request = request.with(option.field(), Map.of("enabled", e.getValue().asBoolean()));
        continue;
      }
      request = request.with(option.field(), value(option.type(), e.getValue()));
    }
    return request;
  }

  private static Object value(Type type, JsonNode value) {
    return switch (type) {
      case STRING -> value.asString();
      case BOOLEAN -> value.asBoolean();
      case INTEGER -> value.asLong();
      case STRINGS -> {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asString()));
        yield List.copyOf(items);
      }
      case OBJECT -> Json.mapper().convertValue(value, Map.class);
    };
  }
}
