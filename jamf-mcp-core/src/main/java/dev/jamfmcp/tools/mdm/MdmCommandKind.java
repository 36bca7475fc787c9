package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands sendMdmCommand offers, each with its approval class (lock, restart, shut down, Lost
 * Mode, clear passcode and erase are {@code approve}: destructive or hard to undo; disabling Lost
 * Mode and logging a user out are {@code confirm}), its Jamf {@code commandType}, the devices it
 * applies to, the options the Jamf Pro 11.30.1 contract of {@code POST /api/v2/mdm/commands} gives
 * it, and what the user must be told before it runs.
 */
enum MdmCommandKind {
  LOCK(
      "lock",
      ApprovalClass.APPROVE,
      "DEVICE_LOCK",
      EnumSet.allOf(Kind.class),
      Set.of("pin", "message", "phoneNumber"),
      "LOCK",
      false,
      "Locks the screen at once. A locked Mac can be unlocked only with its 6-digit PIN,"
          + " entered on the Mac; an iPhone or iPad unlocks with its own passcode."),
  RESTART(
      "restart",
      ApprovalClass.APPROVE,
      "RESTART_DEVICE",
      EnumSet.allOf(Kind.class),
      Set.of("notifyUser"),
      null,
      false,
      "Restarts the device; unsaved work is lost unless notifyUser lets a Mac's user"
          + " postpone it. iPhones and iPads must be supervised."),
  SHUT_DOWN(
      "shutDown",
      ApprovalClass.APPROVE,
      "SHUT_DOWN_DEVICE",
      EnumSet.allOf(Kind.class),
      Set.of(),
      null,
      false,
      "Shuts the device down; unsaved work is lost, and it stays off until someone powers it"
          + " on. iPhones and iPads must be supervised."),
  ENABLE_LOST_MODE(
      "enableLostMode",
      ApprovalClass.APPROVE,
      "ENABLE_LOST_MODE",
      EnumSet.of(Kind.MOBILE),
      Set.of("message", "phoneNumber", "footnote"),
      null,
      false,
      "Puts a supervised iPhone or iPad in Lost Mode: it is locked and shows the message and"
          + " phone number until Lost Mode is disabled."),
  DISABLE_LOST_MODE(
      "disableLostMode",
      ApprovalClass.CONFIRM,
      "DISABLE_LOST_MODE",
      EnumSet.of(Kind.MOBILE),
      Set.of(),
      null,
      false,
      "Takes a supervised iPhone or iPad out of Lost Mode."),
  CLEAR_PASSCODE(
      "clearPasscode",
      ApprovalClass.APPROVE,
      "CLEAR_PASSCODE",
      EnumSet.of(Kind.MOBILE),
      Set.of(),
      null,
      false,
      "Removes the passcode of an iPhone or iPad, leaving it open to anyone holding it. The"
          + " server sends the unlock token Jamf Pro escrowed for the device; it is never shown."),
  LOG_OUT_USER(
      "logOutUser",
      ApprovalClass.CONFIRM,
      "LOG_OUT_USER",
      EnumSet.of(Kind.MOBILE),
      Set.of(),
      null,
      false,
      "Logs the current user out of a Shared iPad."),
  ERASE(
      "erase",
      ApprovalClass.APPROVE,
      "ERASE_DEVICE",
      EnumSet.allOf(Kind.class),
      Set.of(
          "pin",
          "preserveDataPlan",
          "disallowProximitySetup",
          "obliterationBehavior",
          "returnToService"),
      "ERASE",
      true,
      "Erases all content and settings and returns the device to factory state. Data on it is"
          + " lost for good. An Intel Mac without a T2 chip can be unlocked afterwards only with"
          + " its 6-digit PIN; on Apple silicon and T2 Macs the PIN is optional (Activation Lock"
          + " protects them instead). returnToService (iOS 17+, macOS 14+) re-enrolls the device"
          + " after the erase.");

  final String argument;
  final ApprovalClass approval;
  final String commandType;

  // Set.copyOf makes both unmodifiable; Error Prone cannot see that through the Set type.
  @SuppressWarnings("ImmutableEnumChecker")
  final Set<Kind> appliesTo;

  @SuppressWarnings("ImmutableEnumChecker")
  final Set<String> options;

  final String phraseVerb;
  final boolean irreversible;
  final String effect;

  MdmCommandKind(
      String argument,
      ApprovalClass approval,
      String commandType,
      Set<Kind> appliesTo,
      Set<String> options,
      String phraseVerb,
      boolean irreversible,
      String effect) {
    this.argument = argument;
    this.approval = approval;
    this.commandType = commandType;
    this.appliesTo = Set.copyOf(appliesTo);
    this.options = Set.copyOf(options);
    this.phraseVerb = phraseVerb;
    this.irreversible = irreversible;
    this.effect = effect;
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

  /** "lock: approve, restart: approve, ...", for the tool's description and docs. */
  static String approvalClasses() {
    return String.join(
        ", ",
        java.util.Arrays.stream(values()).map(k -> k.argument + " " + k.approval.label()).toList());
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
              if (!this.options.contains(e.getKey())) {
                problems.add(
                    "option '"
                        + e.getKey()
                        + "' does not apply to "
                        + argument
                        + (this.options.isEmpty()
                            ? " (it takes no options)"
                            : " (it takes: " + String.join(", ", this.options) + ")"));
              }
            });
    boolean anyComputer = devices.stream().anyMatch(d -> d.kind() == Kind.COMPUTER);
    for (Device d : devices) {
      if (!appliesTo.contains(d.kind())) {
        problems.add(
            argument + " applies to iPhones and iPads only, not to the computer " + d.describe());
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
    for (var e : options.properties()) {
      JsonNode value = e.getValue();
      String field =
          switch (this) {
            case ENABLE_LOST_MODE ->
                switch (e.getKey()) {
                  case "message" -> "lostModeMessage";
                  case "phoneNumber" -> "lostModePhone";
                  default -> "lostModeFootnote";
                };
            default -> e.getKey();
          };
      if ("pin".equals(field) && device.kind() != Kind.COMPUTER) {
        continue; // the PIN is a Mac's; iPhones and iPads keep their own passcode
      }
      if ("returnToService".equals(field)) {
        // the contract's ReturnToService object; Jamf supplies the profiles it needs
        request = request.with(field, java.util.Map.of("enabled", value.asBoolean()));
        continue;
      }
      request =
          request.with(field, value.isBoolean() ? (Object) value.asBoolean() : value.asString());
    }
    return request;
  }
}
